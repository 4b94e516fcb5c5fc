import Mustache

/// The values the report templates see: the report model flattened into dictionaries, with the
/// labels, anchors, chart geometry and pre-escaped HTML a logic-less template cannot compute.
enum ReportContext {
    /// The context of `report`. Every user string passes through `clean`, so control and
    /// direction-override characters never reach a template.
    static func make(_ report: AuditReport) -> [String: Any] {
        let summary = report.summary
        var context: [String: Any] = [
            "title": t(report.checklist.title),
            "checklist_id": report.checklist.id,
            "checklist_version": report.checklist.version,
            "checklist_description": t(report.checklist.description),
            "checklist_source": t(report.checklist.source),
            "content_hash": report.checklist.contentHash,
            "cycle": report.cycle.name,
            "target": t(report.cycle.target), "has_target": report.cycle.target != nil,
            "cycle_state": report.cycle.state.rawValue,
            "cycle_state_label": report.cycle.state == .open ? "open — not final" : report.cycle.state.rawValue,
            "cycle_closed": report.cycle.state == .closed,
            "started_at": report.cycle.startedAt.iso8601,
            "started_by": t(report.cycle.startedBy),
            "closed_at": report.cycle.closedAt?.iso8601 ?? "",
            "closed_by": t(report.cycle.closedBy),
            "cycle_abandoned": report.cycle.abandoned != nil,
            "abandoned_at": report.cycle.abandoned?.at.iso8601 ?? "",
            "abandoned_by": t(report.cycle.abandoned?.by),
            "abandon_reason": t(report.cycle.abandoned?.reason),
            "passes_without_evidence": summary.passesWithoutEvidence,
            "has_passes_without_evidence": summary.passesWithoutEvidence > 0,
            "scope": report.cycle.scope.isEmpty ? "none" : report.cycle.scope.joined(separator: ", "),
            "carried_from": report.cycle.carriedFrom ?? "",
            "judged_at": report.judgedAt.iso8601,
            "generated_at": report.generatedAt.iso8601,
            "tool_version": report.tool.version,
            "items": summary.items,
            "score": percent(summary.score),
            "reviewed": summary.counts.reviewed,
            "evidence_total": summary.evidence.total,
            "evidence_expired": summary.evidence.expired,
            "evidence_expiring": summary.evidence.expiringSoon,
            "items_without_evidence": summary.itemsWithoutEvidence,
            "overdue": summary.overdue,
            "exceptions_open": summary.exceptions.open,
            "exceptions_expired": summary.exceptions.expired,
            "soon_days": CycleStatus.soonDays,
            "legend": legend(summary.counts),
            "overall_bar": bar(summary.counts),
        ]
        let attention = attention(report)
        context["attention"] = attention
        context["has_attention"] = !attention.isEmpty
        context.merge(counts(summary.counts)) { $1 }
        context["sections"] = report.sections.enumerated().map { section($1, number: $0 + 1) }
        let exceptions = exceptions(report)
        context["exceptions"] = exceptions
        context["has_exceptions"] = !exceptions.isEmpty
        context["signoffs"] = report.signoffs.map(signoff)
        context["has_signoffs"] = !report.signoffs.isEmpty
        return context
    }

    private static func section(_ section: AuditReport.SectionReport, number: Int) -> [String: Any] {
        var context: [String: Any] = [
            "number": number, "id": section.id, "title": t(section.title), "anchor": "section-" + section.id,
            "description": t(section.description), "has_description": section.description != nil,
            "description_html": DeferredHTML.markdown(section.description),
            "score": percent(section.score), "item_count": section.items.count, "bar": bar(section.counts),
            "has_items": !section.items.isEmpty,
            "items": section.items.map(item),
        ]
        context.merge(counts(section.counts)) { $1 }
        return context
    }

    private static func item(_ item: AuditReport.ItemReport) -> [String: Any] {
        let current = item.evidence.filter { $0.state != .withdrawn }
        return [
            "id": item.id, "anchor": "item-" + item.id, "title": t(item.title), "title_html": DeferredHTML.inline(item.title),
            "severity": item.severity.rawValue,
            "status": item.status.rawValue, "status_label": item.status.label, "status_symbol": symbol(item.status),
            "note": t(item.note), "has_note": item.note != nil,
            "reviewed_by": t(item.reviewedBy), "reviewed_at": item.reviewedAt?.iso8601 ?? "", "reviewed": item.reviewedAt != nil,
            "owner": t(item.owner), "has_owner": item.owner != nil, "due": item.due?.date ?? "", "has_due": item.due != nil,
            "overdue": item.overdue,
            "has_exception": item.exception != nil, "exception": item.exception.map(exception) ?? [:],
            "subsection": t(item.subsection), "has_subsection": item.subsection != nil,
            "description": t(item.description), "has_description": item.description != nil,
            "description_html": DeferredHTML.markdown(item.description),
            "guidance": t(item.guidance.map(HTMLText.trimmed)), "has_guidance": item.guidance != nil,
            "guidance_html": DeferredHTML.markdown(item.guidance),
            "has_source": item.source?.quote != nil || item.source?.section != nil,
            "source_section": t(item.source?.section), "source_quote": t(item.source?.quote),
            "references": item.references.map(t), "has_references": !item.references.isEmpty,
            "references_text": t(item.references.joined(separator: "; ")),
            "expected": item.expectedEvidence.map { ["kind": $0.kind.rawValue, "description": t($0.description)] },
            "has_expected": !item.expectedEvidence.isEmpty,
            "max_age_days": item.maxAgeDays.map(String.init) ?? "", "has_max_age": item.maxAgeDays != nil,
            "history": item.history.map { [
                "status": $0.status.rawValue, "status_label": ItemStatus($0.status).label, "note": t($0.note),
                "actor": t($0.actor), "at": $0.at.iso8601,
            ] as [String: Any] },
            "has_history": item.history.count > 1,
            "evidence": item.evidence.map(evidence), "has_evidence": !item.evidence.isEmpty,
            "evidence_summary": evidenceSummary(current),
            "pass_without_evidence": item.passWithoutEvidence,
        ]
    }

    private static func evidence(_ evidence: AuditReport.EvidenceReport) -> [String: Any] {
        var what = evidence.kind == .scan ? (evidence.note ?? evidence.name ?? "") : (evidence.name ?? evidence.url ?? evidence.note ?? "")
        if evidence.kind == .file || evidence.kind == .url, let caption = evidence.note { what += " — " + caption }
        return [
            "id": evidence.id, "kind": evidence.kind.rawValue, "what": t(what),
            "is_file": evidence.kind == .file || evidence.kind == .scan, "is_url": evidence.kind == .url, "is_note": evidence.kind == .note,
            "sha256": evidence.sha256, "size": evidence.size,
            "size_text": byteCount(evidence.size),
            "effective_at": evidence.effectiveAt.date, "expires_at": evidence.expiresAt?.date ?? "never",
            "state": evidence.state.rawValue, "state_label": evidence.state.rawValue.uppercased(),
            "redacted": evidence.redacted, "carried_from": t(evidence.carriedFrom), "carried": evidence.carriedFrom != nil,
            "added_by": t(evidence.addedBy), "added_at": evidence.addedAt.iso8601,
            "withdrawn_reason": t(evidence.withdrawnReason), "withdrawn": evidence.state == .withdrawn,
            "bundle_path": evidence.bundlePath ?? "", "in_bundle": evidence.bundlePath != nil,
        ]
    }

    private static func exception(_ exception: AuditReport.ExceptionReport) -> [String: Any] {
        [
            "reason": t(exception.reason), "approved_by": t(exception.approvedBy), "expires_at": exception.expiresAt.date,
            "expired": exception.expired, "state_label": exception.expired ? "EXPIRED" : "IN FORCE",
            "accepted_status": ItemStatus(exception.acceptedStatus).label, "recorded_by": t(exception.recordedBy),
            "recorded_at": exception.recordedAt.iso8601,
        ]
    }

    /// Accepted risks, soonest expiry first, each with its item.
    private static func exceptions(_ report: AuditReport) -> [[String: Any]] {
        report.sections.flatMap(\.items)
            .compactMap { item in item.exception.map { (item, $0) } }
            .sorted { ($0.1.expiresAt, $0.0.id) < ($1.1.expiresAt, $1.0.id) }
            .map { item, accepted in
                var context = exception(accepted)
                context.merge([
                    "id": item.id, "anchor": "item-" + item.id, "title": t(item.title), "title_html": DeferredHTML.inline(item.title),
                    "status": item.status.rawValue, "status_label": item.status.label, "status_symbol": symbol(item.status),
                ] as [String: Any]) { $1 }
                return context
            }
    }

    private static func signoff(_ signoff: AuditReport.SignoffReport) -> [String: Any] {
        [
            "signer": t(signoff.signer), "statement": t(signoff.statement), "at": signoff.at.iso8601,
            "digest": signoff.digest, "signed": signoff.signed,
            "fingerprint": signoff.keyFingerprint ?? "", "stale": signoff.stale,
        ]
    }

    // MARK: - Pieces

    /// User text made visible: control and direction-override characters replaced; nil is empty.
    static func t(_ text: String?) -> String { text.map(TextSanitizer.visible) ?? "" }

    static func counts(_ counts: StatusCounts) -> [String: Any] {
        ["pass": counts.pass, "partial": counts.partial, "fail": counts.fail, "na": counts.na, "pending": counts.pending, "total": counts.total]
    }

    /// Items needing attention: failing and partial, most severe first.
    private static func attention(_ report: AuditReport) -> [[String: Any]] {
        report.sections.flatMap(\.items)
            .filter { $0.status == .fail || $0.status == .partial }
            .sorted { ($0.severity, $0.status == .fail ? 0 : 1, $0.id) < ($1.severity, $1.status == .fail ? 0 : 1, $1.id) }
            .map { item in [
                "id": item.id, "anchor": "item-" + item.id, "title": t(item.title), "title_html": DeferredHTML.inline(item.title),
                "severity": item.severity.rawValue, "status": item.status.rawValue, "status_label": item.status.label,
                "status_symbol": symbol(item.status), "note": t(item.note),
                "owner": t(item.owner), "has_owner": item.owner != nil, "due": item.due?.date ?? "", "has_due": item.due != nil,
                "overdue": item.overdue,
                "accepted_until": item.exception.flatMap { $0.expired ? nil : $0.expiresAt.date } ?? "",
                "has_accepted_until": item.exception.map { !$0.expired } ?? false,
            ] as [String: Any] }
    }

    /// Stacked-bar segments over a 1000-unit width, by largest remainder so they add up exactly.
    static func bar(_ counts: StatusCounts) -> [[String: Any]] {
        let total = counts.total
        guard total > 0 else { return [] }
        let statuses = ItemStatus.allCases.filter { counts[$0] > 0 }
        var widths = statuses.map { counts[$0] * 1000 / total }
        let remainders = statuses.map { counts[$0] * 1000 % total }
        var missing = 1000 - widths.reduce(0, +)
        for index in remainders.indices.sorted(by: { (remainders[$0], -$0) > (remainders[$1], -$1) }) where missing > 0 {
            widths[index] += 1
            missing -= 1
        }
        var x = 0
        return statuses.indices.map { index in
            defer { x += widths[index] }
            return ["status": statuses[index].rawValue, "label": statuses[index].label, "count": counts[statuses[index]],
                    "x": x, "width": widths[index]]
        }
    }

    private static func legend(_ counts: StatusCounts) -> [[String: Any]] {
        ItemStatus.allCases.map { ["status": $0.rawValue, "label": $0.label, "symbol": symbol($0), "count": counts[$0]] }
    }

    static func symbol(_ status: ItemStatus) -> String {
        switch status {
        case .pass: "✓"
        case .partial: "◐"
        case .fail: "✗"
        case .na: "–"
        case .pending: "…"
        }
    }

    static func percent(_ score: Double?) -> String {
        guard let score else { return "n/a" }
        return "\(Int((score * 100).rounded()))%"
    }

    private static func evidenceSummary(_ current: [AuditReport.EvidenceReport]) -> String {
        guard !current.isEmpty else { return "none" }
        let expired = current.filter { $0.state == .expired }.count
        return "\(current.count)" + (expired > 0 ? " (\(expired) expired)" : "")
    }

    static func byteCount(_ size: Int64) -> String {
        if size < 1024 { return "\(size) B" }
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var value = Double(size) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}

/// HTML made from user text only when a template shows it: the Markdown report never does, and
/// rendering every item's Markdown as HTML was most of its time on large checklists.
enum DeferredHTML: MustacheCustomRenderable {
    /// `HTMLText.markdown` of the text; empty for nil.
    case markdown(String?)
    /// `HTMLText.inline` of the text.
    case inline(String)

    var isNull: Bool { false }

    var renderText: String {
        switch self {
        case let .markdown(text): text.map(HTMLText.markdown) ?? ""
        case let .inline(text): HTMLText.inline(text)
        }
    }
}
