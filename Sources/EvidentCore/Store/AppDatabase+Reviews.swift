import GRDB

/// A review to record: the item, the verdict and why.
public struct ReviewEntry: Sendable, Equatable {
    public var itemID: String
    public var status: ReviewStatus
    public var note: String?

    public init(itemID: String, status: ReviewStatus, note: String?) {
        self.itemID = itemID
        self.status = status
        self.note = note
    }
}

extension AppDatabase {
    /// Appends reviews to a cycle's history, all or none, each logged.
    func insertReviews(_ entries: [ReviewEntry], cycleID: Int64, session: Session) throws -> [Review] {
        try write { db in
            try entries.map { entry in
                try insertReview(db, cycleID: cycleID, itemID: entry.itemID, status: entry.status, note: entry.note, session: session)
            }
        }
    }

    /// Appends one review inside the caller's transaction, with its audit entry.
    func insertReview(
        _ db: Database, cycleID: Int64, itemID: String, status: ReviewStatus, note: String?, session: Session
    ) throws -> Review {
        try db.execute(
            sql: "INSERT INTO review (cycle_id, item_id, status, note, actor, at) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [cycleID, itemID, status, note, session.actor, session.now])
        let review = Review(
            id: db.lastInsertedRowID, cycleID: cycleID, itemID: itemID, status: status, note: note,
            actor: session.actor, at: session.now)
        try appendAudit(
            db, session: session, action: "review.record", cycleID: cycleID, itemID: itemID, subject: itemID,
            payload: ReviewPayload(review))
        return review
    }

    /// Every review of a cycle, oldest first: the history behind each item's current status.
    func reviews(cycleID: Int64) throws -> [Review] {
        try read { db in try Review.filter(Column("cycle_id") == cycleID).order(Column("id")).fetchAll(db) }
    }

    /// Every review of every cycle, for verification.
    func allReviews() throws -> [Review] {
        try read { db in try Review.order(Column("id")).fetchAll(db) }
    }
}

/// The audit payload of `review.record`: every field of the review row, so `verify` can compare.
struct ReviewPayload: Codable, Equatable {
    let reviewID: Int64
    let item: String
    let status: ReviewStatus
    let note: String?

    init(_ review: Review) {
        reviewID = review.id
        item = review.itemID
        status = review.status
        note = review.note
    }

    enum CodingKeys: String, CodingKey {
        case item, status, note
        case reviewID = "review_id"
    }
}
