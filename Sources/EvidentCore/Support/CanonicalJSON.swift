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
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            if line.hasSuffix("["), let next = lines.first, next.allSatisfy(\.isWhitespace),
               let close = lines.dropFirst().first, close.trimmingCharacters(in: .whitespaces).hasPrefix("]") {
                output += line + close.trimmingCharacters(in: .whitespaces) + "\n"
                lines = lines.dropFirst(2)
            } else {
                output += line + "\n"
            }
        }
        return String(output.dropLast())
    }

    /// Decodes `text` as `type`; nil when it does not decode.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) -> T? {
        try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
