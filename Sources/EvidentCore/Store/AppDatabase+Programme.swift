import GRDB

/// An assignment to record: the item, its owner and due date.
public struct AssignmentEntry: Sendable, Equatable {
    public var itemID: String
    public var owner: String
    public var dueAt: Timestamp?

    public init(itemID: String, owner: String, dueAt: Timestamp?) {
        self.itemID = itemID
        self.owner = owner
        self.dueAt = dueAt
    }
}

/// An accepted risk to record.
struct ExceptionEntry: Sendable, Equatable {
    var itemID: String
    var itemStatus: ReviewStatus
    var reason: String
    var approvedBy: String
    var expiresAt: Timestamp
}

extension AppDatabase {
    // MARK: - Assignments

    /// Appends assignments to a cycle, all or none, each logged.
    func insertAssignments(_ entries: [AssignmentEntry], cycleID: Int64, session: Session) throws -> [Assignment] {
        try write { db in
            try entries.map { try insertAssignment(db, $0, cycleID: cycleID, session: session) }
        }
    }

    /// Appends reviews and assignments together (a review CSV with owners), all or none, each logged.
    func insertReviews(
        _ reviews: [ReviewEntry], assignments: [AssignmentEntry], cycleID: Int64, session: Session
    ) throws -> [Review] {
        try write { db in
            let recorded = try reviews.map {
                try insertReview(db, cycleID: cycleID, itemID: $0.itemID, status: $0.status, note: $0.note, session: session)
            }
            for entry in assignments { try insertAssignment(db, entry, cycleID: cycleID, session: session) }
            return recorded
        }
    }

    /// Appends one assignment inside the caller's transaction, with its audit entry.
    @discardableResult
    private func insertAssignment(_ db: Database, _ entry: AssignmentEntry, cycleID: Int64, session: Session) throws -> Assignment {
        try db.execute(
            sql: "INSERT INTO assignment (cycle_id, item_id, owner, due_at, actor, at) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [cycleID, entry.itemID, entry.owner, entry.dueAt, session.actor, session.now])
        let assignment = Assignment(
            id: db.lastInsertedRowID, cycleID: cycleID, itemID: entry.itemID, owner: entry.owner, dueAt: entry.dueAt,
            actor: session.actor, at: session.now)
        try appendAudit(
            db, session: session, action: "item.assign", cycleID: cycleID, itemID: entry.itemID, subject: entry.itemID,
            payload: AssignmentPayload(assignment))
        return assignment
    }

    /// Every assignment of a cycle, oldest first.
    func assignments(cycleID: Int64) throws -> [Assignment] {
        try read { db in try Assignment.filter(Column("cycle_id") == cycleID).order(Column("id")).fetchAll(db) }
    }

    /// Every assignment of every cycle, for verification.
    func allAssignments() throws -> [Assignment] {
        try read { db in try Assignment.order(Column("id")).fetchAll(db) }
    }

    // MARK: - Exceptions

    /// Appends an accepted risk to a cycle, with its audit entry.
    func insertException(_ entry: ExceptionEntry, cycleID: Int64, session: Session) throws -> RiskException {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO risk_exception (cycle_id, item_id, item_status, reason, approved_by, expires_at, actor, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [cycleID, entry.itemID, entry.itemStatus, entry.reason, entry.approvedBy, entry.expiresAt,
                            session.actor, session.now])
            let exception = RiskException(
                id: db.lastInsertedRowID, cycleID: cycleID, itemID: entry.itemID, itemStatus: entry.itemStatus,
                reason: entry.reason, approvedBy: entry.approvedBy, expiresAt: entry.expiresAt, actor: session.actor,
                at: session.now)
            try appendAudit(
                db, session: session, action: "exception.add", cycleID: cycleID, itemID: entry.itemID, subject: entry.itemID,
                payload: ExceptionPayload(exception))
            return exception
        }
    }

    /// Every accepted risk of a cycle, oldest first.
    func exceptions(cycleID: Int64) throws -> [RiskException] {
        try read { db in try RiskException.filter(Column("cycle_id") == cycleID).order(Column("id")).fetchAll(db) }
    }

    /// Every accepted risk of every cycle, for verification.
    func allExceptions() throws -> [RiskException] {
        try read { db in try RiskException.order(Column("id")).fetchAll(db) }
    }
}

/// The audit payload of `item.assign`: every field of the row, so `verify` can compare.
struct AssignmentPayload: Codable, Equatable {
    let assignmentID: Int64
    let item: String
    let owner: String
    let due: Timestamp?

    init(_ assignment: Assignment) {
        assignmentID = assignment.id
        item = assignment.itemID
        owner = assignment.owner
        due = assignment.dueAt
    }

    enum CodingKeys: String, CodingKey {
        case item, owner, due
        case assignmentID = "assignment_id"
    }
}

/// The audit payload of `exception.add`: every field of the row, so `verify` can compare.
struct ExceptionPayload: Codable, Equatable {
    let exceptionID: Int64
    let item: String
    let status: ReviewStatus
    let reason: String
    let approvedBy: String
    let expires: Timestamp

    init(_ exception: RiskException) {
        exceptionID = exception.id
        item = exception.itemID
        status = exception.itemStatus
        reason = exception.reason
        approvedBy = exception.approvedBy
        expires = exception.expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case item, status, reason, expires
        case exceptionID = "exception_id"
        case approvedBy = "approved_by"
    }
}
