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

    @Argument(help: ArgumentHelp("The item reviewed.", valueName: "item-id"))
    var itemID: String

    @Option(help: "The verdict.")
    var status: ReviewStatus

    @Option(help: ArgumentHelp("Why: required for na and fail.", valueName: "text"))
    var note: String?

    @Option(help: ArgumentHelp("The cycle (default: the only open one).", valueName: "name"))
    var cycle: String?

    func run() async throws {
        try await Reporting.run {
            let recorded = try workspace.open().recordReview(
                itemID: itemID, status: status, note: note, cycle: cycle, session: try workspace.session())
            if !recorded.maskedValues.isEmpty {
                Terminal.warning("the note held sensitive data; it was stored masked (\(recorded.maskedValues.map(\.masked).joined(separator: ", ")))")
            }
            Terminal.output("Recorded \(recorded.review.itemID): \(ItemStatus(recorded.review.status).label) in cycle \(recorded.cycle.name).")
        }
    }
}

/// `evident review import FILE.csv`.
struct ReviewImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import reviews from a CSV file with the header item,status,note; all or nothing.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv"))
    var file: String

    @Option(help: ArgumentHelp("The cycle (default: the only open one).", valueName: "name"))
    var cycle: String?

    func run() async throws {
        try await Reporting.run {
            do {
                let result = try workspace.open().importReviews(csvPath: file, cycle: cycle, session: try workspace.session())
                if result.masked > 0 { Terminal.warning("\(result.masked) sensitive value(s) in notes were stored masked") }
                Terminal.output("Imported \(result.reviews.count) review\(result.reviews.count == 1 ? "" : "s") into cycle \(result.cycle.name).")
            } catch let error as ReviewImportError {
                Terminal.diagnostics(error.diagnostics)
                throw error
            }
        }
    }
}
