/// Who answers for one item of a cycle, and by when: an item's latest assignment is its owner.
public struct Assignment: Sendable, Equatable, Codable {
    public var id: Int64
    public var cycleID: Int64
    public var itemID: String
    public var owner: String
    /// When the item should be settled; nil when no date was given.
    public var dueAt: Timestamp?
    public var actor: String
    public var at: Timestamp

    /// Whether the item is late at `time`: a due date has passed while its status is still open.
    public func isOverdue(at time: Timestamp, status: ItemStatus) -> Bool {
        guard let dueAt else { return false }
        return status.isOpenWork && time >= dueAt
    }
}

/// An accepted risk: a failing or partial item that a named approver accepted until a date, with
/// the reason. It never changes the item's status; an item's latest exception is the one in force.
public struct RiskException: Sendable, Equatable, Codable {
    public var id: Int64
    public var cycleID: Int64
    public var itemID: String
    /// The item's status when the risk was accepted: `fail` or `partial`.
    public var itemStatus: ReviewStatus
    public var reason: String
    public var approvedBy: String
    public var expiresAt: Timestamp
    public var actor: String
    public var at: Timestamp

    /// Whether the acceptance has run out at `time`.
    public func isExpired(at time: Timestamp) -> Bool { time >= expiresAt }
}

extension ItemStatus {
    /// Whether the item still needs work: pending, failing or partial.
    public var isOpenWork: Bool { self == .pending || self == .fail || self == .partial }
}
