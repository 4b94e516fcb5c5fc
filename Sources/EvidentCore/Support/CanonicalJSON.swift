import Foundation

/// JSON with sorted keys and unescaped slashes: the one encoding Evident hashes, stores and prints,
/// so the same value always gives the same bytes.
public enum CanonicalJSON {
    /// Compact canonical JSON of `value`.
    public static func string(_ value: some Encodable) -> String {
        String(decoding: data(value), as: UTF8.self)
    }

    /// Compact canonical JSON of a list of strings; `[]` without an encoder for the empty list,
    /// the common case for every item's scope tags and checks.
    public static func string(_ strings: [String]) -> String {
        strings.isEmpty ? "[]" : String(decoding: data(strings), as: UTF8.self)
    }

    /// Compact canonical JSON bytes of `value`.
    public static func data(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding Evident's own Codable types cannot fail: they hold only strings, numbers and arrays.
        return try! encoder.encode(value)
    }

    /// Indented canonical JSON of `value`, ending with a newline, keys in snake_case
    /// (`itemID` → `item_id`): what machine-readable outputs print.
    public static func pretty(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let text = String(decoding: try! encoder.encode(value), as: UTF8.self)
        return compactEmptyContainers(text) + "\n"
    }

    /// Foundation pretty-prints an empty array or object over two lines; `[]` and `{}` read better.
    /// JSON strings never hold a raw line break, so this cannot touch a value.
    static func compactEmptyContainers(_ text: String) -> String {
        guard text.contains("[\n") || text.contains("{\n") else { return text }
        // Byte by byte: the output of a 10,000-item status is megabytes, and every byte looked at
        // here is ASCII (JSON's structure and indentation).
        let bytes = Array(text.utf8)
        var lines: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<bytes.count)
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if bytes[line].last == UInt8(ascii: "["), index + 2 < lines.count, bytes[lines[index + 1]].allSatisfy(isSpace) {
                let close = bytes[lines[index + 2]].drop(while: isSpace)
                if close.first == UInt8(ascii: "]") {
                    output += bytes[line]
                    output += close.reversed().drop(while: isSpace).reversed()
                    output.append(0x0A)
                    index += 3
                    continue
                }
            }
            output += bytes[line]
            output.append(0x0A)
            index += 1
        }
        return String(decoding: output.dropLast(), as: UTF8.self)
    }

    /// Decodes `text` as `type`; nil when it does not decode.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) -> T? {
        try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
