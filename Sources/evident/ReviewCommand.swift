import ArgumentParser
import EvidentCore

extension ReviewStatus: ExpressibleByArgument {}

/// `evident review …`: record a review, or import many from CSV.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Record reviews of checklist items.",
        discussion: "evident review ITEM_ID --status pass|partial|fail|na [--note TEXT]; `na` and `fail` need a note. Every review is kept: the latest is the item's status.",
        subcommands: [ReviewRecord.self, ReviewImport.self], defaultSubcommand: ReviewRecord.self)
}

/// `evident review ITEM_ID --status …`.
struct ReviewRecord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record one item's review in the open cycle.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The item reviewed.", valueName: "item-id"), completion: Completions.items)
    var itemID: String?

    @Option(help: "The verdict.")
    var status: ReviewStatus?

    @Option(help: ArgumentHelp("Why: required for na and fail.", valueName: "text"))
    var note: String?

    @Option(help: ArgumentHelp("The cycle (default: the only open one).", valueName: "name"), completion: Completions.cycles)
    var cycle: String?

    @Flag(help: "Walk the pending items in the terminal, saving each answer as it is given.")
    var interactive = false

    func validate() throws {
        if interactive {
            if itemID != nil || status != nil || note != nil { throw ValidationError("--interactive asks for items, statuses and notes itself; give none of them") }
        } else {
            if itemID == nil { throw ValidationError("give the item reviewed, or --interactive") }
            if status == nil { throw ValidationError("give --status pass|partial|fail|na") }
        }
    }

    func run() async throws {
        try await Reporting.run {
            if interactive {
                try InteractiveReview(workspace: try workspace.open(), options: workspace, cycleName: cycle, style: outputStyle).run()
                return
            }
            guard let itemID, let status else { return }
            let recorded = try workspace.open().recordReview(
                itemID: itemID, status: status, note: note, cycle: cycle, session: try workspace.session())
            if !recorded.maskedValues.isEmpty {
                Terminal.warning("the note held sensitive data; it was stored masked (\(recorded.maskedValues.map(\.masked).joined(separator: ", ")))")
            }
            if recorded.passWithoutEvidence {
                Terminal.warning("\(itemID) passes with no evidence and no note; reports mark it 'pass without evidence'")
                Terminal.hint("attach what shows it holds: `evident evidence add \(itemID) FILE` (or --url, --note)")
            }
            Terminal.output("Recorded \(recorded.review.itemID): \(ItemStatus(recorded.review.status).label) in cycle \(recorded.cycle.name).")
        }
    }
}

/// `evident review import FILE.csv`.
struct ReviewImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import reviews from a CSV file with the columns item,status[,note]; all or nothing.",
        discussion: "Reads back the CSV that `evident report --format csv` writes. Headers match in any case; other columns are named in one warning and not imported; blank rows and rows whose status is empty or pending are skipped; `,` or `;` separated; n/a means na. The file must be UTF-8.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv"))
    var file: String

    @Option(help: ArgumentHelp("The cycle (default: the only open one).", valueName: "name"), completion: Completions.cycles)
    var cycle: String?

    func run() async throws {
        try await Reporting.run {
            do {
                let result = try workspace.open().importReviews(csvPath: file, cycle: cycle, session: try workspace.session())
                if !result.ignoredColumns.isEmpty {
                    Terminal.warning("not imported: the column\(result.ignoredColumns.count == 1 ? "" : "s") "
                        + result.ignoredColumns.map { "'\(TerminalText.oneLine($0))'" }.joined(separator: ", ")
                        + " (review import reads " + ReviewCSVReader.importedColumns.joined(separator: ", ") + ")")
                }
                if result.masked > 0 { Terminal.warning("\(result.masked) sensitive value(s) in notes were stored masked") }
                if let first = result.passesWithoutEvidence.first {
                    let count = result.passesWithoutEvidence.count
                    Terminal.warning("\(count) item\(count == 1 ? "" : "s") pass\(count == 1 ? "es" : "") with no evidence and no note, starting with \(first); reports mark \(count == 1 ? "it" : "them") 'pass without evidence'")
                }
                var passed: [String] = []
                if result.unchanged > 0 { passed.append("\(result.unchanged) unchanged") }
                if result.skipped > 0 { passed.append("\(result.skipped) without a verdict skipped") }
                let owners = result.assignments == 0 ? "" : " and \(result.assignments) owner\(result.assignments == 1 ? "" : "s")"
                Terminal.output("Imported \(result.reviews.count) review\(result.reviews.count == 1 ? "" : "s")\(owners) into cycle \(result.cycle.name)"
                    + (passed.isEmpty ? "." : " (rows: \(passed.joined(separator: ", "))))."))
            } catch let error as ReviewImportError {
                Terminal.diagnostics(error.diagnostics)
                throw error
            }
        }
    }
}
