/// The values the framework-view templates see (`framework.md`, `framework.html`): the
/// `FrameworkReport` flattened, every user string made visible, with labels and coverage figures.
enum FrameworkContext {
    static func make(_ report: FrameworkReport) -> [String: Any] {
        let t = ReportContext.t
        var context: [String: Any] = [
            "title": t(report.checklist.title), "framework": report.framework.rawValue,
            "framework_title": report.frameworkTitle, "group_noun": report.framework.groupNoun.capitalizedFirst,
            "checklist_id": report.checklist.id, "checklist_version": report.checklist.version,
            "content_hash": report.checklist.contentHash,
            "cycle": report.cycle.name, "cycle_state": report.cycle.state.rawValue,
            "scope": report.cycle.scope.isEmpty ? "none" : report.cycle.scope.joined(separator: ", "),
            "judged_at": report.judgedAt.iso8601, "generated_at": report.generatedAt.iso8601, "tool_version": report.tool.version,
            "coverage_measured": report.coverageMeasured,
            "requirements_total": report.totals.requirements ?? 0, "referenced": report.totals.referenced,
            "passing": report.totals.passing, "failing": report.totals.failing,
            "coverage": coverage(report.totals.referenced, of: report.totals.requirements),
            "has_unknown": !report.unknownRequirements.isEmpty,
            "unknown_text": report.unknownRequirements.joined(separator: ", "),
        ]
        context["groups"] = report.groups.map(group)
        return context
    }

    private static func group(_ group: FrameworkReport.GroupReport) -> [String: Any] {
        let unmapped = group.unmapped ?? []
        return [
            "id": group.id, "title": ReportContext.t(group.title), "anchor": "group-" + anchor(group.id),
            "requirements_total": group.requirementsInFramework ?? 0, "referenced": group.referenced, "passing": group.passing,
            "coverage": coverage(group.referenced, of: group.requirementsInFramework),
            "has_requirements": !group.requirements.isEmpty, "requirements": group.requirements.map(requirement),
            "has_unmapped": !unmapped.isEmpty, "unmapped_count": unmapped.count, "unmapped_text": unmapped.joined(separator: ", "),
        ]
    }

    private static func requirement(_ requirement: FrameworkReport.RequirementReport) -> [String: Any] {
        [
            "req_id": requirement.id, "req_anchor": "req-" + anchor(requirement.id),
            "req_title": ReportContext.t(requirement.title), "has_req_title": requirement.title != nil,
            "req_status": requirement.status.rawValue, "req_label": requirement.status.label,
            "req_symbol": ReportContext.symbol(requirement.status),
            "items": requirement.items.map(item),
        ]
    }

    private static func item(_ item: FrameworkReport.ItemReport) -> [String: Any] {
        let expired = item.evidence.filter { $0.state == .expired }.count
        let summary = item.evidence.isEmpty ? "none" : "\(item.evidence.count)" + (expired > 0 ? " (\(expired) expired)" : "")
        return [
            "item_id": item.id, "item_title": ReportContext.t(item.title), "item_status": item.status.rawValue,
            "item_label": item.status.label, "item_symbol": ReportContext.symbol(item.status), "severity": item.severity.rawValue,
            "evidence_summary": summary, "has_evidence": !item.evidence.isEmpty,
            "evidence": item.evidence.map { evidence in [
                "kind": evidence.kind.rawValue, "what": ReportContext.t(evidence.what), "state": evidence.state.rawValue,
                "sha256": evidence.sha256, "sha256_short": String(evidence.sha256.prefix(12)),
                "expires_at": evidence.expiresAt?.date ?? "", "has_expiry": evidence.expiresAt != nil,
            ] as [String: Any] },
        ]
    }

    /// `count` of `total` as a whole percentage; "n/a" without a total.
    static func coverage(_ count: Int, of total: Int?) -> String {
        guard let total, total > 0 else { return "n/a" }
        return ReportContext.percent(Double(count) / Double(total))
    }

    /// An id usable in an HTML id attribute: `SC-8(1)` → `sc-8-1`.
    static func anchor(_ id: String) -> String {
        String(id.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }).split(separator: "-").joined(separator: "-")
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// Renders a framework view in each format `report --by` writes.
public enum FrameworkRenderer {
    /// `report` as `format`; Markdown and HTML come from `templates` (`framework.md`, `framework.html`).
    public static func render(_ report: FrameworkReport, as format: ReportFormat, templates: TemplateSet) throws -> String {
        switch format {
        case .md: try templates.render("framework.md", FrameworkContext.make(report))
        case .html: try templates.render("framework.html", FrameworkContext.make(report))
        case .json: CanonicalJSON.pretty(report)
        case .csv: FrameworkCSV.render(report)
        case .oscal: throw ReportError.frameworkViewFormat
        }
    }
}

/// One row per requirement and item, then (where coverage is measured) one per requirement no
/// item references, with the status `unmapped`: a coverage sheet an assessor can filter.
public enum FrameworkCSV {
    static let header = ["framework", "requirement", "group", "requirement_title", "requirement_status", "item", "item_title",
                         "severity", "status", "note", "evidence", "expired_evidence"]

    /// The CSV text of `report`.
    public static func render(_ report: FrameworkReport) -> String {
        var output = CSV.row(header)
        let framework = report.framework.rawValue
        for group in report.groups {
            for requirement in group.requirements {
                for item in requirement.items {
                    output += CSV.row([
                        framework, requirement.id, group.id, requirement.title ?? "", requirement.status.rawValue, item.id, item.title,
                        item.severity.rawValue, item.status.rawValue, item.note ?? "", String(item.evidence.count),
                        String(item.evidence.filter { $0.state == .expired }.count),
                    ])
                }
            }
        }
        let titles = Dictionary(FrameworkCatalog.of(report.framework).requirements.map { ($0.id, $0.title) }) { first, _ in first }
        for group in report.groups {
            for id in group.unmapped ?? [] {
                output += CSV.row([framework, id, group.id, titles[id] ?? "", "unmapped", "", "", "", "", "", "0", "0"])
            }
        }
        return output
    }
}
