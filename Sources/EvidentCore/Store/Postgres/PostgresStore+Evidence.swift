import Foundation

/// Evidence rows: recorded after their files are in the store, withdrawn and purged with their audit entries.
extension PostgresStore {

    func insertEvidence(_ evidence: Evidence, session: Session) throws -> Evidence {
        try insertEvidence([evidence], session: session)[0]
    }

    /// Streams the files in first, then takes the chain's lock for the rows and their entries: a
    /// large file does not keep other writers waiting. One transaction either way.
    func insertEvidence(_ evidence: [Evidence], session: Session) throws -> [Evidence] {
        try link.transaction {
            for digest in Set(evidence.filter(\.hasVaultFile).map(\.digest)).sorted() { try uploadIfStaged(digest) }
            try link.execute("SELECT pg_advisory_xact_lock($1)", [.integer(PostgresSchema.auditLockKey)])
            return try evidence.map { try insertEvidenceRow($0, action: "evidence.add", session: session) }
        }
    }

    /// Inserts one evidence row inside the caller's transaction (its file already in the store).
    @discardableResult
    func insertEvidenceRow(_ evidence: Evidence, action: String, session: Session) throws -> Evidence {
        let id = try link.queryRows(
            """
            INSERT INTO evidence (cycle_id, item_id, kind, digest, size, file_name, url, note, redacted,
                effective_at, expires_at, added_at, added_by, carried_from_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id
            """,
            [.integer(evidence.cycleID), .text(evidence.itemID), .text(evidence.kind.rawValue), .text(evidence.digest),
             .integer(evidence.size), .text(evidence.fileName), .text(evidence.url), .text(evidence.note),
             .boolean(evidence.redacted), .time(evidence.effectiveAt), .time(evidence.expiresAt), .time(evidence.addedAt),
             .text(evidence.addedBy), .integer(evidence.carriedFromID)]
        ).first?.requiredInteger(0) ?? 0
        var stored = evidence
        stored.id = id
        try appendAudit(
            session: session, action: action, cycleID: stored.cycleID, itemID: stored.itemID,
            subject: "\(stored.itemID) #\(stored.id)", payload: EvidencePayload(stored))
        return stored
    }

    static let evidenceColumns = """
        id, cycle_id, item_id, kind, digest, size, file_name, url, note, redacted, effective_at, expires_at, added_at,
        added_by, carried_from_id, withdrawn_at, withdrawn_by, withdraw_reason, purged_at
        """

    static func evidence(_ row: PostgresRowValues) -> Evidence {
        Evidence(
            id: row.requiredInteger(0), cycleID: row.requiredInteger(1), itemID: row.requiredString(2),
            kind: EvidenceKind(rawValue: row.requiredString(3)) ?? .note, digest: row.requiredString(4),
            size: row.requiredInteger(5), fileName: row.string(6), url: row.string(7), note: row.string(8),
            redacted: row.boolean(9) ?? false, effectiveAt: row.requiredTime(10), expiresAt: row.time(11),
            addedAt: row.requiredTime(12), addedBy: row.requiredString(13), carriedFromID: row.integer(14),
            withdrawnAt: row.time(15), withdrawnBy: row.string(16), withdrawReason: row.string(17), purgedAt: row.time(18))
    }

    func evidence(id: Int64) throws -> Evidence? {
        try link.queryRows("SELECT \(Self.evidenceColumns) FROM evidence WHERE id = $1", [.integer(id)]).first.map(Self.evidence)
    }

    func evidence(cycleID: Int64, itemID: String?) throws -> [Evidence] {
        try link.queryRows(
            "SELECT \(Self.evidenceColumns) FROM evidence WHERE cycle_id = $1 AND ($2::text IS NULL OR item_id = $2) ORDER BY id",
            [.integer(cycleID), .text(itemID)]
        ).map(Self.evidence)
    }

    func allEvidence() throws -> [Evidence] {
        try link.queryRows("SELECT \(Self.evidenceColumns) FROM evidence ORDER BY id").map(Self.evidence)
    }

    func withdrawEvidence(_ evidence: Evidence, reason: String, session: Session) throws -> Evidence {
        try write {
            try appendAudit(
                session: session, action: "evidence.withdraw", cycleID: evidence.cycleID, itemID: evidence.itemID,
                subject: "\(evidence.itemID) #\(evidence.id)",
                payload: WithdrawPayload(evidenceID: evidence.id, digest: evidence.digest, reason: reason))
            try link.execute(
                "UPDATE evidence SET withdrawn_at = $1, withdrawn_by = $2, withdraw_reason = $3 WHERE id = $4",
                [.time(session.now), .text(session.actor), .text(reason), .integer(evidence.id)])
            return try self.evidence(id: evidence.id)!
        }
    }

    func markPurged(_ evidence: [Evidence], session: Session) throws {
        try write {
            for row in evidence {
                try appendAudit(
                    session: session, action: "evidence.purge", cycleID: row.cycleID, itemID: row.itemID,
                    subject: "\(row.itemID) #\(row.id)", payload: WithdrawPayload(evidenceID: row.id, digest: row.digest, reason: nil))
                try link.execute("UPDATE evidence SET purged_at = $1 WHERE id = $2", [.time(session.now), .integer(row.id)])
            }
            for digest in Set(evidence.map(\.digest)).sorted() {
                try link.execute("SELECT evident_purge_file($1)", [.text(digest)])
            }
        }
    }

    func evidenceSharingFile(digest: String, excluding id: Int64) throws -> [Evidence] {
        try link.queryRows(
            """
            SELECT \(Self.evidenceColumns) FROM evidence
            WHERE digest = $1 AND id <> $2 AND kind IN ('file', 'scan') AND purged_at IS NULL ORDER BY id
            """, [.text(digest), .integer(id)]
        ).map(Self.evidence)
    }
}
