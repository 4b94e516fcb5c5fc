/// One entry of the append-only audit log; its hash chains it to the entry before.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var seq: Int64
    public var at: Timestamp
    public var actor: String
    /// What happened: `checklist.load`, `cycle.start`, `review.record`, `evidence.add`, …
    public var action: String
    public var cycleID: Int64?
    public var itemID: String?
    /// What it happened to, in words a reader recognises: a cycle name, an item id, a file name.
    public var subject: String
    /// The change's details as canonical JSON (sorted keys).
    public var payload: String
    public var previousHash: String
    public var hash: String

    /// snake_case keys: how an entry reads as a line of a bundle's `audit-log.jsonl`.
    enum CodingKeys: String, CodingKey {
        case seq, at, actor, action, subject, payload, hash
        case cycleID = "cycle_id"
        case itemID = "item_id"
        case previousHash = "previous_hash"
    }

    /// The previous hash of the first entry.
    public static let genesisHash = String(repeating: "0", count: 64)
}

/// An entry of another cycle inside a bundle's `audit-log.jsonl`: only its place in the chain.
/// Its hash cannot be recomputed from the bundle, but the entries around it still link through it.
public struct ElidedAuditEntry: Sendable, Equatable, Codable {
    public var seq: Int64
    public var previousHash: String
    public var hash: String
    public var elided = true

    public init(_ entry: AuditEntry) {
        seq = entry.seq
        previousHash = entry.previousHash
        hash = entry.hash
    }

    enum CodingKeys: String, CodingKey {
        case seq, hash, elided
        case previousHash = "previous_hash"
    }
}
