import ArgumentParser
import EvidentCore

/// `evident demo`: a complete worked example on the shipped LiasonPay checklist.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Show a worked example on the shipped LiasonPay checklist."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Where to build the example workspace.", valueName: "path"))
    var dir: String = "demo-workspace"

    func run() async throws {
        try await Reporting.run {
            let result = ShippedChecklists.load("liasonpay")
            guard let checklist = result.checklist else {
                throw ChecklistError.invalid(diagnostics: result.diagnostics)
            }
            Terminal.output("The shipped checklist validates with \(result.diagnostics.count) diagnostics.\n")
            Terminal.output(ChecklistText.overview(ChecklistSummary(checklist)))
        }
    }
}
