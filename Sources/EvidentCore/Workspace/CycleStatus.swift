/// Where a cycle stands: the document `evident status` prints (SPEC §4 fixes the JSON fields that
/// tools rely on; the rest is for people).
public struct CycleStatus: Sendable, Equatable, Codable {
    /// One section's progress.
    public struct SectionProgress: Sendable, Equatable, Codable {
        public let id: String
        public let title: String
        public let items: Int
        public let counts: StatusCounts
    }

    /// Evidence totals: not withdrawn, and of those the expired and soon-expiring.
    public struct EvidenceTotals: Sendable, Equatable, Codable {
        public let total: Int
        public let expired: Int
        public let expiringSoon: Int

        enum CodingKeys: String, CodingKey {
            case total, expired
            case expiringSoon = "expiring_soon"
        }
    }

    /// An item that needs attention.
    public struct ItemNote: Sendable, Equatable, Codable {
        public let item: String
        public let title: String
        public let status: ItemStatus
        public let severity: Severity
        /// Who answers for the item, and by when.
        public var owner: String? = nil
        public var due: Timestamp? = nil
        /// The expiry of the accepted risk in force on the item, while it holds.
        public var acceptedUntil: Timestamp? = nil
    }

    /// Accepted risks on items still failing or partial: in force, and run out.
    public struct ExceptionTotals: Sendable, Equatable, Codable {
        public let open: Int
        public let expired: Int
    }

    public let formatVersion: Int
    public let cycle: String
    /// What the cycle assesses, when it names a target.
    public let target: String?
    public let state: Cycle.State
    public let checklist: String
    public let version: String
    public let judgedAt: Timestamp
    public let items: Int
    public let counts: StatusCounts
    public let sections: [SectionProgress]
    public let evidence: EvidenceTotals
    public let itemsWithoutEvidence: Int
    /// Items with no review yet, in checklist order.
    public let pending: [String]
    /// Items reviewed `fail` or `partial`, most severe first.
    public let failing: [ItemNote]
    /// Assigned items past their due date that still need work, soonest due first.
    public let overdue: [ItemNote]
    public let exceptions: ExceptionTotals
    /// Items whose accepted risk ran out while they still fail, in checklist order.
    public let expiredExceptions: [ItemNote]
    /// What to do next, in one sentence.
    public let next: String

    enum CodingKeys: String, CodingKey {
        case cycle, target, state, checklist, version, items, counts, sections, evidence, pending, failing, next, overdue, exceptions
        case expiredExceptions = "expired_exceptions"
        case formatVersion = "format_version"
        case judgedAt = "judged_at"
        case itemsWithoutEvidence = "items_without_evidence"
    }

    /// Days ahead that count as "expiring soon".
    public static let soonDays = 30
}

extension CycleStatus {
    /// The status of `snapshot`.
    public init(_ snapshot: CycleSnapshot) {
        var counts = StatusCounts()
        var perSection: [String: StatusCounts] = [:]
        var withoutEvidence = 0
        var pending: [String] = []
        var failing: [ItemNote] = []
        var overdue: [ItemNote] = []
        var expiredExceptions: [ItemNote] = []
        var openExceptions = 0
        for item in snapshot.items {
            let status = snapshot.status(of: item.itemID)
            counts.add(status)
            perSection[item.sectionID, default: StatusCounts()].add(status)
            if status != .na, !snapshot.hasValidEvidence(item.itemID) { withoutEvidence += 1 }
            if status == .pending { pending.append(item.itemID) }
            let assignment = snapshot.assignment(of: item.itemID)
            var note = ItemNote(item: item.itemID, title: item.title, status: status, severity: item.severity,
                                owner: assignment?.owner, due: assignment?.dueAt)
            if status == .fail || status == .partial {
                if let exception = snapshot.exception(of: item.itemID) {
                    if exception.isExpired(at: snapshot.judgedAt) {
                        expiredExceptions.append(note)
                    } else {
                        openExceptions += 1
                        note.acceptedUntil = exception.expiresAt
                    }
                }
                failing.append(note)
            }
            if snapshot.isOverdue(item.itemID) { overdue.append(note) }
        }
        let current = snapshot.evidence.filter { !$0.isWithdrawn }
        let soon = snapshot.judgedAt.adding(days: Self.soonDays)
        let expired = current.filter { $0.isExpired(at: snapshot.judgedAt) }.count
        let expiringSoon = current.filter { !$0.isExpired(at: snapshot.judgedAt) && $0.isExpired(at: soon) }.count
        formatVersion = 1
        cycle = snapshot.cycle.name
        target = snapshot.cycle.target
        state = snapshot.cycle.state
        checklist = snapshot.version.checklistID
        version = snapshot.version.version
        judgedAt = snapshot.judgedAt
        items = snapshot.items.count
        self.counts = counts
        sections = snapshot.sections.map {
            SectionProgress(id: $0.sectionID, title: $0.title, items: perSection[$0.sectionID]?.total ?? 0,
                            counts: perSection[$0.sectionID] ?? StatusCounts())
        }
        evidence = EvidenceTotals(total: current.count, expired: expired, expiringSoon: expiringSoon)
        itemsWithoutEvidence = withoutEvidence
        self.pending = pending
        self.failing = failing.sorted { ($0.severity, $0.status.rawValue, $0.item) < ($1.severity, $1.status.rawValue, $1.item) }
        self.overdue = overdue.sorted { ($0.due!, $0.item) < ($1.due!, $1.item) }
        exceptions = ExceptionTotals(open: openExceptions, expired: expiredExceptions.count)
        self.expiredExceptions = expiredExceptions
        next = Self.nextStep(snapshot: snapshot, pending: pending, failing: self.failing, expired: expired, withoutEvidence: withoutEvidence,
                             expiredExceptions: expiredExceptions.count)
    }

    private static func nextStep(
        snapshot: CycleSnapshot, pending: [String], failing: [ItemNote], expired: Int, withoutEvidence: Int, expiredExceptions: Int
    ) -> String {
        let name = snapshot.cycle.name
        if snapshot.cycle.state == .abandoned {
            return "cycle \(name) was abandoned (\(snapshot.cycle.abandonment?.reason ?? "")); it is kept in the history only"
        }
        if !snapshot.cycle.isOpen {
            return "cycle \(name) is closed; start the next with `evident cycle start NAME --carry-forward`"
        }
        if let first = pending.first {
            return "review \(pending.count) pending item\(pending.count == 1 ? "" : "s"), starting with \(first) (`evident review --interactive`)"
        }
        if expired > 0 {
            return "renew \(expired) expired piece\(expired == 1 ? "" : "s") of evidence (`evident evidence due`)"
        }
        if expiredExceptions > 0 {
            return "resolve or re-approve \(expiredExceptions) accepted risk\(expiredExceptions == 1 ? "" : "s") that ran out (`evident exception list`)"
        }
        if let worst = failing.first {
            return "follow up \(failing.count) failing or partial item\(failing.count == 1 ? "" : "s"), most severe first: \(worst.item)"
        }
        if withoutEvidence > 0 {
            return "attach evidence to \(withoutEvidence) reviewed item\(withoutEvidence == 1 ? "" : "s") that have none"
        }
        return "every item is reviewed; close the cycle with `evident cycle close \(name)`"
    }
}

/// Evidence that is expired or expires soon, for `evident evidence due`.
public struct DueEvidence: Sendable, Equatable, Codable {
    public let id: Int64
    public let item: String
    public let kind: EvidenceKind
    public let summary: String
    public let expiresAt: Timestamp
    public let expired: Bool

    enum CodingKeys: String, CodingKey {
        case id, item, kind, summary, expired
        case expiresAt = "expires_at"
    }

    /// The evidence of `snapshot` that is expired or expires within `days` of its judging time, soonest first.
    public static func list(_ snapshot: CycleSnapshot, within days: Int) -> [DueEvidence] {
        let horizon = snapshot.judgedAt.adding(days: days)
        return snapshot.evidence
            .filter { !$0.isWithdrawn && $0.isExpired(at: horizon) }
            .sorted { ($0.expiresAt!, $0.id) < ($1.expiresAt!, $1.id) }
            .map {
                DueEvidence(id: $0.id, item: $0.itemID, kind: $0.kind, summary: $0.summary, expiresAt: $0.expiresAt!,
                            expired: $0.isExpired(at: snapshot.judgedAt))
            }
    }
}
