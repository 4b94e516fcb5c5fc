/// The formats `evident overview` writes.
public enum OverviewFormat: String, Sendable, CaseIterable {
    case text, json, html
}

/// Renders a programme overview: a terminal table, JSON, or a self-contained HTML page in the
/// report's style (the `overview.html` template, with the report's style sheet and CSP).
public enum OverviewRenderer {
    /// `overview` as `format`; HTML comes from `templates`.
    public static func render(_ overview: ProgrammeOverview, as format: OverviewFormat, templates: TemplateSet) throws -> String {
        switch format {
        case .text: ProgrammeText.overview(overview) + "\n"
        case .json: CanonicalJSON.pretty(overview)
        case .html: try templates.render("overview.html", context(overview))
        }
    }

    /// What `overview.html` sees. Every user string passes through `ReportContext.t`.
    static func context(_ overview: ProgrammeOverview) -> [String: Any] {
        let rows = overview.targets
        return [
            "generated_at": overview.generatedAt.iso8601,
            "tool_version": overview.toolVersion,
            "target_count": rows.count,
            "has_targets": !rows.isEmpty,
            "failing_critical_total": rows.map(\.failingCritical.count).reduce(0, +),
            "expired_evidence_total": rows.map(\.expiredEvidence).reduce(0, +),
            "open_exceptions_total": rows.map(\.openExceptions).reduce(0, +),
            "overdue_total": rows.map(\.overdue).reduce(0, +),
            "soon_days": CycleStatus.soonDays,
            "targets": rows.map { row in
                var context: [String: Any] = [
                    "target": ReportContext.t(row.target ?? "(no target)"), "has_target": row.target != nil,
                    "checklist": ReportContext.t(row.checklist), "version": ReportContext.t(row.version),
                    "cycle": ReportContext.t(row.cycle), "state": row.state.rawValue, "judged_at": row.judgedAt.iso8601,
                    "items": row.items, "score": ReportContext.percent(row.score), "bar": ReportContext.bar(row.counts),
                    "failing_critical": row.failingCritical.map(ReportContext.t),
                    "failing_critical_count": row.failingCritical.count, "has_failing_critical": !row.failingCritical.isEmpty,
                    "expired_evidence": row.expiredEvidence, "open_exceptions": row.openExceptions,
                    "expired_exceptions": row.expiredExceptions, "has_expired_exceptions": row.expiredExceptions > 0,
                    "overdue": row.overdue,
                ]
                context.merge(ReportContext.counts(row.counts)) { $1 }
                return context
            },
        ]
    }
}
