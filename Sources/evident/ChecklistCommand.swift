import ArgumentParser
import EvidentCore

/// `evident checklist …`: validate, load, list, show and import checklists.
struct ChecklistCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Validate, load, inspect and import checklists.",
        subcommands: [ChecklistValidate.self, ChecklistLoad.self, ChecklistList.self, ChecklistShow.self, ChecklistImport.self]
    )
}

/// Reads checklist directories and reports their diagnostics; shared by `validate` and `load`.
enum ChecklistReading {
    /// Every path's checklist; prints diagnostics, and throws (65 or 66) when any path fails.
    static func read(_ paths: [String], style: TextStyle, announce: Bool) throws -> [Checklist] {
        var worst: (any EvidentError)?
        var checklists: [Checklist] = []
        for path in paths {
            do throws(ChecklistError) {
                let result = try ShippedChecklists.load(pathOrName: path)
                Terminal.diagnostics(result.diagnostics)
                if let checklist = result.checklist {
                    checklists.append(checklist)
                    if announce { Terminal.output(WorkspaceText.validated(path: path, ChecklistSummary(checklist), style: style)) }
                } else {
                    let errors = result.diagnostics.filter { $0.severity == .error }.count
                    Terminal.error("\(path): \(errors) error(s); the checklist is invalid")
                    if worst == nil || worst?.kind == .badInput { worst = ChecklistError.invalid(diagnostics: []) }
                }
            } catch {
                Terminal.error(error.errorDescription ?? "cannot read \(path)")
                worst = error
            }
        }
        if let worst {
            if let hint = worst.hint { Terminal.hint(hint) }
            throw ExitCode(Reporting.exitCode(for: worst.kind))
        }
        return checklists
    }
}

/// `evident checklist validate PATH...`: check checklist directories and load nothing.
struct ChecklistValidate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check checklist directories against the format; load nothing.",
        discussion: "Prints every problem of every file as PATH:LINE:COLUMN: error: MESSAGE. Exits 65 when any checklist is invalid, 66 when a path cannot be read."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("Checklist directories (each holds checklist.yaml and section files), or a shipped checklist's name (liasonpay).", valueName: "path"))
    var paths: [String]

    func run() async throws {
        try await Reporting.run {
            _ = try ChecklistReading.read(paths, style: outputStyle, announce: true)
        }
    }
}

/// `evident checklist load PATH...`: validate and load into the workspace.
struct ChecklistLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Validate checklist directories (or shipped checklists by name) and load them into the workspace.",
        discussion: "Identical content is a no-op; a new version string adds a version and makes it current; changed content under a loaded version string is refused (bump the version)."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("Checklist directories, or a shipped checklist's name (liasonpay).", valueName: "path"))
    var paths: [String]

    func run() async throws {
        try await Reporting.run {
            let open = try workspace.open()
            let checklists = try ChecklistReading.read(paths, style: outputStyle, announce: false)
            for outcome in try open.load(checklists, session: try workspace.session()) {
                Terminal.output(ChecklistLoadText.outcome(outcome))
            }
        }
    }
}

/// `evident checklist list`: what is loaded.
struct ChecklistList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the loaded checklists.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Output format.")
    var format: TextOrJSON = .text

    func run() async throws {
        try await Reporting.run {
            let listings = try workspace.open().checklistListings()
            switch format {
            case .json: printJSON(ChecklistListDocument(checklists: listings))
            case .text: Terminal.output(WorkspaceText.checklists(listings))
            }
        }
    }
}

/// `{"checklists": [...]}`, SPEC §4.
struct ChecklistListDocument: Encodable {
    let checklists: [ChecklistListing]
}

/// `evident checklist show [ITEM_ID]`: a checklist's items, or one item in full.
struct ChecklistShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a loaded checklist, or one item in full.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("An item to show in full.", valueName: "item-id"), completion: Completions.items)
    var itemID: String?

    @Option(help: ArgumentHelp("The checklist (when several are loaded).", valueName: "id"))
    var checklist: String?

    @Option(help: "Output format.")
    var format: TextOrJSON = .text

    func run() async throws {
        try await Reporting.run {
            let open = try workspace.open()
            let loaded = try open.checklist(versionID: try open.currentVersion(checklistID: checklist).versionID)
            if let itemID {
                guard let item = loaded.items.first(where: { $0.id == itemID }) else {
                    throw WorkflowError.unknownItem(itemID, suggestion: Suggestion.closest(to: itemID, in: loaded.items.map(\.id)))
                }
                switch format {
                case .json: printJSON(item)
                case .text: Terminal.output(ChecklistShowText.item(item, style: outputStyle))
                }
            } else {
                switch format {
                case .json: printJSON(loaded)
                case .text: Terminal.output(ChecklistShowText.checklist(loaded))
                }
            }
        }
    }
}

/// What `checklist load` (and `checklist import --load`) print for each checklist.
enum ChecklistLoadText {
    static func outcome(_ outcome: ChecklistLoadOutcome) -> String {
        switch outcome {
        case let .added(version): "Loaded \(version.checklistID) \(version.version); it is now the current version."
        case let .unchanged(version): "\(version.checklistID) \(version.version) is already loaded with identical content; nothing changed."
        }
    }
}
