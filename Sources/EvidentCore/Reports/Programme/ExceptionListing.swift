/// Accepted risks as `exception list` shows them: each with its cycle, target and whether it still holds.
public struct ExceptionListing: Sendable, Equatable, Codable {
    /// One accepted risk.
    public struct Entry: Sendable, Equatable, Codable {
        public let id: Int64
        public let cycle: String
        public let target: String?
        public let item: String
        public let title: String
        public let severity: Severity
        /// The item's current status, which the exception never changes.
        public let status: ItemStatus
        /// The status when the risk was accepted.
        public let acceptedStatus: ReviewStatus
        public let reason: String
        public let approvedBy: String
        public let expiresAt: Timestamp
        public let expired: Bool
        public let recordedBy: String
        public let recordedAt: Timestamp
    }

    public let formatVersion: Int
    public let exceptions: [Entry]
}

extension ExceptionListing {
    /// The exceptions in force in `snapshots` (each item's latest), soonest expiry first.
    public init(_ snapshots: [CycleSnapshot]) {
        var entries: [Entry] = []
        for snapshot in snapshots {
            for item in snapshot.items {
                guard let exception = snapshot.exception(of: item.itemID) else { continue }
                entries.append(Entry(
                    id: exception.id, cycle: snapshot.cycle.name, target: snapshot.cycle.target, item: item.itemID,
                    title: item.title, severity: item.severity, status: snapshot.status(of: item.itemID),
                    acceptedStatus: exception.itemStatus, reason: exception.reason, approvedBy: exception.approvedBy,
                    expiresAt: exception.expiresAt, expired: exception.isExpired(at: snapshot.judgedAt),
                    recordedBy: exception.actor, recordedAt: exception.at))
            }
        }
        formatVersion = 1
        exceptions = entries.sorted { ($0.expiresAt, $0.id) < ($1.expiresAt, $1.id) }
    }
}
