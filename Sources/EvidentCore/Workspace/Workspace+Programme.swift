import Foundation

/// What `assign` recorded.
public struct AssignResult: Sendable {
    public let cycle: Cycle
    public let assignments: [Assignment]
}

/// What `exception add` recorded.
public struct ExceptionResult: Sendable {
    public let cycle: Cycle
    public let exception: RiskException
    /// Sensitive values masked out of the reason.
    public let maskedValues: [SensitiveData.Match]
}

extension Workspace {
    // MARK: - Owners and due dates

    /// Gives items of an open cycle an owner and, optionally, a due date; every item must exist.
    public func assign(
        itemIDs: [String], owner: String, due: Timestamp?, cycle name: String?, session: Session
    ) throws -> AssignResult {
        let cycle = try openCycle(name)
        let owner = TextSanitizer.visible(owner.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !owner.isEmpty else { throw ProgrammeError.emptyOwner }
        let known = try database.items(versionID: cycle.versionID).map(\.itemID)
        try Self.checkItems(itemIDs, known: known)
        let entries = Self.unique(itemIDs).map { AssignmentEntry(itemID: $0, owner: owner, dueAt: due) }
        let assignments = try database.insertAssignments(entries, cycleID: cycle.id, session: session)
        return AssignResult(cycle: cycle, assignments: assignments)
    }

    // MARK: - Accepted risks

    /// Records an accepted risk on an item of an open cycle whose current status is `fail` or
    /// `partial`; the status itself never changes.
    public func addException(
        itemID: String, reason: String, expires: Timestamp, approvedBy: String, cycle name: String?, session: Session
    ) throws -> ExceptionResult {
        let cycle = try openCycle(name)
        let snapshot = try snapshot(of: cycle, now: session.now)
        try Self.checkItems([itemID], known: snapshot.items.map(\.itemID))
        let status = snapshot.status(of: itemID)
        guard let reviewStatus = status.reviewStatus, reviewStatus == .fail || reviewStatus == .partial else {
            throw ProgrammeError.noException(item: itemID, status: status)
        }
        let (text, masked) = Self.cleanNote(reason)
        guard let text else { throw WorkflowError.emptyText(flag: "--reason") }
        let approver = TextSanitizer.visible(approvedBy.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !approver.isEmpty else { throw WorkflowError.emptyText(flag: "--approved-by") }
        guard expires > session.now else { throw ProgrammeError.expiryNotAhead(expires: expires, now: session.now) }
        let exception = try database.insertException(
            ExceptionEntry(itemID: itemID, itemStatus: reviewStatus, reason: text, approvedBy: approver, expiresAt: expires),
            cycleID: cycle.id, session: session)
        return ExceptionResult(cycle: cycle, exception: exception, maskedValues: masked)
    }

    // MARK: - Across targets

    /// The cycles a programme view covers: `name` alone when given, else each target's latest
    /// cycle (its open one, else its most recently closed; an abandoned cycle never counts), by
    /// target then checklist.
    public func programmeCycles(_ name: String? = nil) throws -> [Cycle] {
        if let name { return [try resolveCycle(name, for: .read)] }
        let byTarget = Dictionary(grouping: try database.cycles()) { ProgrammeKey(checklist: $0.checklistID, target: $0.target) }
        return byTarget.keys.sorted().compactMap { key in
            let cycles = byTarget[key]!
            if let open = cycles.filter(\.isOpen).max(by: { $0.id < $1.id }) { return open }
            return cycles.filter { $0.state == .closed }.max { ($0.closedAt!, $0.id) < ($1.closedAt!, $1.id) }
        }
    }

    /// Snapshots of `programmeCycles(name)`, judged at `now`.
    public func programmeSnapshots(_ name: String? = nil, now: Timestamp) throws -> [CycleSnapshot] {
        try programmeCycles(name).map { try snapshot(of: $0, now: now) }
    }

    // MARK: - Checks

    /// Throws for the first id not in `known`, suggesting the closest.
    static func checkItems(_ itemIDs: [String], known: [String]) throws {
        let set = Set(known)
        for id in itemIDs where !set.contains(id) {
            throw WorkflowError.unknownItem(id, suggestion: Suggestion.closest(to: id, in: known))
        }
    }

    /// `values` without repeats, first occurrence kept.
    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

/// One line of a programme: a checklist assessed for one target (nil: a cycle without a target).
struct ProgrammeKey: Hashable, Comparable {
    let checklist: String
    let target: String?

    static func < (lhs: ProgrammeKey, rhs: ProgrammeKey) -> Bool {
        // Named targets first, alphabetically; cycles without one after.
        (lhs.target == nil ? 1 : 0, lhs.target ?? "", lhs.checklist) < (rhs.target == nil ? 1 : 0, rhs.target ?? "", rhs.checklist)
    }
}
