import ArgumentParser
import EvidentCore

extension DiffFormat: ExpressibleByArgument {}

/// `evident diff A B`: what changed from one cycle to another.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Compare two cycles: regressions, improvements, items and evidence.",
        discussion: "With --fail-on-regression, exits 1 when any item got worse: a gate for CI.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The earlier cycle.", valueName: "cycle-a"), completion: Completions.cycles)
    var from: String

    @Argument(help: ArgumentHelp("The later cycle.", valueName: "cycle-b"), completion: Completions.cycles)
    var to: String

    @Option(help: "Output format.")
    var format: DiffFormat = .text

    @Flag(help: "Exit 1 when any regression exists.")
    var failOnRegression = false

    @Option(help: ArgumentHelp("A folder of Mustache templates that replace the built-in ones by name.", valueName: "dir"))
    var templates: String?

    func run() async throws {
        try await Reporting.run {
            let templateSet = try templates.map { path throws(ReportError) in try TemplateSet.overriding(with: path) } ?? TemplateSet.builtIn()
            let now = try workspace.now()
            let (diff, first, second) = try workspace.open().diff(from, to, now: now)
            Terminal.outputRaw(try DiffRenderer.render(diff, from: first, to: second, as: format, templates: templateSet,
                                                       generatedAt: now, toolVersion: EvidentVersion.current))
            if failOnRegression, diff.hasRegressions {
                Terminal.error("\(diff.regressions.count) regression\(diff.regressions.count == 1 ? "" : "s") from \(from) to \(to)")
                throw ExitCode(1)
            }
        }
    }
}
