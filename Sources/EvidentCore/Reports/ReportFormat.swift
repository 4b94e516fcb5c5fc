import Foundation

/// The formats `evident report` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    case md, html, json, csv, oscal

    /// The format an output file's name asks for: `.md`/`.markdown`, `.html`/`.htm`, `.json`,
    /// `.csv`, and `.oscal.json` for OSCAL; nil for any other name.
    public init?(fileName path: String) {
        let name = (path as NSString).lastPathComponent.lowercased()
        if name.hasSuffix(".oscal.json") { self = .oscal; return }
        switch (name as NSString).pathExtension {
        case "md", "markdown": self = .md
        case "html", "htm": self = .html
        case "json": self = .json
        case "csv": self = .csv
        default: return nil
        }
    }
}

/// Renders an audit report in each format: one small renderer per format.
public enum ReportRenderer {
    /// `report` as `format`; Markdown and HTML come from `templates`.
    public static func render(_ report: AuditReport, as format: ReportFormat, templates: TemplateSet) throws -> String {
        switch format {
        case .md: try templates.renderReport(ReportContext.make(report), flavour: "md")
        case .html: try templates.renderReport(ReportContext.make(report), flavour: "html")
        case .json: CanonicalJSON.pretty(report)
        case .csv: CSVReport.render(report)
        case .oscal: try OSCALAssessmentResults.render(report)
        }
    }
}

/// One row per item: the columns SPEC §4 fixes first (`item` … `note`), then the ones `review
/// import` reads back (`owner`, `due`), then the rest of what a spreadsheet wants. The order lives
/// here alone: each column names its header and how an item fills it.
public enum CSVReport {
    /// One column: its header and its value for an item of a report.
    private struct Column: Sendable {
        typealias Value = @Sendable (_ item: AuditReport.ItemReport, _ section: AuditReport.SectionReport, _ report: AuditReport) -> String
        let name: String
        let value: Value

        init(_ name: String, _ value: @escaping Value) {
            self.name = name
            self.value = value
        }
    }

    private static let columns: [Column] = [
        Column("item") { item, _, _ in item.id },
        Column("section") { _, section, _ in section.id },
        Column("title") { item, _, _ in item.title },
        Column("severity") { item, _, _ in item.severity.rawValue },
        Column("status") { item, _, _ in item.status.rawValue },
        Column("note") { item, _, _ in item.note ?? "" },
        Column("owner") { item, _, _ in item.owner ?? "" },
        Column("due") { item, _, _ in item.due?.date ?? "" },
        Column("reviewed_by") { item, _, _ in item.reviewedBy ?? "" },
        Column("reviewed_at") { item, _, _ in item.reviewedAt?.iso8601 ?? "" },
        Column("evidence") { item, _, _ in String(current(item).count) },
        Column("expired_evidence") { item, _, _ in String(current(item).filter { $0.state == .expired }.count) },
        Column("pass_without_evidence") { item, _, _ in item.passWithoutEvidence ? "yes" : "" },
        Column("references") { item, _, _ in item.references.joined(separator: "; ") },
        Column("source_section") { item, _, _ in item.source?.section ?? "" },
        Column("evidence_sha256") { item, _, _ in current(item).map(\.sha256).joined(separator: " ") },
        Column("exception_reason") { item, _, _ in item.exception?.reason ?? "" },
        Column("exception_approved_by") { item, _, _ in item.exception?.approvedBy ?? "" },
        Column("exception_expires") { item, _, _ in item.exception?.expiresAt.date ?? "" },
        Column("cycle") { _, _, report in report.cycle.name },
        Column("target") { _, _, report in report.cycle.target ?? "" },
    ]

    /// The header row's names, in order.
    static let header = columns.map(\.name)

    /// The item's evidence that is not withdrawn.
    private static func current(_ item: AuditReport.ItemReport) -> [AuditReport.EvidenceReport] { item.evidence.filter { $0.state != .withdrawn } }

    /// The CSV text of `report`.
    public static func render(_ report: AuditReport) -> String {
        var output = CSV.row(header)
        for section in report.sections {
            for item in section.items {
                output += CSV.row(columns.map { $0.value(item, section, report) })
            }
        }
        return output
    }
}

/// Writing an output file whole or not at all.
public enum OutputFile {
    /// Writes `text` to `path` through a temporary file renamed into place.
    public static func write(_ text: String, to path: String) throws(ReportError) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unwritable(path: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
    }
}
