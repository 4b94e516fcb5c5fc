import ArgumentParser
import EvidentCore

/// `evident status`: progress per section, pending and failing items, evidence expiry.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show a cycle's progress: per section, pending, failing, evidence expiry.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("The cycle (default: the open one, else the last closed).", valueName: "name"), completion: Completions.cycles)
    var cycle: String?

    @Option(help: "Output format.")
    var format: TextOrJSON = .text

    func run() async throws {
        try await Reporting.run {
            let open = try workspace.open()
            let snapshot = try open.snapshot(of: try open.resolveCycle(cycle, for: .read), now: try workspace.now())
            let status = CycleStatus(snapshot)
            switch format {
            case .json: printJSON(status)
            case .text: Terminal.output(StatusText.render(status, style: outputStyle))
            }
        }
    }
}
