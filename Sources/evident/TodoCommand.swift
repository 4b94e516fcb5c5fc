import ArgumentParser
import EvidentCore

/// `evident todo [--owner WHO]`: what needs doing across every open cycle.
struct TodoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "todo",
        abstract: "List what needs doing in every open cycle: overdue, expired exceptions, failing, expiring, pending.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Only items assigned to this owner.", valueName: "who"))
    var owner: String?

    @Option(help: ArgumentHelp("Only this cycle (default: every open cycle).", valueName: "name"), completion: Completions.cycles)
    var cycle: String?

    @Option(help: "Output format.")
    var format: TextOrJSON = .text

    func run() async throws {
        try await Reporting.run {
            let open = try workspace.open()
            let now = try workspace.now()
            let cycles = try cycle.map { [try open.resolveCycle($0, for: .read)] } ?? open.cycles().filter(\.isOpen)
            let list = TodoList(try cycles.map { try open.snapshot(of: $0, now: now) }, owner: owner, now: now)
            switch format {
            case .json: printJSON(list)
            case .text: Terminal.output(ProgrammeText.todo(list))
            }
        }
    }
}
