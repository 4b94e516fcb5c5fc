/// Rules of the review workflow (SPEC §2–§3) that a command broke; all are bad input (65).
public enum WorkflowError: EvidentError, Equatable {
    case unknownItem(String, suggestion: String?)
    case unknownCycle(String, suggestion: String?)
    case unknownDefaultCycle(String, suggestion: String?)
    case abandonedDefaultCycle(String)
    case cycleAbandoned(String)
    case signoffOnAbandoned(String)
    case expiredEvidence(cycle: String, evidence: [String])
    case futureDate(flag: String, value: String)
    case unknownChecklist(String, loaded: [String])
    case noChecklists
    case severalChecklists([String])
    case noOpenCycle
    case noCycles
    case severalOpenCycles([String])
    case duplicateCycle(String)
    case invalidCycleName(String)
    case cycleClosed(String)
    case noteRequired(ReviewStatus)
    case teamStoreOnly(command: String)
    case pendingItems(cycle: String, items: [String])
    case versionChanged(checklist: String, version: String)
    case unknownEvidence(Int64)
    case evidenceWithdrawn(Int64)
    case badURL(String)
    case badDate(flag: String, value: String)
    case emptyText(flag: String)
    case invalidScopeTag(String)

    public var kind: FailureKind { .badInput }

    public var errorDescription: String? {
        switch self {
        case let .teamStoreOnly(command): "`evident \(command)` works on a team store only (--db postgres://…)"
        case let .unknownItem(id, suggestion): "unknown item '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case let .unknownCycle(name, suggestion): "unknown cycle '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case let .unknownDefaultCycle(name, suggestion):
            "unknown cycle '\(name)' (from $EVIDENT_CYCLE)" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case let .abandonedDefaultCycle(name): "cycle '\(name)' (from $EVIDENT_CYCLE) was abandoned"
        case let .cycleAbandoned(name): "cycle '\(name)' was abandoned; its reviews and evidence can no longer change"
        case let .signoffOnAbandoned(name): "cycle '\(name)' was abandoned; an abandoned cycle cannot be signed off"
        case let .expiredEvidence(cycle, evidence):
            "cycle '\(cycle)' holds \(evidence.count) piece\(evidence.count == 1 ? "" : "s") of expired evidence: "
                + evidence.prefix(10).joined(separator: ", ") + (evidence.count > 10 ? ", …" : "")
        case let .futureDate(flag, value): "\(flag) '\(value)' is in the future; evidence speaks for what has already happened"
        case let .unknownChecklist(id, loaded):
            "unknown checklist '\(id)'" + (Suggestion.closest(to: id, in: loaded).map { "; did you mean '\($0)'?" } ?? "")
        case .noChecklists: "no checklist is loaded"
        case let .severalChecklists(ids): "several checklists are loaded (\(ids.joined(separator: ", ")))"
        case .noOpenCycle: "no open cycle"
        case .noCycles: "no review cycle yet"
        case let .severalOpenCycles(names): "several cycles are open (\(names.joined(separator: ", ")))"
        case let .duplicateCycle(name): "a cycle named '\(name)' already exists"
        case let .invalidCycleName(name): "'\(name)' is not a usable cycle name"
        case let .cycleClosed(name): "cycle '\(name)' is closed; its reviews and evidence can no longer change"
        case let .noteRequired(status): "a '\(status.rawValue)' review needs a note saying why"
        case let .pendingItems(cycle, items):
            "cycle '\(cycle)' still has \(items.count) pending item\(items.count == 1 ? "" : "s"): "
                + items.prefix(10).joined(separator: ", ") + (items.count > 10 ? ", …" : "")
        case let .versionChanged(checklist, version):
            "\(checklist) \(version) is already loaded with different content"
        case let .unknownEvidence(id): "no evidence #\(id)"
        case let .evidenceWithdrawn(id): "evidence #\(id) is already withdrawn"
        case let .badURL(reason): "unusable evidence URL: \(reason)"
        case let .badDate(flag, value): "\(flag) '\(value)' is not a date; write it as 2026-10-01 or 2026-10-01T09:00:00Z"
        case let .emptyText(flag): "\(flag) must not be empty"
        case let .invalidScopeTag(tag): "scope tag '\(tag)' must be lower-case letters, digits and dashes, starting with a letter"
        }
    }

    public var hint: String? {
        switch self {
        case .teamStoreOnly: "point --db or $EVIDENT_DB at a postgres:// URL (see the README's \"For a team\")"
        case .unknownItem: "`evident checklist show` lists the items"
        case .unknownCycle: "`evident cycle list` lists the cycles"
        case .unknownDefaultCycle, .abandonedDefaultCycle: "set $EVIDENT_CYCLE to a cycle `evident cycle list` shows, or unset it"
        case .cycleAbandoned: "start a new cycle with `evident cycle start NAME`"
        case .signoffOnAbandoned: "sign off the cycle that replaced it; `evident cycle list` shows each cycle's state"
        case .expiredEvidence:
            "renew it (`evident evidence due` lists it), withdraw it, or close anyway with --accept-expired to record that you accept it"
        case .futureDate: "give the date the evidence describes, today or earlier"
        case .unknownChecklist, .severalChecklists: "choose one with --checklist ID; `evident checklist list` lists them"
        case .noChecklists: "load one with `evident checklist load liasonpay` (the shipped LiasonPay checklist) or `evident checklist load DIR`"
        case .noOpenCycle, .noCycles: "start one with `evident cycle start NAME`"
        case .severalOpenCycles: "choose one with --cycle NAME"
        case .duplicateCycle: "choose another name; `evident cycle list` shows the names in use"
        case .invalidCycleName: "use letters, digits, dots, dashes and underscores, e.g. 2026-Q4"
        case .cycleClosed: "start a new cycle (with --carry-forward to reuse its evidence); sign-offs may still be added"
        case .noteRequired: "add --note TEXT"
        case .pendingItems: "review them (`evident status` lists them), or record `na` with a note for items that do not apply"
        case .versionChanged: "bump the version in checklist.yaml, then load again"
        case .unknownEvidence: "`evident evidence list` shows the evidence ids"
        case .evidenceWithdrawn: nil
        case .badURL: "evidence links must be http:// or https:// URLs"
        case .badDate: nil
        case .emptyText: nil
        case .invalidScopeTag: nil
        }
    }
}
