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
        var head = try chainHead()
        let ids = try link.queryRows(
            "SELECT nextval(pg_get_serial_sequence('evident.review', 'id')) FROM generate_series(1, $1)",
            [.integer(Int64(entries.count))]
        ).map { $0.requiredInteger(0) }
        var reviews: [Review] = []
        var audit: [AuditEntry] = []
        for (entry, id) in zip(entries, ids) {
            let review = Review(id: id, cycleID: cycleID, itemID: entry.itemID, status: entry.status, note: entry.note,
                                actor: session.actor, at: session.now)
            let logged = AuditChain.entry(
                seq: head.seq + 1, previousHash: head.hash, session: session, action: "review.record", cycleID: cycleID,
                itemID: entry.itemID, subject: entry.itemID, payload: CanonicalJSON.string(ReviewPayload(review)))
            head = (logged.seq, logged.hash)
            reviews.append(review)
            audit.append(logged)
        }
        try link.insertRows(
            into: "review", columns: ["id", "cycle_id", "item_id", "status", "note", "actor", "at"],
            rows: reviews.map { [.integer($0.id), .integer($0.cycleID), .text($0.itemID), .text($0.status.rawValue), .text($0.note),
                                 .text($0.actor), .time($0.at)] })
        try link.insertRows(into: "audit_log", columns: Self.auditColumnNames, rows: audit.map(Self.values))
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
