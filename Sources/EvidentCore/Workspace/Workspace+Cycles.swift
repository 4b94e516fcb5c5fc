/// What starting a cycle did.
public struct CycleStartResult: Sendable {
    public let cycle: Cycle
    /// Items recorded `na` because the cycle's scope does not meet their `applies_when`.
    public let outOfScope: Int
    /// Evidence copied from `carriedFrom`.
    public let carried: Int
    /// `na` verdicts (with their notes) copied from `carriedFrom`.
    public let carriedVerdicts: Int
    /// The closed cycle evidence was carried from, when `--carry-forward` found one.
    public let carriedFrom: Cycle?
}

/// Whether a command changes a cycle or only reads it: they pick the default cycle differently.
public enum CycleIntent: Sendable {
    case write, read
}

extension Workspace {
    /// Starts a cycle pinned to the checklist's current version (SPEC §3): out-of-scope items are
    /// recorded `na` with a note saying why, and `carryForward` copies the unexpired evidence and the
    /// `na` verdicts (with their notes) of the most recently closed cycle of the same checklist and
    /// target. Several cycles of one checklist may be open at once, one per target or not.
    public func startCycle(
        name: String, checklistID: String?, target: String? = nil, scope: [String], carryForward: Bool, session: Session
    ) throws -> CycleStartResult {
        guard Self.isCycleName(name) else { throw WorkflowError.invalidCycleName(name) }
        if let target, !Self.isCycleName(target) { throw ProgrammeError.invalidTarget(target) }
        if try database.cycle(named: name) != nil { throw WorkflowError.duplicateCycle(name) }
        for tag in scope where !ChecklistRules.isName(tag) { throw WorkflowError.invalidScopeTag(tag) }
        let tags = Array(Set(scope)).sorted()
        let version = try currentVersion(checklistID: checklistID)
        let items = try database.items(versionID: version.versionID)
        var content = CycleStartContent()
        for item in items {
            let missing = item.scopeTags.filter { !tags.contains($0) }
            if !missing.isEmpty {
                content.outOfScope.append((item.itemID, "out of scope: requires " + missing.joined(separator: ", ")))
            }
        }
        var previous: Cycle?
        if carryForward {
            previous = try previousClosedCycle(checklistID: version.checklistID, target: target)
            if let previous {
                let itemIDs = Set(items.map(\.itemID))
                content.carried = try database.evidence(cycleID: previous.id).filter {
                    !$0.isWithdrawn && !$0.isExpired(at: session.now) && itemIDs.contains($0.itemID)
                }
                content.carriedVerdicts = try carriedVerdicts(from: previous, into: items.map(\.itemID),
                                                              outOfScope: Set(content.outOfScope.map(\.itemID)))
            }
        }
        let cycle = try database.insertCycle(
            name: name, target: target, version: version, scope: tags, carriedFrom: previous?.id, content: content, session: session)
        return CycleStartResult(
            cycle: cycle, outOfScope: content.outOfScope.count, carried: content.carried.count,
            carriedVerdicts: content.carriedVerdicts.count, carriedFrom: previous)
    }

    /// The most recently closed cycle of `checklistID` and `target` (nil: cycles without one): what
    /// carry-forward copies from and what `review --interactive` offers verdicts from. Abandoned
    /// cycles never count.
    public func previousClosedCycle(checklistID: String, target: String?) throws -> Cycle? {
        try database.cycles()
            .filter { $0.checklistID == checklistID && $0.target == target && $0.isClosed }
            .max { ($0.closedAt!, $0.id) < ($1.closedAt!, $1.id) }
    }

    /// The `na` verdicts of `previous` worth carrying: items still in the checklist, not already out
    /// of the new cycle's scope, and not merely out of the old cycle's scope (the new scope decides).
    private func carriedVerdicts(from previous: Cycle, into itemIDs: [String], outOfScope: Set<String>) throws -> [(itemID: String, note: String?)] {
        var latest: [String: Review] = [:]
        for review in try database.reviews(cycleID: previous.id) { latest[review.itemID] = review }
        return itemIDs.compactMap { itemID in
            guard let review = latest[itemID], review.status == .na, !outOfScope.contains(itemID),
                  !(review.note ?? "").hasPrefix(Self.outOfScopePrefix) else { return nil }
            return (itemID, review.note)
        }
    }

    /// How the note of an item recorded `na` by the cycle's scope begins.
    static let outOfScopePrefix = "out of scope: requires "

    /// Closes a cycle; refused while any item is pending, listing them, and while any evidence is
    /// expired unless `acceptExpired` (then the accepted evidence is named in the audit log).
    public func closeCycle(name: String, acceptExpired: Bool = false, session: Session) throws -> Cycle {
        let cycle = try resolveCycle(name, for: .read)
        try requireOpen(cycle)
        let snapshot = try self.snapshot(of: cycle, now: session.now)
        let pending = snapshot.items.filter { snapshot.status(of: $0.itemID) == .pending }.map(\.itemID)
        guard pending.isEmpty else { throw WorkflowError.pendingItems(cycle: cycle.name, items: pending) }
        let expired = expiredEvidence(snapshot)
        if !expired.isEmpty, !acceptExpired {
            throw WorkflowError.expiredEvidence(cycle: cycle.name, evidence: expired.map { "#\($0.id) \($0.itemID) (expired \($0.expiresAt!.date))" })
        }
        return try database.closeCycle(cycle, acceptedExpired: expired.map(\.id), session: session)
    }

    /// The cycle's evidence that is neither withdrawn nor valid at its judging time, oldest expiry first.
    public func expiredEvidence(_ snapshot: CycleSnapshot) -> [Evidence] {
        snapshot.evidence.filter { !$0.isWithdrawn && $0.isExpired(at: snapshot.judgedAt) }
            .sorted { ($0.expiresAt!, $0.id) < ($1.expiresAt!, $1.id) }
    }

    /// Ends an open cycle started by mistake (SPEC §3): kept in the history and the log, listed as
    /// abandoned, never picked by a default again. Only an open cycle can be abandoned.
    public func abandonCycle(name: String, reason: String, session: Session) throws -> Cycle {
        let cycle = try resolveCycle(name, for: .read)
        try requireOpen(cycle)
        let (text, _) = Self.cleanNote(reason)
        guard let text else { throw WorkflowError.emptyText(flag: "--reason") }
        return try database.abandonCycle(cycle, reason: text, session: session)
    }

    /// Every cycle, oldest first.
    public func cycles() throws -> [Cycle] { try database.cycles() }

    /// The cycle with row id `id`.
    public func cycle(id: Int64) throws -> Cycle {
        guard let cycle = try database.cycle(id: id) else { throw WorkflowError.unknownCycle("#\(id)", suggestion: nil) }
        return cycle
    }

    /// The cycle a command works on (SPEC §3): `name` when given; else `$EVIDENT_CYCLE`
    /// (`defaultCycleName`); else the only open cycle, and for reading with none open the most
    /// recently closed one. Abandoned cycles are never picked by default.
    public func resolveCycle(_ name: String?, for intent: CycleIntent) throws -> Cycle {
        let all = try database.cycles()
        if let name {
            if let cycle = all.first(where: { $0.name == name }) { return cycle }
            throw WorkflowError.unknownCycle(name, suggestion: Suggestion.closest(to: name, in: all.map(\.name)))
        }
        if let preferred = defaultCycleName {
            guard let cycle = all.first(where: { $0.name == preferred }) else {
                throw WorkflowError.unknownDefaultCycle(preferred, suggestion: Suggestion.closest(to: preferred, in: all.map(\.name)))
            }
            guard cycle.state != .abandoned else { throw WorkflowError.abandonedDefaultCycle(preferred) }
            return cycle
        }
        let open = all.filter(\.isOpen)
        if open.count == 1 { return open[0] }
        if open.count > 1 { throw WorkflowError.severalOpenCycles(open.map(\.name)) }
        if intent == .read, let latest = all.filter(\.isClosed).max(by: { ($0.closedAt!, $0.id) < ($1.closedAt!, $1.id) }) {
            return latest
        }
        throw all.isEmpty ? WorkflowError.noCycles : WorkflowError.noOpenCycle
    }

    /// The cycle `name`, which must be open for a change.
    public func openCycle(_ name: String?) throws -> Cycle {
        let cycle = try resolveCycle(name, for: .write)
        try requireOpen(cycle)
        return cycle
    }

    /// Throws unless `cycle` is open: a closed or abandoned cycle can no longer change.
    func requireOpen(_ cycle: Cycle) throws(WorkflowError) {
        switch cycle.state {
        case .open: return
        case .closed: throw .cycleClosed(cycle.name)
        case .abandoned: throw .cycleAbandoned(cycle.name)
        }
    }

    /// Letters, digits, dots, dashes and underscores, starting with a letter or digit, at most 64.
    static func isCycleName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 64,
              first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "._-".unicodeScalars.contains($0)
        } && first.isASCII
    }
}
