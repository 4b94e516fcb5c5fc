import Foundation

/// Reviews: one at a time, or a spreadsheet in batches.
extension PostgresStore {

    func insertReviews(_ entries: [ReviewEntry], cycleID: Int64, session: Session) throws -> [Review] {
        try insertReviews(entries, assignments: [], cycleID: cycleID, session: session)
    }

    /// Appends reviews (and assignments) in one transaction. Many reviews — a spreadsheet — go in
    /// batches: ids drawn from the table's sequence, rows and their audit entries sent a thousand
    /// to a statement, the chain's lock held once.
    func insertReviews(_ reviews: [ReviewEntry], assignments: [AssignmentEntry], cycleID: Int64, session: Session) throws -> [Review] {
        try write {
            let recorded: [Review]
            if reviews.count < 8 {
                recorded = try reviews.map {
                    try insertReview(cycleID: cycleID, itemID: $0.itemID, status: $0.status, note: $0.note, session: session)
                }
            } else {
                recorded = try insertReviewBatch(reviews, cycleID: cycleID, session: session)
            }
            for entry in assignments { try insertAssignment(entry, cycleID: cycleID, session: session) }
            return recorded
        }
    }

    func insertReviewBatch(_ entries: [ReviewEntry], cycleID: Int64, session: Session) throws -> [Review] {
        try link.execute("SELECT pg_advisory_xact_lock($1)", [.integer(PostgresSchema.auditLockKey)])
        let head = try link.queryRows("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first
        var seq = head?.integer(0) ?? 0
        var previousHash = head?.string(1) ?? AuditEntry.genesisHash
        let ids = try link.queryRows(
            "SELECT nextval(pg_get_serial_sequence('evident.review', 'id')) FROM generate_series(1, $1)",
            [.integer(Int64(entries.count))]
        ).map { $0.requiredInteger(0) }
        var reviews: [Review] = []
        var entriesOut: [AuditEntry] = []
        for (entry, id) in zip(entries, ids) {
            let review = Review(id: id, cycleID: cycleID, itemID: entry.itemID, status: entry.status, note: entry.note,
                                actor: session.actor, at: session.now)
            seq += 1
            let payload = CanonicalJSON.string(ReviewPayload(review))
            let hash = AuditChain.hash(
                seq: seq, at: session.now, actor: session.actor, action: "review.record", cycleID: cycleID,
                itemID: entry.itemID, subject: entry.itemID, payload: payload, previousHash: previousHash)
            entriesOut.append(AuditEntry(
                seq: seq, at: session.now, actor: session.actor, action: "review.record", cycleID: cycleID,
                itemID: entry.itemID, subject: entry.itemID, payload: payload, previousHash: previousHash, hash: hash))
            previousHash = hash
            reviews.append(review)
        }
        for start in stride(from: 0, to: reviews.count, by: 1000) {
            let batch = reviews[start..<min(start + 1000, reviews.count)]
            var binds: [PostgresValue] = []
            var tuples: [String] = []
            for review in batch {
                let base = binds.count
                binds += [.integer(review.id), .integer(review.cycleID), .text(review.itemID), .text(review.status.rawValue),
                          .text(review.note), .text(review.actor), .time(review.at)]
                tuples.append("(" + (1...7).map { "$\(base + $0)" }.joined(separator: ", ") + ")")
            }
            try link.execute(
                "INSERT INTO review (id, cycle_id, item_id, status, note, actor, at) VALUES " + tuples.joined(separator: ", "), binds)
        }
        for start in stride(from: 0, to: entriesOut.count, by: 1000) {
            let batch = entriesOut[start..<min(start + 1000, entriesOut.count)]
            var binds: [PostgresValue] = []
            var tuples: [String] = []
            for entry in batch {
                let base = binds.count
                binds += [.integer(entry.seq), .time(entry.at), .text(entry.actor), .text(entry.action), .integer(entry.cycleID),
                          .text(entry.itemID), .text(entry.subject), .text(entry.payload), .text(entry.previousHash), .text(entry.hash)]
                tuples.append("(" + (1...10).map { "$\(base + $0)" }.joined(separator: ", ") + ")")
            }
            try link.execute(
                "INSERT INTO audit_log (\(Self.auditColumns)) VALUES " + tuples.joined(separator: ", "), binds)
        }
        return reviews
    }

    @discardableResult
    func insertReview(cycleID: Int64, itemID: String, status: ReviewStatus, note: String?, session: Session) throws -> Review {
        let id = try link.queryRows(
            "INSERT INTO review (cycle_id, item_id, status, note, actor, at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            [.integer(cycleID), .text(itemID), .text(status.rawValue), .text(note), .text(session.actor), .time(session.now)]
        ).first?.requiredInteger(0) ?? 0
        let review = Review(id: id, cycleID: cycleID, itemID: itemID, status: status, note: note, actor: session.actor, at: session.now)
        try appendAudit(session: session, action: "review.record", cycleID: cycleID, itemID: itemID, subject: itemID,
                        payload: ReviewPayload(review))
        return review
    }

    static let reviewColumns = "id, cycle_id, item_id, status, note, actor, at"

    static func review(_ row: PostgresRowValues) -> Review {
        Review(id: row.requiredInteger(0), cycleID: row.requiredInteger(1), itemID: row.requiredString(2),
               status: ReviewStatus(rawValue: row.requiredString(3)) ?? .fail, note: row.string(4),
               actor: row.requiredString(5), at: row.requiredTime(6))
    }

    func reviews(cycleID: Int64) throws -> [Review] {
        try link.queryRows("SELECT \(Self.reviewColumns) FROM review WHERE cycle_id = $1 ORDER BY id", [.integer(cycleID)])
            .map(Self.review)
    }

    func allReviews() throws -> [Review] {
        try link.queryRows("SELECT \(Self.reviewColumns) FROM review ORDER BY id").map(Self.review)
    }
}
