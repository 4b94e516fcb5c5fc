/// A review cycle: one pass over a pinned checklist version, open until closed or abandoned.
public struct Cycle: Sendable, Equatable, Codable {
    /// Whether reviews and evidence may still change: only while open. An abandoned cycle was
    /// started by mistake and ended without a close; it stays in the history.
    public enum State: String, Sendable, Codable {
        case open, closed, abandoned
    }

    /// Why and when an open cycle was abandoned, and by whom.
    public struct Abandonment: Sendable, Equatable, Codable {
        public var reason: String
        public var at: Timestamp
        public var by: String
    }

    public var id: Int64
    public var name: String
    public var checklistID: String
    public var versionID: Int64
    public var version: String
    /// The scope tags the cycle was started with, sorted.
    public var scope: [String]
    public var state: State
    public var startedAt: Timestamp
    public var startedBy: String
    public var closedAt: Timestamp?
    public var closedBy: String?
    /// The closed cycle whose evidence was carried forward into this one.
    public var carriedFromCycleID: Int64?
    /// What the cycle assesses (a service, team or integration); nil when it names none.
    public var target: String? = nil
    /// Set when the cycle was abandoned (its state is then `.abandoned`).
    public var abandonment: Abandonment? = nil

    /// The time the cycle is judged at: its close (or abandon) time once ended, else `now`.
    public func judgingTime(now: Timestamp) -> Timestamp { closedAt ?? abandonment?.at ?? now }

    public var isOpen: Bool { state == .open }

    /// Whether the cycle was closed (not merely ended by abandoning it).
    public var isClosed: Bool { state == .closed }
}

/// One review of one item in a cycle; an item's latest review is its current status.
public struct Review: Sendable, Equatable, Codable {
    public var id: Int64
    public var cycleID: Int64
    public var itemID: String
    public var status: ReviewStatus
    public var note: String?
    public var actor: String
    public var at: Timestamp
}

/// Who acts and when, for one command: every change records both.
public struct Session: Sendable, Equatable {
    public let actor: String
    public let now: Timestamp

    public init(actor: String, now: Timestamp) {
        self.actor = actor
        self.now = now
    }
}
