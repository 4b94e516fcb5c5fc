import Foundation

/// Any JSON value, for embedding stored JSON (audit payloads) in output documents as JSON, not text.
public indirect enum JSONValue: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int64)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The value `text` holds, or the text itself as a string when it is not JSON.
    public init(parsing text: String) {
        self = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .string(text)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .integer(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }
}

/// The audit log as a JSON document (`evident log --format json`).
public struct AuditLogDocument: Sendable, Codable {
    /// One entry, its payload as JSON.
    public struct Entry: Sendable, Codable {
        public let seq: Int64
        public let at: Timestamp
        public let actor: String
        public let action: String
        public let cycleID: Int64?
        public let item: String?
        public let subject: String
        public let payload: JSONValue
        public let previousHash: String
        public let hash: String

        enum CodingKeys: String, CodingKey {
            case seq, at, actor, action, item, subject, payload, hash
            case cycleID = "cycle_id"
            case previousHash = "previous_hash"
        }

        public init(_ entry: AuditEntry) {
            seq = entry.seq
            at = entry.at
            actor = entry.actor
            action = entry.action
            cycleID = entry.cycleID
            item = entry.itemID
            subject = entry.subject
            payload = JSONValue(parsing: entry.payload)
            previousHash = entry.previousHash
            hash = entry.hash
        }
    }

    public let formatVersion: Int
    public let entries: [Entry]

    enum CodingKeys: String, CodingKey {
        case entries
        case formatVersion = "format_version"
    }

    public init(_ entries: [AuditEntry]) {
        formatVersion = 1
        self.entries = entries.map(Entry.init)
    }
}
