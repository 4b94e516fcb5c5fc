import ArgumentParser
import EvidentCore

/// `evident assign ITEM_ID... --owner WHO [--due DATE]`.
struct AssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Give items of an open cycle an owner and a due date (recorded in the audit log).")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The items to assign.", valueName: "item-id"), completion: Completions.items)
    var itemIDs: [String]

    @Option(help: ArgumentHelp("Who answers for the items: a name or an e-mail address.", valueName: "who"))
    var owner: String

    @Option(help: ArgumentHelp("When they should be settled: 2026-12-15 or a full ISO-8601 time.", valueName: "date"))
    var due: String?

    @Option(help: ArgumentHelp("The cycle (default: the only open one).", valueName: "name"), completion: Completions.cycles)
    var cycle: String?

    func validate() throws {
        if itemIDs.isEmpty { throw ValidationError("name at least one item to assign") }
    }

    func run() async throws {
        try await Reporting.run {
            let result = try workspace.open().assign(
                itemIDs: itemIDs, owner: owner, due: try parseDate(due, flag: "--due"), cycle: cycle, session: try workspace.session())
            let count = result.assignments.count
            let first = result.assignments[0]
            let dueText = first.dueAt.map { ", due \($0.date)" } ?? ""
            Terminal.output("Assigned \(count) item\(count == 1 ? "" : "s") of cycle \(result.cycle.name) to \(TerminalText.oneLine(first.owner))\(dueText).")
        }
    }
}
