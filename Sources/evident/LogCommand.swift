import ArgumentParser
import EvidentCore

/// `evident log`: the hash-chained audit log, oldest first.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Show the audit log, oldest first.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Only this cycle's entries.", valueName: "name"))
    var cycle: String?

    @Option(help: ArgumentHelp("Only this item's entries.", valueName: "item-id"), completion: Completions.items)
    var item: String?

    @Option(help: "Output format.")
    var format: TextOrJSON = .text

    func run() async throws {
        try await Reporting.run {
            let entries = try workspace.open().auditLog(cycle: cycle, itemID: item)
            switch format {
            case .json: printJSON(AuditLogDocument(entries))
            case .text: Terminal.output(WorkspaceText.log(entries))
            }
        }
    }
}
