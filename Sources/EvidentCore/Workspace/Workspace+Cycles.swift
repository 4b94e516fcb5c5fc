/// What starting a cycle did.
public struct CycleStartResult: Sendable {
    public let cycle: Cycle
    /// Items recorded `na` because the cycle's scope does not meet their `applies_when`.
    public let outOfScope: Int
    /// Evidence copied from `carriedFrom`.
    public let carried: Int
    /// The closed cycle evidence was carried from, when `--carry-forward` found one.
    public let carriedFrom: Cycle?
}

/// Whether a command changes a cycle or only reads it: they pick the default cycle differently.
public enum CycleIntent: Sendable {
    case write, read
}

extension Workspace {
    /// Starts a cycle pinned to the checklist's current version (SPEC §3): out-of-scope items are
    /// recorded `na` with a note saying why, and `carryForward` copies the unexpired evidence of the
    /// most recently closed cycle of the same checklist and target. Several cycles of one checklist
    /// may be open at once, one per target or not.
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
            previous = try database.cycles()
                .filter { $0.checklistID == version.checklistID && $0.target == target && $0.state == .closed }
                .max { ($0.closedAt!, $0.id) < ($1.closedAt!, $1.id) }
            if let previous {
                let itemIDs = Set(items.map(\.itemID))
                content.carried = try database.evidence(cycleID: previous.id).filter {
                    !$0.isWithdrawn && !$0.isExpired(at: session.now) && itemIDs.contains($0.itemID)
                }
            }
        }
        let cycle = try database.insertCycle(
            name: name, target: target, version: version, scope: tags, carriedFrom: previous?.id, content: content, session: session)
        return CycleStartResult(
            cycle: cycle, outOfScope: content.outOfScope.count, carried: content.carried.count, carriedFrom: previous)
    }

    /// Closes a cycle; refused while any item is pending, listing them.
    public func closeCycle(name: String, session: Session) throws -> Cycle {
        let cycle = try resolveCycle(name, for: .read)
        guard cycle.isOpen else { throw WorkflowError.cycleClosed(cycle.name) }
        let snapshot = try self.snapshot(of: cycle, now: session.now)
        let pending = snapshot.items.filter { snapshot.status(of: $0.itemID) == .pending }.map(\.itemID)
        guard pending.isEmpty else { throw WorkflowError.pendingItems(cycle: cycle.name, items: pending) }
        return try database.closeCycle(cycle, session: session)
    }

    /// Every cycle, oldest first.
    public func cycles() throws -> [Cycle] { try database.cycles() }

    /// The cycle with row id `id`.
    public func cycle(id: Int64) throws -> Cycle {
        guard let cycle = try database.cycle(id: id) else { throw WorkflowError.unknownCycle("#\(id)", suggestion: nil) }
        return cycle
    }

    /// The cycle a command works on: `name` when given; otherwise the only open cycle, and for
    /// reading with none open the most recently closed one (SPEC §3).
    public func resolveCycle(_ name: String?, for intent: CycleIntent) throws -> Cycle {
        let all = try database.cycles()
        if let name {
            if let cycle = all.first(where: { $0.name == name }) { return cycle }
            throw WorkflowError.unknownCycle(name, suggestion: Suggestion.closest(to: name, in: all.map(\.name)))
        }
        let open = all.filter(\.isOpen)
        if open.count == 1 { return open[0] }
        if open.count > 1 { throw WorkflowError.severalOpenCycles(open.map(\.name)) }
        if intent == .read, let latest = all.filter({ !$0.isOpen }).max(by: { ($0.closedAt!, $0.id) < ($1.closedAt!, $1.id) }) {
            return latest
        }
        throw all.isEmpty ? WorkflowError.noCycles : WorkflowError.noOpenCycle
    }

    /// The cycle `name`, which must be open for a change.
    func openCycle(_ name: String?) throws -> Cycle {
        let cycle = try resolveCycle(name, for: .write)
        guard cycle.isOpen else { throw WorkflowError.cycleClosed(cycle.name) }
        return cycle
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
