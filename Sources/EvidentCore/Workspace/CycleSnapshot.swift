/// Everything stored about one cycle, read once: its items, reviews and evidence, judged at one
/// time. Status, close, reports and diff all work from a snapshot and never query on their own.
public struct CycleSnapshot: Sendable {
    public let cycle: Cycle
    public let version: StoredChecklistVersion
    /// The time evidence is judged at: the close time of a closed cycle, else now.
    public let judgedAt: Timestamp
    let sections: [ChecklistSectionRecord]
    let items: [ChecklistItemRecord]
    /// Every review, oldest first.
    public let reviews: [Review]
    /// Every piece of evidence, withdrawn included, in the order added.
    public let evidence: [Evidence]
    /// Every assignment, oldest first; an item's latest is its owner.
    public let assignments: [Assignment]
    /// Every accepted risk, oldest first; an item's latest is the one in force.
    public let exceptions: [RiskException]
    private let latest: [String: Review]
    private let evidenceByItem: [String: [Evidence]]
    private let latestAssignment: [String: Assignment]
    private let latestException: [String: RiskException]

    init(cycle: Cycle, version: StoredChecklistVersion, judgedAt: Timestamp, sections: [ChecklistSectionRecord],
         items: [ChecklistItemRecord], reviews: [Review], evidence: [Evidence], assignments: [Assignment] = [],
         exceptions: [RiskException] = []) {
        self.cycle = cycle
        self.version = version
        self.judgedAt = judgedAt
        self.sections = sections
        self.items = items
        self.reviews = reviews
        self.evidence = evidence
        self.assignments = assignments
        self.exceptions = exceptions
        latestAssignment = Dictionary(assignments.map { ($0.itemID, $0) }) { $1 }
        latestException = Dictionary(exceptions.map { ($0.itemID, $0) }) { $1 }
        var latest: [String: Review] = [:]
        for review in reviews { latest[review.itemID] = review }
        self.latest = latest
        evidenceByItem = Dictionary(grouping: evidence, by: \.itemID)
    }

    /// The item's current status: its latest review's, or pending.
    public func status(of itemID: String) -> ItemStatus { ItemStatus(latest[itemID]?.status) }

    /// The item's latest review.
    public func latestReview(of itemID: String) -> Review? { latest[itemID] }

    /// The item's owner and due date: its latest assignment.
    public func assignment(of itemID: String) -> Assignment? { latestAssignment[itemID] }

    /// The accepted risk in force for the item (expired or not): its latest exception.
    public func exception(of itemID: String) -> RiskException? { latestException[itemID] }

    /// Whether the item's due date has passed while it still needs work.
    public func isOverdue(_ itemID: String) -> Bool {
        assignment(of: itemID)?.isOverdue(at: judgedAt, status: status(of: itemID)) ?? false
    }

    /// The item's evidence that is not withdrawn.
    public func currentEvidence(of itemID: String) -> [Evidence] {
        (evidenceByItem[itemID] ?? []).filter { !$0.isWithdrawn }
    }

    /// Whether the item has evidence that is neither withdrawn nor expired.
    public func hasValidEvidence(_ itemID: String) -> Bool {
        currentEvidence(of: itemID).contains { !$0.isExpired(at: judgedAt) }
    }

    /// Whether the item is reviewed `pass` with no evidence that counts: a pass on the reviewer's word alone.
    public func passesWithoutEvidence(_ itemID: String) -> Bool {
        latest[itemID]?.status == .pass && !hasValidEvidence(itemID)
    }
}

extension Workspace {
    /// Reads everything about `cycle`, judged at its close time, or at `now` while open.
    public func snapshot(of cycle: Cycle, now: Timestamp) throws -> CycleSnapshot {
        guard let version = try database.checklistVersion(id: cycle.versionID) else {
            throw StoreError.notAWorkspace(path: location.databasePath, reason: "cycle \(cycle.name) has no checklist version")
        }
        return CycleSnapshot(
            cycle: cycle, version: version, judgedAt: cycle.judgingTime(now: now),
            sections: try database.sections(versionID: cycle.versionID),
            items: try database.items(versionID: cycle.versionID),
            reviews: try database.reviews(cycleID: cycle.id),
            evidence: try database.evidence(cycleID: cycle.id),
            assignments: try database.assignments(cycleID: cycle.id),
            exceptions: try database.exceptions(cycleID: cycle.id))
    }
}
