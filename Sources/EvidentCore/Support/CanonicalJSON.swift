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
        return String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Decodes `text` as `type`; nil when it does not decode.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) -> T? {
        try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
