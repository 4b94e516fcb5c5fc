import ArgumentParser
import EvidentCore

/// `evident scan PATH`: look for the guide's bad practices in an integration's source.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan source code for the guide's bad practices (hardcoded keys, disabled TLS checks, …).",
        discussion: """
            Walks PATH honouring .gitignore, skipping binaries, dependency and build folders and \
            symbolic links, and prints each finding as PATH:LINE: detector-id: message. Secrets are \
            always masked. Exits 0 whether or not anything is found, unless --fail-on-findings.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The folder (or file) to scan.", valueName: "path"))
    var path: String

    @Option(help: ArgumentHelp("The cycle to attach results to (with --attach; default: the open cycle).", valueName: "name"), completion: Completions.cycles)
    var cycle: String?

    @Flag(help: "File the results as scan evidence on every item whose checks name a detector.")
    var attach = false

    @Flag(help: "Exit 1 when anything is found.")
    var failOnFindings = false

    @Option(help: ArgumentHelp("Output format: text, json or sarif.", valueName: "format"))
    var format: ScanFormat = .text

    func validate() throws {
        if cycle != nil, !attach { throw ValidationError("--cycle applies only with --attach") }
    }

    func run() async throws {
        try await Reporting.run {
            if attach { try ScanAttachment.check(workspace: workspace, cycle: cycle) }
            let report: ScanReport
            do {
                report = try SourceScan.run(root: path, progress: ProgressLine.make())
                ProgressLine.finish()
            } catch {
                ProgressLine.finish()
                throw error
            }
            for skipped in report.skipped {
                Terminal.warning("\(report.displayPath(skipped.path)): \(skipped.detail)")
            }
            Terminal.outputRaw(format.render(report))
            if attach { try ScanAttachment.file(report, workspace: workspace, cycle: cycle) }
            if format == .text { Terminal.note(ScanText.summary(report)) }
            if failOnFindings, !report.isClean { throw ExitCode(1) }
        }
    }
}

extension ScanFormat: ExpressibleByArgument {}

// MARK: - Attaching results

/// Filing scan results as evidence in the workspace.
enum ScanAttachment {
    /// Fails before scanning when the results could not be filed (no workspace, no open cycle).
    static func check(workspace: WorkspaceOptions, cycle: String?) throws {
        _ = try workspace.open().prepareScanAttachment(cycle: cycle)
    }

    /// Files the report on the cycle's items whose checks name a detector, and says where.
    static func file(_ report: ScanReport, workspace: WorkspaceOptions, cycle: String?) throws {
        let result = try workspace.open().attachScan(report, cycle: cycle, session: try workspace.session())
        if result.attached.isEmpty {
            Terminal.note("No item of cycle \(result.cycle.name) names these detectors in its checks; nothing was attached.")
        } else {
            Terminal.note("Attached the scan to \(result.attached.count) item\(result.attached.count == 1 ? "" : "s") of cycle \(result.cycle.name): "
                + result.attached.map(\.item).joined(separator: ", "))
        }
    }
}
