import ArgumentParser
import EvidentCore

extension ReportFormat: ExpressibleByArgument {}
extension Framework: ExpressibleByArgument {}

/// `evident report`: the audit report of a cycle.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write a cycle's audit report: Markdown, HTML, JSON, CSV or OSCAL; --by arranges it by PCI DSS, ASVS or NIST SP 800-53.",
        discussion: "Without --format the format follows the --out file's extension (.md, .html, .json, .csv, .oscal.json), else Markdown. The same workspace and EVIDENT_NOW give byte-identical output. --templates DIR renders from your own copies of the Mustache templates.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("The cycle (default: the open one, else the last closed).", valueName: "name"), completion: Completions.cycles)
    var cycle: String?

    @Option(help: "Output format (default: from the --out file's extension, else md).")
    var format: ReportFormat?

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
    var out: String?

    @Option(help: ArgumentHelp("A folder of Mustache templates that replace the built-in ones by name.", valueName: "dir"))
    var templates: String?

    @Option(help: ArgumentHelp("Arrange the cycle by a framework's requirements (the items' references): md, html, json or csv.", valueName: "framework"))
    var by: Framework?

    func validate() throws {
        if by != nil, format == .oscal {
            throw ValidationError("--by writes md, html, json or csv; OSCAL assessment results are written without --by")
        }
    }

    func run() async throws {
        try await Reporting.run {
            let templateSet = try templates.map { path throws(ReportError) in try TemplateSet.overriding(with: path) } ?? TemplateSet.builtIn()
            let open = try workspace.open()
            let report = try open.report(of: try open.resolveCycle(cycle, for: .read), now: try workspace.now(), toolVersion: EvidentVersion.current)
            let format = format ?? out.flatMap { ReportFormat(fileName: $0) } ?? .md
            let text = if let by {
                try FrameworkRenderer.render(FrameworkReport.make(from: report, by: by), as: format, templates: templateSet)
            } else {
                try ReportRenderer.render(report, as: format, templates: templateSet)
            }
            if let out {
                try OutputFile.write(text, to: out)
                let view = by.map { " \($0.title) view" } ?? " report"
                Terminal.note("Wrote the \(format.rawValue)\(view) of cycle \(report.cycle.name) to \(out).")
            } else {
                Terminal.outputRaw(text)
            }
        }
    }
}
