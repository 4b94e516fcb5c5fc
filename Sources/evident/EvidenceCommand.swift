import ArgumentParser
import EvidentCore

/// `evident evidence …`: attach, list, show, export and withdraw evidence.
struct EvidenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence", abstract: "Attach, list, show, export and withdraw evidence.",
        subcommands: [EvidenceAdd.self, EvidenceList.self, EvidenceShow.self, EvidenceGet.self, EvidenceWithdraw.self, EvidenceDue.self,
                      EvidenceImportSARIF.self])
}

/// `evident evidence add ITEM_ID (FILE... | --url URL | --note TEXT) [--caption TEXT]`.
struct EvidenceAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Attach files, a link or a note to an item of the open cycle.",
        discussion: "Files go into the vault named by their SHA-256; several files are attached all or none. A text file holding a secret key or card number is refused unless --redact stores a masked copy. --caption says what a file or link shows.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The item the evidence is for.", valueName: "item-id"), completion: Completions.items)
    var itemID: String

    @Argument(help: ArgumentHelp("Files to attach.", valueName: "file"))
    var files: [String] = []

    @Option(help: ArgumentHelp("An http(s) link to attach.", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp("A note to attach.", valueName: "text"))
    var note: String?

    @Option(help: ArgumentHelp("What the files or the link show, shown beside them in reports.", valueName: "text"))
    var caption: String?

    @Option(help: ArgumentHelp("When the evidence speaks for (default: now), e.g. 2026-09-15.", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("When it stops counting (the earlier of this and the item's max_age_days applies).", valueName: "date"))
    var expires: String?

    @Flag(help: "Store a masked copy of a text file that holds secrets or card numbers, instead of refusing it.")
    var redact = false

    @Option(help: ArgumentHelp("The cycle (default: the only open one).", valueName: "name"), completion: Completions.cycles)
    var cycle: String?

    func validate() throws {
        let given = [!files.isEmpty, url != nil, note != nil].filter { $0 }.count
        if given != 1 { throw ValidationError("give exactly one of FILE..., --url URL or --note TEXT") }
        if caption != nil, note != nil { throw ValidationError("--caption describes files or a link; a note speaks for itself") }
    }

    func run() async throws {
        try await Reporting.run {
            let sources: [EvidenceSource] =
                if let url { [.url(url)] } else if let note { [.note(note)] } else { files.map { .file(path: $0) } }
            let asOf = try parseDate(asOf, flag: "--as-of"), expires = try parseDate(expires, flag: "--expires")
            let requests = sources.map {
                EvidenceRequest(itemID: itemID, source: $0, asOf: asOf, expires: expires, redact: redact, cycle: cycle, caption: caption)
            }
            let added = try workspace.open().addEvidence(requests, session: try workspace.session(), progress: ProgressLine.make())
            ProgressLine.finish()
            for piece in added {
                for warning in piece.warnings { Terminal.warning(warning) }
                let evidence = piece.evidence
                Terminal.output("Added evidence #\(evidence.id) (\(evidence.kind.rawValue), sha256 \(evidence.digest.prefix(12))…) to \(evidence.itemID) in cycle \(piece.cycle.name)"
                    + (evidence.expiresAt.map { "; expires \($0.date)." } ?? "; it does not expire."))
            }
        }
    }
}

/// `evident evidence list [ITEM_ID]`.
struct EvidenceList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a cycle's evidence.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("Only this item's evidence.", valueName: "item-id"), completion: Completions.items)
    var itemID: String?

    @Option(help: ArgumentHelp("The cycle (default: the open one, else the last closed).", valueName: "name"), completion: Completions.cycles)
    var cycle: String?

    @Option(help: "Output format.")
    var format: TextOrJSON = .text

    func run() async throws {
        try await Reporting.run {
            let open = try workspace.open()
            let chosen = try open.resolveCycle(cycle, for: .read)
            if let itemID { try open.checkItemID(itemID, in: chosen) }
            let snapshot = try open.snapshot(of: chosen, now: try workspace.now())
            let list = snapshot.evidence.filter { itemID == nil || $0.itemID == itemID }
            switch format {
            case .json: printJSON(EvidenceListDocument(cycle: snapshot.cycle.name, evidence: list))
            case .text: Terminal.output(WorkspaceText.evidence(list, judgedAt: snapshot.judgedAt))
            }
        }
    }
}

/// `{"cycle": …, "evidence": [...]}`.
struct EvidenceListDocument: Encodable {
    let cycle: String
    let evidence: [Evidence]
}

/// `evident evidence show ID`.
struct EvidenceShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one piece of evidence in full.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The evidence id (see `evidence list`).", valueName: "id"))
    var id: Int64

    @Option(help: "Output format.")
    var format: TextOrJSON = .text

    func run() async throws {
        try await Reporting.run {
            let open = try workspace.open()
            let evidence = try open.evidence(id: id)
            let cycle = try open.cycle(id: evidence.cycleID)
            switch format {
            case .json: printJSON(evidence)
            case .text:
                Terminal.output(WorkspaceText.evidenceDetail(evidence, cycle: cycle.name, judgedAt: cycle.judgingTime(now: try workspace.now())))
            }
        }
    }
}

/// `evident evidence get ID --out PATH`.
struct EvidenceGet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "Write a piece of evidence to a file, checking its SHA-256 on the way.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The evidence id.", valueName: "id"))
    var id: Int64

    @Option(help: ArgumentHelp("Where to write it.", valueName: "path"))
    var out: String

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    func run() async throws {
        try await Reporting.run {
            try workspace.open().exportEvidence(id: id, to: out, overwrite: force)
            Terminal.output("Wrote evidence #\(id) to \(out).")
        }
    }
}

/// `evident evidence withdraw ID --reason TEXT [--purge]`.
struct EvidenceWithdraw: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw", abstract: "Withdraw evidence: kept in history, no longer counted.",
        discussion: "--purge also deletes its vault file when no other evidence uses it.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The evidence id.", valueName: "id"))
    var id: Int64

    @Option(help: ArgumentHelp("Why it is withdrawn.", valueName: "text"))
    var reason: String

    @Flag(help: "Also delete the vault file when nothing else uses it.")
    var purge = false

    func run() async throws {
        try await Reporting.run {
            let (evidence, purged) = try workspace.open().withdrawEvidence(id: id, reason: reason, purge: purge, session: try workspace.session())
            Terminal.output("Withdrew evidence #\(evidence.id) of \(evidence.itemID)."
                + (purged ? " Its vault file was deleted." : purge && evidence.hasVaultFile ? " Its vault file is kept: other evidence uses it." : ""))
        }
    }
}

/// `evident evidence due [--within 30d]`.
struct EvidenceDue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "due", abstract: "List expired and soon-expiring evidence, soonest first.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("How far ahead to look: 30d, 2w, 90 (days).", valueName: "duration"))
    var within: String = "30d"

    @Option(help: ArgumentHelp("The cycle (default: the open one, else the last closed).", valueName: "name"), completion: Completions.cycles)
    var cycle: String?

    @Option(help: "Output format.")
    var format: TextOrJSON = .text

    func validate() throws {
        if Duration.days(within) == nil { throw ValidationError("--within takes days like 30d, 2w or 90") }
    }

    func run() async throws {
        try await Reporting.run {
            let open = try workspace.open()
            let snapshot = try open.snapshot(of: try open.resolveCycle(cycle, for: .read), now: try workspace.now())
            let days = Duration.days(within) ?? 30
            let due = DueEvidence.list(snapshot, within: days)
            let exceptions = DueException.list(snapshot, within: days)
            switch format {
            case .json: printJSON(DueDocument(cycle: snapshot.cycle.name, withinDays: days, evidence: due, exceptions: exceptions))
            case .text:
                Terminal.output(WorkspaceText.due(due, cycle: snapshot.cycle.name, days: days))
                if !exceptions.isEmpty { Terminal.output("\n" + WorkspaceText.dueExceptions(exceptions)) }
            }
        }
    }
}

/// `{"cycle": …, "within_days": 30, "evidence": [...]}`.
struct DueDocument: Encodable {
    let cycle: String
    let withinDays: Int
    let evidence: [DueEvidence]
    /// Accepted risks that have run out or run out within the same window.
    let exceptions: [DueException]

    enum CodingKeys: String, CodingKey {
        case cycle, evidence, exceptions
        case withinDays = "within_days"
    }
}

/// Day counts written as `30d`, `2w` or `90`.
enum Duration {
    static func days(_ text: String) -> Int? {
        let lowered = text.lowercased()
        if lowered.hasSuffix("d") { return Int(lowered.dropLast()).flatMap { $0 >= 0 ? $0 : nil } }
        if lowered.hasSuffix("w") { return Int(lowered.dropLast()).flatMap { $0 >= 0 ? $0 * 7 : nil } }
        return Int(lowered).flatMap { $0 >= 0 ? $0 : nil }
    }
}
