/// What changed from one review cycle to another (SPEC §4): status moves of the items both share,
/// items added, removed or redefined between their pinned checklist versions, and evidence matched
/// by content digest.
public struct CycleDiff: Sendable, Equatable, Codable {
    /// One item's move from one status to another.
    public struct Move: Sendable, Equatable, Codable {
        public let item: String
        public let from: ItemStatus
        public let to: ItemStatus
    }

    /// Evidence compared by content digest (withdrawn evidence left out).
    public struct EvidenceDelta: Sendable, Equatable, Codable {
        /// Digests in B only.
        public let added: Int
        /// Digests in A only.
        public let removed: Int
        /// Digests in both: the same content reused.
        public let reused: Int
        /// Digests of B's evidence that is expired at B's judging time.
        public let expired: Int
    }

    public let from: String
    public let to: String
    public let regressions: [Move]
    public let improvements: [Move]
    public let statusChanges: [Move]
    /// Moves to pending: items not yet reviewed in B, so a cycle in progress diffs cleanly.
    public let unreviewed: [Move]
    public let unchanged: Int
    public let addedItems: [String]
    public let removedItems: [String]
    public let changedItems: [String]
    public let evidence: EvidenceDelta

    /// Whether anything got worse.
    public var hasRegressions: Bool { !regressions.isEmpty }

    /// The diff from `a` to `b`.
    public static func between(_ a: CycleSnapshot, _ b: CycleSnapshot) -> CycleDiff {
        let itemsA = Dictionary(uniqueKeysWithValues: a.items.map { ($0.itemID, $0) })
        let itemsB = Dictionary(uniqueKeysWithValues: b.items.map { ($0.itemID, $0) })
        var regressions: [Move] = [], improvements: [Move] = [], changes: [Move] = [], unreviewed: [Move] = []
        var unchanged = 0
        for id in itemsA.keys.filter({ itemsB[$0] != nil }).sorted() {
            let move = Move(item: id, from: a.status(of: id), to: b.status(of: id))
            switch classify(move) {
            case .unchanged: unchanged += 1
            case .regression: regressions.append(move)
            case .improvement: improvements.append(move)
            case .change: changes.append(move)
            case .unreviewed: unreviewed.append(move)
            }
        }
        let digestsA = Set(a.evidence.filter { !$0.isWithdrawn }.map(\.digest))
        let currentB = b.evidence.filter { !$0.isWithdrawn }
        let digestsB = Set(currentB.map(\.digest))
        let expiredB = Set(currentB.filter { $0.isExpired(at: b.judgedAt) }.map(\.digest))
        return CycleDiff(
            from: a.cycle.name, to: b.cycle.name, regressions: regressions, improvements: improvements,
            statusChanges: changes, unreviewed: unreviewed, unchanged: unchanged,
            addedItems: itemsB.keys.filter { itemsA[$0] == nil }.sorted(),
            removedItems: itemsA.keys.filter { itemsB[$0] == nil }.sorted(),
            changedItems: itemsA.keys.filter { id in itemsB[id].map { $0.definitionHash != itemsA[id]!.definitionHash } ?? false }.sorted(),
            evidence: EvidenceDelta(
                added: digestsB.subtracting(digestsA).count, removed: digestsA.subtracting(digestsB).count,
                reused: digestsA.intersection(digestsB).count, expired: expiredB.count))
    }

    /// How a move counts.
    enum Kind { case unchanged, regression, improvement, change, unreviewed }

    /// Ranks pass 3, partial 2, fail 1: lower is a regression, higher an improvement; a move to
    /// pending (not yet reviewed in B) is unreviewed, never a regression (SPEC §4); any other move
    /// (to or from n/a, from pending) a status change.
    static func classify(_ move: Move) -> Kind {
        if move.from == move.to { return .unchanged }
        if move.to == .pending { return .unreviewed }
        if let from = move.from.reviewStatus?.rank, let to = move.to.reviewStatus?.rank {
            return to < from ? .regression : .improvement
        }
        return .change
    }
}

extension Workspace {
    /// The diff between cycles `a` and `b`, each judged as its report would be at `now`.
    public func diff(_ a: String, _ b: String, now: Timestamp) throws -> (CycleDiff, from: CycleSnapshot, to: CycleSnapshot) {
        let first = try snapshot(of: try resolveCycle(a, for: .read), now: now)
        let second = try snapshot(of: try resolveCycle(b, for: .read), now: now)
        guard first.cycle.checklistID == second.cycle.checklistID else {
            throw EvidentFailure(.badInput, "cycles \(a) (\(first.cycle.checklistID)) and \(b) (\(second.cycle.checklistID)) review different checklists",
                                 hint: "compare two cycles of the same checklist")
        }
        return (CycleDiff.between(first, second), first, second)
    }
}
