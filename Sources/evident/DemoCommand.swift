import ArgumentParser
import EvidentCore

/// `evident demo`: a complete worked example on the shipped LiasonPay checklist.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a complete worked example workspace on the shipped LiasonPay checklist.",
        discussion: "Review cycles over the LiasonPay guide for two targets — for payments-api a closed quarter and an open one, for merchant-portal a closed one — with reviews of every status, file, link and note evidence, owners with due dates, an accepted risk and a programme overview page. Running it again replaces the earlier demo."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Where to build the example (replaced if it holds an earlier demo).", valueName: "path"))
    var dir: String = "demo-workspace"

    func run() async throws {
        try await Reporting.run {
            let demo = try DemoWorkspace.build(in: dir)
            let snapshot = try demo.workspace.snapshot(of: try demo.workspace.resolveCycle(demo.openCycle, for: .read), now: demo.now)
            let db = demo.location.databasePath
            Terminal.output("""
                Built the worked example in \(demo.directory)/ (story time: \(demo.now)).

                  workspace       \(db)
                  evidence vault  \(demo.location.vaultPath)/ (files named by SHA-256, read-only)
                  source files    \(demo.filesDirectory)/
                  integration     \(demo.integrationDirectory)/ (bad practices planted on purpose; scanned and attached)
                  cycles          payments-api: \(demo.closedCycle) (closed), \(demo.openCycle) (open, evidence carried forward)
                                  merchant-portal: 2026-Q4-portal (closed)
                  reports         \(demo.reports.joined(separator: "\n                  "))

                """)
            Terminal.output(StatusText.render(CycleStatus(snapshot), style: outputStyle))
            Terminal.output("""

                Explore it (the clock is pinned to the story's time):
                  export EVIDENT_DB=\(db) EVIDENT_NOW=\(demo.now)
                  evident status --cycle \(demo.closedCycle)
                  evident evidence list
                  evident evidence due
                  evident overview
                  evident todo --owner marc.olsen@acme-pay.example
                  evident exception list
                  evident scan \(demo.integrationDirectory)
                  evident diff \(demo.closedCycle) \(demo.openCycle)
                  evident report --format html --out report.html
                  evident log --item keys.rotation-90-days
                  evident verify
                """)
        }
    }
}
