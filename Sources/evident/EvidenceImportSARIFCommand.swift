import ArgumentParser
import EvidentCore

/// `evident evidence import-sarif FILE.sarif [--attach] [--cycle NAME]`: another scanner's results.
struct EvidenceImportSARIF: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-sarif", abstract: "Read another scanner's SARIF 2.1.0 results (Semgrep, CodeQL, gitleaks, Evident).",
        discussion: """
            Prints each result as PATH:LINE: tool:rule: message. With --attach, files them as scan \
            evidence on every item whose checks name one of the tool's rules as TOOL:RULE-ID \
            (with * wildcards, e.g. semgrep:*sql-injection*); a rule that ran and found nothing is \
            recorded as such. Secrets in the file are masked before it is stored.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The SARIF file a scanner wrote.", valueName: "file.sarif"))
    var file: String

    @Flag(help: "File the results as scan evidence on every item whose checks name one of the tool's rules.")
    var attach = false

    @Option(help: ArgumentHelp("The cycle to attach results to (with --attach; default: the open cycle).", valueName: "name"), completion: Completions.cycles)
    var cycle: String?

    func validate() throws {
        if cycle != nil, !attach { throw ValidationError("--cycle applies only with --attach") }
    }

    func run() async throws {
        try await Reporting.run {
            if attach { _ = try workspace.open().prepareScanAttachment(cycle: cycle) }
            let sarif = try SARIFImport.read(path: file)
            var total = 0
            for run in sarif.runs {
                let tool = run.toolID
                for result in run.results {
                    Terminal.output("\(result.place): \(tool):\(result.rule): \(result.message)")
                }
                total += run.results.count
            }
            let tools = sarif.runs.map(\.toolID).joined(separator: ", ")
            Terminal.note("\(total) result\(total == 1 ? "" : "s") from \(sarif.runs.count) run\(sarif.runs.count == 1 ? "" : "s")"
                + (tools.isEmpty ? "" : " (\(tools))") + (sarif.redacted ? "; secrets in the file are masked" : ""))
            guard attach else { return }
            let result = try workspace.open().attachSARIF(sarif, cycle: cycle, session: try workspace.session())
            if result.attached.isEmpty {
                Terminal.note("No item of cycle \(result.cycle.name) names these rules in its checks (as TOOL:RULE-ID); nothing was attached.")
            } else {
                Terminal.note("Attached the results to \(result.attached.count) item\(result.attached.count == 1 ? "" : "s") of cycle \(result.cycle.name): "
                    + result.attached.map(\.item).joined(separator: ", "))
            }
        }
    }
}
