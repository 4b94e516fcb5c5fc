import GRDB

extension AppDatabase {
    /// Stores one piece of evidence (its vault file already safe on disk) and logs it.
    func insertEvidence(_ evidence: Evidence, session: Session) throws -> Evidence {
        try write { db in try insertEvidence(db, evidence, action: "evidence.add", session: session) }
    }

    /// Stores several pieces of evidence in one transaction, all or none, each logged.
    func insertEvidence(_ evidence: [Evidence], session: Session) throws -> [Evidence] {
        try write { db in try evidence.map { try insertEvidence(db, $0, action: "evidence.add", session: session) } }
    }

    /// Inserts `evidence` (its id ignored) inside the caller's transaction, logged under `action`.
    @discardableResult
    func insertEvidence(_ db: Database, _ evidence: Evidence, action: String, session: Session) throws -> Evidence {
        try db.execute(
            sql: """
                INSERT INTO evidence (cycle_id, item_id, kind, digest, size, file_name, url, note, redacted,
                    effective_at, expires_at, added_at, added_by, carried_from_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                evidence.cycleID, evidence.itemID, evidence.kind, evidence.digest, evidence.size, evidence.fileName,
                evidence.url, evidence.note, evidence.redacted, evidence.effectiveAt, evidence.expiresAt,
                evidence.addedAt, evidence.addedBy, evidence.carriedFromID,
            ])
        var stored = evidence
        stored.id = db.lastInsertedRowID
        try appendAudit(
            db, session: session, action: action, cycleID: stored.cycleID, itemID: stored.itemID,
            subject: "\(stored.itemID) #\(stored.id)", payload: EvidencePayload(stored))
        return stored
    }

    /// The evidence with id `id`.
    func evidence(id: Int64) throws -> Evidence? {
        try read { db in try Evidence.fetchOne(db, key: id) }
    }

    /// A cycle's evidence, optionally for one item, in the order it was added.
    func evidence(cycleID: Int64, itemID: String? = nil) throws -> [Evidence] {
        try read { db in
            var request = Evidence.filter(Column("cycle_id") == cycleID)
            if let itemID { request = request.filter(Column("item_id") == itemID) }
            return try request.order(Column("id")).fetchAll(db)
        }
    }

    /// Every piece of evidence of every cycle, for verification.
    func allEvidence() throws -> [Evidence] {
        try read { db in try Evidence.order(Column("id")).fetchAll(db) }
    }

    /// Marks evidence withdrawn (kept in history) and logs why.
    func withdrawEvidence(_ evidence: Evidence, reason: String, session: Session) throws -> Evidence {
        try write { db in
            try db.execute(
                sql: "UPDATE evidence SET withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ? WHERE id = ?",
                arguments: [session.now, session.actor, reason, evidence.id])
            try appendAudit(
                db, session: session, action: "evidence.withdraw", cycleID: evidence.cycleID, itemID: evidence.itemID,
                subject: "\(evidence.itemID) #\(evidence.id)",
                payload: WithdrawPayload(evidenceID: evidence.id, digest: evidence.digest, reason: reason))
            return try Evidence.fetchOne(db, key: evidence.id)!
        }
    }

    /// Records that withdrawn evidence's vault file was deleted, for every row in `evidence`.
    func markPurged(_ evidence: [Evidence], session: Session) throws {
        try write { db in
            for row in evidence {
                try db.execute(sql: "UPDATE evidence SET purged_at = ? WHERE id = ?", arguments: [session.now, row.id])
                try appendAudit(
                    db, session: session, action: "evidence.purge", cycleID: row.cycleID, itemID: row.itemID,
                    subject: "\(row.itemID) #\(row.id)",
                    payload: WithdrawPayload(evidenceID: row.id, digest: row.digest, reason: nil))
            }
        }
    }

    /// The other evidence that shares the vault file `digest` with evidence `id`, unpurged.
    func evidenceSharingFile(digest: String, excluding id: Int64) throws -> [Evidence] {
        try read { db in
            try Evidence.fetchAll(
                db,
                sql: "SELECT * FROM evidence WHERE digest = ? AND id != ? AND kind IN ('file', 'scan') AND purged_at IS NULL",
                arguments: [digest, id])
        }
    }
}

/// The audit payload of `evidence.add` and `evidence.carry`: every immutable field of the row.
struct EvidencePayload: Codable, Equatable {
    let evidenceID: Int64
    let item: String
    let kind: EvidenceKind
    let digest: String
    let size: Int64
    let fileName: String?
    let url: String?
    let note: String?
    let redacted: Bool
    let effectiveAt: Timestamp
    let expiresAt: Timestamp?
    let carriedFrom: Int64?

    init(_ evidence: Evidence) {
        evidenceID = evidence.id
        item = evidence.itemID
        kind = evidence.kind
        digest = evidence.digest
        size = evidence.size
        fileName = evidence.fileName
        url = evidence.url
        note = evidence.note
        redacted = evidence.redacted
        effectiveAt = evidence.effectiveAt
        expiresAt = evidence.expiresAt
        carriedFrom = evidence.carriedFromID
    }

    enum CodingKeys: String, CodingKey {
        case item, kind, digest, size, url, note, redacted
        case evidenceID = "evidence_id"
        case fileName = "file_name"
        case effectiveAt = "effective_at"
        case expiresAt = "expires_at"
        case carriedFrom = "carried_from"
    }
}

/// The audit payload of `evidence.withdraw` and `evidence.purge`.
struct WithdrawPayload: Codable {
    let evidenceID: Int64
    let digest: String
    let reason: String?

    enum CodingKeys: String, CodingKey {
        case digest, reason
        case evidenceID = "evidence_id"
    }
}
