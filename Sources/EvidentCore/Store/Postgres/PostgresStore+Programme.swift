import Foundation

/// Assignments, accepted risks and sign-offs.
extension PostgresStore {

    func insertAssignments(_ entries: [AssignmentEntry], cycleID: Int64, session: Session) throws -> [Assignment] {
        try write { try entries.map { try insertAssignment($0, cycleID: cycleID, session: session) } }
    }

    @discardableResult
    func insertAssignment(_ entry: AssignmentEntry, cycleID: Int64, session: Session) throws -> Assignment {
        let id = try link.queryRows(
            "INSERT INTO assignment (cycle_id, item_id, owner, due_at, actor, at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            [.integer(cycleID), .text(entry.itemID), .text(entry.owner), .time(entry.dueAt), .text(session.actor), .time(session.now)]
        ).first?.requiredInteger(0) ?? 0
        let assignment = Assignment(
            id: id, cycleID: cycleID, itemID: entry.itemID, owner: entry.owner, dueAt: entry.dueAt, actor: session.actor,
            at: session.now)
        try appendAudit(session: session, action: "item.assign", cycleID: cycleID, itemID: entry.itemID, subject: entry.itemID,
                        payload: AssignmentPayload(assignment))
        return assignment
    }

    static func assignment(_ row: PostgresRowValues) -> Assignment {
        Assignment(id: row.requiredInteger(0), cycleID: row.requiredInteger(1), itemID: row.requiredString(2),
                   owner: row.requiredString(3), dueAt: row.time(4), actor: row.requiredString(5), at: row.requiredTime(6))
    }

    func assignments(cycleID: Int64) throws -> [Assignment] {
        try link.queryRows(
            "SELECT id, cycle_id, item_id, owner, due_at, actor, at FROM assignment WHERE cycle_id = $1 ORDER BY id", [.integer(cycleID)]
        ).map(Self.assignment)
    }

    func allAssignments() throws -> [Assignment] {
        try link.queryRows("SELECT id, cycle_id, item_id, owner, due_at, actor, at FROM assignment ORDER BY id").map(Self.assignment)
    }

    func insertException(_ entry: ExceptionEntry, cycleID: Int64, session: Session) throws -> RiskException {
        try write {
            let id = try link.queryRows(
                """
                INSERT INTO risk_exception (cycle_id, item_id, item_status, reason, approved_by, expires_at, actor, at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
                """,
                [.integer(cycleID), .text(entry.itemID), .text(entry.itemStatus.rawValue), .text(entry.reason),
                 .text(entry.approvedBy), .time(entry.expiresAt), .text(session.actor), .time(session.now)]
            ).first?.requiredInteger(0) ?? 0
            let exception = RiskException(
                id: id, cycleID: cycleID, itemID: entry.itemID, itemStatus: entry.itemStatus, reason: entry.reason,
                approvedBy: entry.approvedBy, expiresAt: entry.expiresAt, actor: session.actor, at: session.now)
            try appendAudit(session: session, action: "exception.add", cycleID: cycleID, itemID: entry.itemID,
                            subject: entry.itemID, payload: ExceptionPayload(exception))
            return exception
        }
    }

    static let exceptionColumns = "id, cycle_id, item_id, item_status, reason, approved_by, expires_at, actor, at"

    static func exception(_ row: PostgresRowValues) -> RiskException {
        RiskException(
            id: row.requiredInteger(0), cycleID: row.requiredInteger(1), itemID: row.requiredString(2),
            itemStatus: ReviewStatus(rawValue: row.requiredString(3)) ?? .fail, reason: row.requiredString(4),
            approvedBy: row.requiredString(5), expiresAt: row.requiredTime(6), actor: row.requiredString(7), at: row.requiredTime(8))
    }

    func exceptions(cycleID: Int64) throws -> [RiskException] {
        try link.queryRows("SELECT \(Self.exceptionColumns) FROM risk_exception WHERE cycle_id = $1 ORDER BY id", [.integer(cycleID)])
            .map(Self.exception)
    }

    func allExceptions() throws -> [RiskException] {
        try link.queryRows("SELECT \(Self.exceptionColumns) FROM risk_exception ORDER BY id").map(Self.exception)
    }

    // MARK: - Sign-offs

    func insertSignoff(_ signoff: Signoff, cycleName: String, session: Session) throws -> Signoff {
        try write {
            let id = try link.queryRows(
                """
                INSERT INTO signoff (cycle_id, signer, statement, at, digest, signature, public_key)
                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
                """,
                [.integer(signoff.cycleID), .text(signoff.signer), .text(signoff.statement), .time(signoff.at),
                 .text(signoff.digest), .text(signoff.signature), .text(signoff.publicKey)]
            ).first?.requiredInteger(0) ?? 0
            var stored = signoff
            stored.id = id
            try appendAudit(session: session, action: "signoff.add", cycleID: signoff.cycleID, itemID: nil, subject: cycleName,
                            payload: SignoffPayload(stored))
            return stored
        }
    }

    static let signoffColumns = "id, cycle_id, signer, statement, at, digest, signature, public_key"

    static func signoff(_ row: PostgresRowValues) -> Signoff {
        Signoff(id: row.requiredInteger(0), cycleID: row.requiredInteger(1), signer: row.requiredString(2),
                statement: row.requiredString(3), at: row.requiredTime(4), digest: row.requiredString(5),
                signature: row.string(6), publicKey: row.string(7))
    }

    func signoffs(cycleID: Int64) throws -> [Signoff] {
        try link.queryRows("SELECT \(Self.signoffColumns) FROM signoff WHERE cycle_id = $1 ORDER BY id", [.integer(cycleID)])
            .map(Self.signoff)
    }

    func signers(publicKey: String) throws -> [String] {
        try link.queryRows("SELECT DISTINCT signer COLLATE \"C\" FROM signoff WHERE public_key = $1 ORDER BY 1", [.text(publicKey)])
            .map { $0.requiredString(0) }
    }

    func allSignoffs() throws -> [Signoff] {
        try link.queryRows("SELECT \(Self.signoffColumns) FROM signoff ORDER BY id").map(Self.signoff)
    }
}
