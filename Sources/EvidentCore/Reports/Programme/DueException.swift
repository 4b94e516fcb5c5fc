/// An accepted risk that has run out or runs out soon, for `evident evidence due`: it is listed
/// with expired evidence because both mean an item's standing must be looked at again.
public struct DueException: Sendable, Equatable, Codable {
    public let id: Int64
    public let item: String
    public let status: ItemStatus
    public let approvedBy: String
    public let expiresAt: Timestamp
    public let expired: Bool

    /// The exceptions in force in `snapshot` on items still failing or partial that have run out
    /// or run out within `days` of its judging time, soonest first.
    public static func list(_ snapshot: CycleSnapshot, within days: Int) -> [DueException] {
        let horizon = snapshot.judgedAt.adding(days: days)
        return snapshot.items.compactMap { item -> DueException? in
            let status = snapshot.status(of: item.itemID)
            guard status == .fail || status == .partial, let exception = snapshot.exception(of: item.itemID),
                  exception.isExpired(at: horizon) else { return nil }
            return DueException(
                id: exception.id, item: item.itemID, status: status, approvedBy: exception.approvedBy,
                expiresAt: exception.expiresAt, expired: exception.isExpired(at: snapshot.judgedAt))
        }.sorted { ($0.expiresAt, $0.id) < ($1.expiresAt, $1.id) }
    }
}
