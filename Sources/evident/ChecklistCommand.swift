import ArgumentParser
import EvidentCore

/// `evident checklist …`: validate, load, list, show and import checklists.
struct ChecklistCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Validate, load and inspect checklists.",
        subcommands: [ChecklistValidate.self]
    )
}

/// `evident checklist validate PATH...`: check checklist directories and load nothing.
struct ChecklistValidate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check checklist directories against the format; load nothing.",
        discussion: "Prints every problem of every file as PATH:LINE:COLUMN: error: MESSAGE. Exits 65 when any checklist is invalid, 66 when a path cannot be read."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("Checklist directories (each holds checklist.yaml and section files).", valueName: "path"))
    var paths: [String]

    func run() async throws {
        try await Reporting.run {
            var worst: (any EvidentError)?
            for path in paths {
                do throws(ChecklistError) {
                    let result = try ChecklistLoader.load(directory: path)
                    Terminal.diagnostics(result.diagnostics)
                    if let checklist = result.checklist {
                        Terminal.output(ChecklistText.validated(path: path, ChecklistSummary(checklist)))
                    } else {
                        let errors = result.diagnostics.filter { $0.severity == .error }.count
                        Terminal.error("\(path): \(errors) error(s); the checklist is invalid")
                        worst = worst ?? ChecklistError.invalid(diagnostics: [])
                    }
                } catch {
                    Terminal.error(error.errorDescription ?? "cannot read \(path)")
                    worst = error
                }
            }
            if let worst {
                if let hint = worst.hint { Terminal.hint(hint) }
                throw ExitCode(Reporting.exitCode(for: worst.kind))
            }
        }
    }
}

/// Plain-text lines about checklists.
enum ChecklistText {
    /// `PATH: ok — ID VERSION, N sections, M items (critical a, high b, …)`.
    static func validated(path: String, _ summary: ChecklistSummary) -> String {
        let severities = summary.bySeverity.map { "\($0.severity.rawValue) \($0.count)" }.joined(separator: ", ")
        return "\(path): " + Terminal.paint("ok", .green)
            + " — \(summary.id) \(summary.version), \(summary.sections.count) sections, \(summary.items) items (\(severities))"
    }

    /// A table of sections with their item counts, then the totals by severity.
    static func overview(_ summary: ChecklistSummary) -> String {
        let width = max(7, summary.sections.map(\.id.count).max() ?? 0)
        var lines = ["\(summary.title) — \(summary.id) \(summary.version)", ""]
        lines.append("  " + "section".padding(toLength: width, withPad: " ", startingAt: 0) + "  items  title")
        for section in summary.sections {
            let count = String(section.items)
            lines.append("  " + section.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + String(repeating: " ", count: max(0, 5 - count.count)) + count + "  " + section.title)
        }
        lines.append("")
        lines.append("  \(summary.items) items: " + summary.bySeverity.map { "\($0.count) \($0.severity.rawValue)" }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
