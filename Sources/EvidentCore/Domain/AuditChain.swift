/// How audit entries are hashed and chained: each hash covers the entry's fields and the previous
/// entry's hash, so changing, removing or reordering any entry breaks every hash after it.
public enum AuditChain {
    /// The hash of an entry with these fields, chained to `previousHash`.
    public static func hash(
        seq: Int64, at: Timestamp, actor: String, action: String, cycleID: Int64?, itemID: String?,
        subject: String, payload: String, previousHash: String
    ) -> String {
        let fields = HashedFields(
            seq: seq, at: at.iso8601, actor: actor, action: action, cycleID: cycleID, itemID: itemID,
            subject: subject, payload: payload, previousHash: previousHash)
        return Digest.sha256(CanonicalJSON.data(fields))
    }

    /// The entry numbered `seq` after the entry hashed `previousHash`, with its hash: what every
    /// store appends.
    static func entry(
        seq: Int64, previousHash: String, session: Session, action: String, cycleID: Int64?, itemID: String?,
        subject: String, payload: String
    ) -> AuditEntry {
        AuditEntry(
            seq: seq, at: session.now, actor: session.actor, action: action, cycleID: cycleID, itemID: itemID,
            subject: subject, payload: payload, previousHash: previousHash,
            hash: hash(seq: seq, at: session.now, actor: session.actor, action: action, cycleID: cycleID, itemID: itemID,
                       subject: subject, payload: payload, previousHash: previousHash))
    }

    /// The hash `entry` should have, given its own fields.
    public static func expectedHash(of entry: AuditEntry) -> String {
        hash(
            seq: entry.seq, at: entry.at, actor: entry.actor, action: entry.action, cycleID: entry.cycleID,
            itemID: entry.itemID, subject: entry.subject, payload: entry.payload, previousHash: entry.previousHash)
    }

    /// A problem found while checking a chain.
    public struct Break: Sendable, Equatable, CustomStringConvertible {
        public let seq: Int64
        public let problem: String

        public var description: String { "audit log entry \(seq): \(problem)" }
    }

    /// Every break in `entries` (ordered by seq): a wrong hash, a wrong link, a gap in numbering.
    public static func check(_ entries: [AuditEntry]) -> [Break] {
        var breaks: [Break] = []
        var previous = AuditEntry.genesisHash
        var expectedSeq: Int64 = 1
        for entry in entries {
            if entry.seq != expectedSeq {
                breaks.append(Break(seq: entry.seq, problem: "entries \(expectedSeq)–\(entry.seq - 1) are missing"))
            }
            if entry.previousHash != previous {
                breaks.append(Break(seq: entry.seq, problem: "does not link to the entry before it"))
            }
            if expectedHash(of: entry) != entry.hash {
                breaks.append(Break(seq: entry.seq, problem: "its content does not match its hash (\(entry.action) \(entry.subject))"))
            }
            previous = entry.hash
            expectedSeq = entry.seq + 1
        }
        return breaks
    }

    private struct HashedFields: Encodable {
        let seq: Int64
        let at: String
        let actor: String
        let action: String
        let cycleID: Int64?
        let itemID: String?
        let subject: String
        let payload: String
        let previousHash: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode(seq)
            try container.encode(at)
            try container.encode(actor)
            try container.encode(action)
            try container.encode(cycleID)
            try container.encode(itemID)
            try container.encode(subject)
            try container.encode(payload)
            try container.encode(previousHash)
        }
    }
}
