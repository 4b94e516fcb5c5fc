import ArgumentParser
import EvidentCore

extension OverviewFormat: ExpressibleByArgument {}

/// `evident overview`: every target's latest cycle side by side.
struct OverviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Show every target's latest cycle side by side: score, critical failures, expired evidence, exceptions, overdue items.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Output format.")
    var format: OverviewFormat = .text

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
    var out: String?

    @Option(help: ArgumentHelp("A folder of Mustache templates that replace the built-in ones by name.", valueName: "dir"))
    var templates: String?

    func run() async throws {
        try await Reporting.run {
            let templateSet = try templates.map { path throws(ReportError) in try TemplateSet.overriding(with: path) } ?? TemplateSet.builtIn()
            let open = try workspace.open()
            let now = try workspace.now()
            let overview = ProgrammeOverview(try open.programmeSnapshots(now: now), generatedAt: now, toolVersion: EvidentVersion.current)
            let text = try OverviewRenderer.render(overview, as: format, templates: templateSet)
            if let out {
                try OutputFile.write(text, to: out)
                Terminal.note("Wrote the \(format.rawValue) overview of \(overview.targets.count) target\(overview.targets.count == 1 ? "" : "s") to \(out).")
            } else {
                Terminal.outputRaw(text)
            }
        }
    }
}
