import ArgumentParser
import EvidentCore

/// `evident cycle …`: start, list, show, close and abandon review cycles.
struct CycleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cycle", abstract: "Start, list, show, close and abandon review cycles.",
        subcommands: [CycleStart.self, CycleList.self, CycleShow.self, CycleClose.self, CycleAbandon.self])
}

/// `evident cycle start NAME`.
struct CycleStart: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Start a review cycle pinned to a checklist's current version.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The cycle's name, e.g. 2026-Q4.", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("The checklist (may be left out when only one is loaded).", valueName: "id"), completion: Completions.checklists)
    var checklist: String?

    @Option(help: ArgumentHelp("What the cycle assesses: a service, team or integration, e.g. payments-api.", valueName: "target"))
    var target: String?

    @Flag(help: "Copy in the unexpired evidence and the n/a verdicts of the last closed cycle of the same checklist and target.")
    var carryForward = false

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Scope tags; items whose applies_when needs other tags are recorded n/a.", valueName: "tag"))
    var scope: [String] = []

    func run() async throws {
        try await Reporting.run {
            let result = try workspace.open().startCycle(
                name: name, checklistID: checklist, target: target, scope: scope, carryForward: carryForward, session: try workspace.session())
            let cycle = result.cycle
            let scopeText = cycle.scope.isEmpty ? "." : " with scope \(cycle.scope.joined(separator: ", "))."
            let targetText = cycle.target.map { " for \($0)" } ?? ""
            Terminal.output("Started cycle \(cycle.name)\(targetText) on \(cycle.checklistID) \(cycle.version)" + scopeText)
            if result.outOfScope > 0 {
                Terminal.output("\(result.outOfScope) item\(result.outOfScope == 1 ? " is" : "s are") out of scope and recorded n/a.")
            }
            if carryForward {
                if let from = result.carriedFrom {
                    Terminal.output("Carried forward \(result.carried) piece\(result.carried == 1 ? "" : "s") of unexpired evidence from \(from.name).")
                    if result.carriedVerdicts > 0 {
                        Terminal.output("Carried forward \(result.carriedVerdicts) n/a verdict\(result.carriedVerdicts == 1 ? "" : "s") with \(result.carriedVerdicts == 1 ? "its note" : "their notes") from \(from.name); review them again if they no longer hold.")
                    }
                } else {
                    Terminal.warning("nothing to carry forward: no closed cycle of \(cycle.checklistID)\(cycle.target.map { " for \($0)" } ?? "") yet")
                }
            }
        }
    }
}

/// `evident cycle list`.
struct CycleList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the review cycles with their progress.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Output format.")
    var format: TextOrJSON = .text

    func run() async throws {
        try await Reporting.run {
            let open = try workspace.open()
            let now = try workspace.now()
            let statuses = try open.cycles().map { CycleStatus(try open.snapshot(of: $0, now: now)) }
            switch format {
            case .json: printJSON(CycleListDocument(cycles: statuses))
            case .text: Terminal.output(WorkspaceText.cycles(statuses))
            }
        }
    }
}

/// `{"cycles": [...]}`: each cycle's status document.
struct CycleListDocument: Encodable {
    let cycles: [CycleStatus]
}

/// `evident cycle show [NAME]`.
struct CycleShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one cycle: its scope, progress and dates.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The cycle (default: the open one, else the last closed).", valueName: "name"), completion: Completions.cycles)
    var name: String?

    @Option(help: "Output format.")
    var format: TextOrJSON = .text

    func run() async throws {
        try await Reporting.run {
            let open = try workspace.open()
            let cycle = try open.resolveCycle(name, for: .read)
            let status = CycleStatus(try open.snapshot(of: cycle, now: try workspace.now()))
            switch format {
            case .json: printJSON(status)
            case .text:
                var lines = ["Cycle \(cycle.name) (\(cycle.state.rawValue))",
                             "  checklist   \(cycle.checklistID) \(cycle.version)",
                             "  target      \(cycle.target ?? "(none)")",
                             "  scope       \(cycle.scope.isEmpty ? "(none)" : cycle.scope.joined(separator: ", "))",
                             "  started     \(cycle.startedAt) by \(TerminalText.oneLine(cycle.startedBy))"]
                if let closed = cycle.closedAt { lines.append("  closed      \(closed) by \(TerminalText.oneLine(cycle.closedBy ?? "?"))") }
                if let abandonment = cycle.abandonment {
                    lines.append("  abandoned   \(abandonment.at) by \(TerminalText.oneLine(abandonment.by)): \(TerminalText.oneLine(abandonment.reason))")
                }
                for state in try open.signoffStates(of: try open.snapshot(of: cycle, now: try workspace.now())) {
                    let signoff = state.signoff
                    let signed = signoff.keyFingerprint.map { "signed, key \($0)" + (state.signatureHolds ? "" : ", SIGNATURE DOES NOT HOLD") } ?? "unsigned"
                    lines.append("  sign-off    \(signoff.at) by \(TerminalText.oneLine(signoff.signer)) (\(signed))\(state.stale ? " — STALE: the cycle changed since" : ""): \(TerminalText.oneLine(signoff.statement))")
                }
                lines.append("")
                lines.append(StatusText.render(status, style: outputStyle))
                Terminal.output(lines.joined(separator: "\n"))
            }
        }
    }
}

/// `evident cycle close NAME [--accept-expired]`.
struct CycleClose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a cycle: refused while items are pending; afterwards it cannot change.",
        discussion: "Expired evidence is listed and refused unless --accept-expired records that you close with it.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The cycle to close.", valueName: "name"), completion: Completions.cycles)
    var name: String

    @Flag(help: "Close even though some evidence has expired; the audit log names it.")
    var acceptExpired = false

    func run() async throws {
        try await Reporting.run {
            let open = try workspace.open()
            let session = try workspace.session()
            let cycle = try open.closeCycle(name: name, acceptExpired: acceptExpired, session: session)
            let expired = open.expiredEvidence(try open.snapshot(of: cycle, now: session.now))
            if !expired.isEmpty {
                Terminal.warning("closed with \(expired.count) piece\(expired.count == 1 ? "" : "s") of expired evidence, accepted: "
                    + expired.map { "#\($0.id) \($0.itemID) (expired \($0.expiresAt!.date))" }.joined(separator: ", "))
            }
            Terminal.output("Closed cycle \(cycle.name) at \(cycle.closedAt!); its reviews and evidence are now fixed.")
        }
    }
}

/// `evident cycle abandon NAME --reason TEXT`.
struct CycleAbandon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "abandon", abstract: "End an open cycle started by mistake; it stays in the history as abandoned.",
        discussion: "The cycle keeps its reviews and evidence, is listed as abandoned, takes no more changes and is never picked as a default again.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The open cycle to abandon.", valueName: "name"), completion: Completions.cycles)
    var name: String

    @Option(help: ArgumentHelp("Why it is abandoned (kept in the audit log).", valueName: "text"))
    var reason: String

    func run() async throws {
        try await Reporting.run {
            let cycle = try workspace.open().abandonCycle(name: name, reason: reason, session: try workspace.session())
            Terminal.output("Abandoned cycle \(cycle.name); it stays in the history and no command picks it by default.")
        }
    }
}
