import ArgumentParser
import EvidentCore
import Foundation

/// The `evident` command: a compliance checklist and evidence tracker.
@main
struct Evident: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evident",
        abstract: "Compliance checklists, evidence and audit reports for security reviews.",
        discussion: """
            Evident loads YAML checklists into a local workspace, runs review cycles in which you \
            attach evidence and record a review per item, and produces audit reports and signed \
            bundles that auditors verify offline.
            """,
        version: EvidentVersion.current,
        subcommands: [
            InitCommand.self,
            GrantCommand.self,
            DbCommand.self,
            ChecklistCommand.self,
            CycleCommand.self,
            ReviewCommand.self,
            AssignCommand.self,
            TodoCommand.self,
            ExceptionCommand.self,
            EvidenceCommand.self,
            StatusCommand.self,
            OverviewCommand.self,
            ReportCommand.self,
            DiffCommand.self,
            LogCommand.self,
            VerifyCommand.self,
            SignoffCommand.self,
            KeygenCommand.self,
            ExportCommand.self,
            ScanCommand.self,
            ProbeCommand.self,
            DemoCommand.self,
        ]
    )

    /// Runs the command line; a misspelt command gets a "did you mean" and exit 64 before parsing.
    static func main() async {
        if let unknown = CommandSuggestion.unknownCommand(in: Array(CommandLine.arguments.dropFirst()), root: Evident.self) {
            Terminal.error(unknown.message)
            Terminal.hint(unknown.hint)
            Foundation.exit(Reporting.exitCode(for: .usage))
        }
        await main(nil)
    }
}
