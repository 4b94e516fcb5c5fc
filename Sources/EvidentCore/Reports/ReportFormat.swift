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

/// One row per item: the columns SPEC §4 fixes first, then the rest of what a spreadsheet wants.
public enum CSVReport {
    static let header = ["item", "section", "title", "severity", "status", "note", "reviewed_by", "reviewed_at",
                         "evidence", "expired_evidence", "pass_without_evidence", "references", "source_section", "evidence_sha256"]

    /// The CSV text of `report`.
    public static func render(_ report: AuditReport) -> String {
        var output = CSV.row(header)
        for section in report.sections {
            for item in section.items {
                let current = item.evidence.filter { $0.state != .withdrawn }
                output += CSV.row([
                    item.id, section.id, item.title, item.severity.rawValue, item.status.rawValue, item.note ?? "",
                    item.reviewedBy ?? "", item.reviewedAt?.iso8601 ?? "", String(current.count),
                    String(current.filter { $0.state == .expired }.count), item.passWithoutEvidence ? "yes" : "",
                    item.references.joined(separator: "; "), item.source?.section ?? "", current.map(\.sha256).joined(separator: " "),
                ])
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
