/// A place in a file: 1-based line and column.
public struct SourceMark: Sendable, Equatable, Hashable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A YAML node with its place in the file, as composed by `YAMLComposer` (aliases never expanded).
struct YAMLNode: Sendable {
    /// A key and its value, in file order; duplicates are kept so the checker can report them.
    struct Pair: Sendable {
        let key: YAMLNode
        let value: YAMLNode
    }

    /// What the node holds.
    enum Content: Sendable {
        /// Text, and whether it was written plain (unquoted, so YAML may read it as a number or boolean).
        case scalar(String, plain: Bool)
        case mapping([Pair])
        case sequence([YAMLNode])
    }

    let content: Content
    let mark: SourceMark
    /// An explicit tag such as `!!str`, already expanded (`tag:yaml.org,2002:str`).
    let tag: String?

    /// What a plain scalar means under YAML 1.2's core schema, for type checks and messages.
    enum ScalarType: String {
        case string, integer, number, boolean, null
    }

    /// A short name of the node's type for messages: "a string", "a list", "a mapping", …
    var typeDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar:
            switch scalarType {
            case .string: return "a string"
            case .integer: return "an integer"
            case .number: return "a number"
            case .boolean: return "a boolean"
            case .null: return "nothing (null)"
            case nil: return "a value"
            }
        }
    }

    /// The scalar's type, nil for mappings and lists.
    var scalarType: ScalarType? {
        guard case let .scalar(text, plain) = content else { return nil }
        if let tag {
            switch tag {
            case "tag:yaml.org,2002:str": return .string
            case "tag:yaml.org,2002:int": return .integer
            case "tag:yaml.org,2002:float": return .number
            case "tag:yaml.org,2002:bool": return .boolean
            case "tag:yaml.org,2002:null": return .null
            default: return .string
            }
        }
        return plain ? Self.resolvePlain(text) : .string
    }

    /// The text of a scalar of any type, nil for mappings and lists.
    var scalarText: String? {
        if case let .scalar(text, _) = content { return text }
        return nil
    }

    /// YAML 1.2 core-schema resolution of an unquoted scalar.
    static func resolvePlain(_ text: String) -> ScalarType {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE": return .boolean
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN":
            return .number
        default: break
        }
        let bytes = Array(text.utf8)
        if isInteger(bytes) { return .integer }
        if isFloat(bytes) { return .number }
        return .string
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isInteger(_ bytes: [UInt8]) -> Bool {
        var body = bytes[...]
        if body.first == UInt8(ascii: "-") || body.first == UInt8(ascii: "+") { body = body.dropFirst() }
        if body.starts(with: Array("0x".utf8)) {
            let hex = body.dropFirst(2)
            return !hex.isEmpty && hex.allSatisfy { isDigit($0) || (0x61...0x66).contains($0 | 0x20) }
        }
        if body.starts(with: Array("0o".utf8)) {
            let octal = body.dropFirst(2)
            return !octal.isEmpty && octal.allSatisfy { (0x30...0x37).contains($0) }
        }
        return !body.isEmpty && body.allSatisfy(isDigit)
    }

    private static func isFloat(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        var digits = 0
        while index < bytes.count, isDigit(bytes[index]) { index += 1; digits += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) { index += 1; digits += 1 }
        }
        guard digits > 0 else { return false }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            var exponentDigits = 0
            while index < bytes.count, isDigit(bytes[index]) { index += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return false }
        }
        return index == bytes.count
    }
}
