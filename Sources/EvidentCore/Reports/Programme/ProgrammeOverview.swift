/// Every target's latest cycle side by side: `evident overview`.
public struct ProgrammeOverview: Sendable, Equatable, Codable {
    /// One target's latest cycle.
    public struct Row: Sendable, Equatable, Codable {
        public let target: String?
        public let checklist: String
        public let version: String
        public let cycle: String
        public let state: Cycle.State
        public let judgedAt: Timestamp
        public let items: Int
        public let counts: StatusCounts
        /// Pass counts 1, partial ½, over applicable items; nil when none apply.
        public let score: Double?
        /// Critical items reviewed fail or partial.
        public let failingCritical: [String]
        public let expiredEvidence: Int
        /// Accepted risks that have not run out, on items still failing or partial.
        public let openExceptions: Int
        public let expiredExceptions: Int
        /// Assigned items past their due date that still need work.
        public let overdue: Int
    }

    public let formatVersion: Int
    public let generatedAt: Timestamp
    public let toolVersion: String
    public let targets: [Row]
}

extension ProgrammeOverview {
    /// The overview of `snapshots` (one per target, as `Workspace.programmeSnapshots` gives them).
    public init(_ snapshots: [CycleSnapshot], generatedAt: Timestamp, toolVersion: String) {
        formatVersion = 1
        self.generatedAt = generatedAt
        self.toolVersion = toolVersion
        targets = snapshots.map { snapshot in
            let status = CycleStatus(snapshot)
            var open = 0
            var expired = 0
            for item in snapshot.items {
                let current = snapshot.status(of: item.itemID)
                guard current == .fail || current == .partial, let exception = snapshot.exception(of: item.itemID) else { continue }
                if exception.isExpired(at: snapshot.judgedAt) { expired += 1 } else { open += 1 }
            }
            return Row(
                target: snapshot.cycle.target, checklist: snapshot.version.checklistID, version: snapshot.version.version,
                cycle: snapshot.cycle.name, state: snapshot.cycle.state, judgedAt: snapshot.judgedAt, items: status.items,
                counts: status.counts, score: status.counts.score,
                failingCritical: status.failing.filter { $0.severity == .critical }.map(\.item),
                expiredEvidence: status.evidence.expired, openExceptions: open, expiredExceptions: expired,
                overdue: snapshot.items.filter { snapshot.isOverdue($0.itemID) }.count)
        }
    }
}
