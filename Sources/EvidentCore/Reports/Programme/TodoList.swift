/// What needs doing across a programme's cycles: `evident todo`, one entry per item and reason.
public struct TodoList: Sendable, Equatable, Codable {
    /// Why an item is on the list, in the order the list shows them.
    public enum Kind: String, Sendable, Codable, CaseIterable, Comparable {
        case overdue
        case expiredException = "expired-exception"
        case failing
        case expiring
        case pending

        public static func < (lhs: Kind, rhs: Kind) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
    }

    /// One thing to do.
    public struct Entry: Sendable, Equatable, Codable {
        public let kind: Kind
        public let cycle: String
        public let target: String?
        public let item: String
        public let title: String
        public let severity: Severity
        public let status: ItemStatus
        public let owner: String?
        public let due: Timestamp?
        /// The detail that makes it due: a date, an exception's expiry, the evidence that runs out.
        public let detail: String
    }

    public let formatVersion: Int
    public let judgedAt: Timestamp
    public let owner: String?
    public let cycles: [String]
    public let entries: [Entry]
}

extension TodoList {
    /// The to-do list of `snapshots`, only items owned by `owner` (case-insensitive) when given.
    public init(_ snapshots: [CycleSnapshot], owner: String?, now: Timestamp) {
        var entries: [Entry] = []
        for snapshot in snapshots {
            let soon = snapshot.judgedAt.adding(days: CycleStatus.soonDays)
            for item in snapshot.items {
                let assignment = snapshot.assignment(of: item.itemID)
                if let owner, assignment?.owner.lowercased() != owner.lowercased() { continue }
                let status = snapshot.status(of: item.itemID)
                func add(_ kind: Kind, _ detail: String) {
                    entries.append(Entry(
                        kind: kind, cycle: snapshot.cycle.name, target: snapshot.cycle.target, item: item.itemID,
                        title: item.title, severity: item.severity, status: status, owner: assignment?.owner,
                        due: assignment?.dueAt, detail: detail))
                }
                if snapshot.isOverdue(item.itemID), let due = assignment?.dueAt {
                    add(.overdue, "due \(due.date)")
                }
                let exception = snapshot.exception(of: item.itemID)
                let stillFailing = status == .fail || status == .partial
                if stillFailing, let exception, exception.isExpired(at: snapshot.judgedAt) {
                    add(.expiredException, "accepted risk expired \(exception.expiresAt.date) (approved by \(exception.approvedBy))")
                }
                if stillFailing {
                    let accepted = exception.flatMap { $0.isExpired(at: snapshot.judgedAt) ? nil : $0 }
                    add(.failing, accepted.map { "risk accepted until \($0.expiresAt.date)" } ?? "reviewed \(status.label)")
                }
                if status != .na {
                    let running = snapshot.currentEvidence(of: item.itemID).filter { $0.isExpired(at: soon) }
                    if let first = running.min(by: { ($0.expiresAt!, $0.id) < ($1.expiresAt!, $1.id) }) {
                        let expired = first.isExpired(at: snapshot.judgedAt)
                        add(.expiring, "evidence #\(first.id) \(expired ? "expired" : "expires") \(first.expiresAt!.date)")
                    }
                }
                if status == .pending { add(.pending, "not reviewed yet") }
            }
        }
        formatVersion = 1
        judgedAt = now
        self.owner = owner
        cycles = snapshots.map(\.cycle.name)
        self.entries = entries.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            return (a.kind, a.due ?? Timestamp(seconds: .max), lhs.offset) < (b.kind, b.due ?? Timestamp(seconds: .max), rhs.offset)
        }.map(\.element)
    }
}
