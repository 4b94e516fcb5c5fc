/// The formats `evident diff` writes.
public enum DiffFormat: String, Sendable, CaseIterable {
    case text, md, html, json
}

/// Renders a cycle diff: text and JSON in code, Markdown and HTML from templates.
public enum DiffRenderer {
    /// `diff` between `from` and `to` as `format`.
    public static func render(_ diff: CycleDiff, from: CycleSnapshot, to: CycleSnapshot, as format: DiffFormat,
                              templates: TemplateSet, generatedAt: Timestamp, toolVersion: String) throws -> String {
        switch format {
        case .json: return CanonicalJSON.pretty(diff)
        case .text: return text(diff, from: from, to: to)
        case .md, .html:
            let context = DiffContext.make(diff, from: from, to: to, generatedAt: generatedAt, toolVersion: toolVersion)
            return try templates.render("diff.\(format.rawValue)", context)
        }
    }

    static func text(_ diff: CycleDiff, from: CycleSnapshot, to: CycleSnapshot) -> String {
        let titles = DiffContext.titles(from, to)
        var lines = ["Diff \(diff.from) → \(diff.to) (\(from.version.checklistID) \(from.version.version) → \(to.version.version))"]
        func moves(_ heading: String, _ list: [CycleDiff.Move]) {
            guard !list.isEmpty else { return }
            lines.append("")
            lines.append("\(heading) (\(list.count)):")
            for move in list {
                lines.append("  \(move.item)  \(move.from.label) → \(move.to.label)  \(TerminalText.truncate(TerminalText.oneLine(titles[move.item] ?? ""), 70))")
            }
        }
        moves("Regressions", diff.regressions)
        moves("Improvements", diff.improvements)
        moves("Other status changes", diff.statusChanges)
        moves("Not yet reviewed in \(diff.to)", diff.unreviewed)
        lines.append("")
        lines.append("Unchanged: \(diff.unchanged) item\(diff.unchanged == 1 ? "" : "s")")
        for (label, list) in [("Items added", diff.addedItems), ("Items removed", diff.removedItems), ("Items redefined", diff.changedItems)] where !list.isEmpty {
            lines.append("\(label) (\(list.count)): \(list.joined(separator: ", "))")
        }
        let evidence = diff.evidence
        lines.append("Evidence: \(evidence.added) added, \(evidence.removed) removed, \(evidence.reused) reused unchanged, \(evidence.expired) expired in \(diff.to)")
        lines.append(diff.hasRegressions ? "Result: \(diff.regressions.count) regression\(diff.regressions.count == 1 ? "" : "s")." : "Result: no regression.")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// What the diff templates see.
enum DiffContext {
    static func make(_ diff: CycleDiff, from: CycleSnapshot, to: CycleSnapshot, generatedAt: Timestamp, toolVersion: String) -> [String: Any] {
        let titles = titles(from, to)
        func moves(_ list: [CycleDiff.Move]) -> [[String: Any]] {
            list.map { [
                "item": $0.item, "title": ReportContext.t(titles[$0.item]),
                "from": $0.from.rawValue, "from_label": $0.from.label, "from_symbol": ReportContext.symbol($0.from),
                "to": $0.to.rawValue, "to_label": $0.to.label, "to_symbol": ReportContext.symbol($0.to),
            ] }
        }
        func items(_ ids: [String]) -> [[String: Any]] { ids.map { ["item": $0, "title": ReportContext.t(titles[$0])] } }
        return [
            "from": diff.from, "to": diff.to, "checklist_id": to.version.checklistID, "title": ReportContext.t(to.version.title),
            "from_version": from.version.version, "to_version": to.version.version,
            "generated_at": generatedAt.iso8601, "tool_version": toolVersion,
            "regressions": moves(diff.regressions), "has_regressions": diff.hasRegressions, "regression_count": diff.regressions.count,
            "improvements": moves(diff.improvements), "has_improvements": !diff.improvements.isEmpty, "improvement_count": diff.improvements.count,
            "status_changes": moves(diff.statusChanges), "has_status_changes": !diff.statusChanges.isEmpty, "status_change_count": diff.statusChanges.count,
            "unreviewed": moves(diff.unreviewed), "has_unreviewed": !diff.unreviewed.isEmpty, "unreviewed_count": diff.unreviewed.count,
            "unchanged": diff.unchanged,
            "added_items": items(diff.addedItems), "has_added": !diff.addedItems.isEmpty,
            "removed_items": items(diff.removedItems), "has_removed": !diff.removedItems.isEmpty,
            "changed_items": items(diff.changedItems), "has_changed": !diff.changedItems.isEmpty,
            "evidence_added": diff.evidence.added, "evidence_removed": diff.evidence.removed,
            "evidence_reused": diff.evidence.reused, "evidence_expired": diff.evidence.expired,
            "from_counts": ReportContext.counts(CycleStatus(from).counts), "to_counts": ReportContext.counts(CycleStatus(to).counts),
            "from_score": ReportContext.percent(CycleStatus(from).counts.score), "to_score": ReportContext.percent(CycleStatus(to).counts.score),
            "from_bar": ReportContext.bar(CycleStatus(from).counts), "to_bar": ReportContext.bar(CycleStatus(to).counts),
        ]
    }

    /// Item titles, B's where both versions have the item.
    static func titles(_ from: CycleSnapshot, _ to: CycleSnapshot) -> [String: String] {
        var titles = Dictionary(uniqueKeysWithValues: from.items.map { ($0.itemID, $0.title) })
        for item in to.items { titles[item.itemID] = item.title }
        return titles
    }
}
