/// `evident status` for people: progress per section, what fails, what is pending, what to do next.
public enum StatusText {
    /// The status as text.
    public static func render(_ status: CycleStatus, style: TextStyle) -> String {
        var lines: [String] = []
        let state = status.state.rawValue
        lines.append(style.bold("Cycle \(status.cycle)") + " (\(state)) — \(status.checklist) \(status.version), judged at \(status.judgedAt)")
        lines.append("")
        var table = TextTable(
            ["section", "items", "pass", "partial", "fail", "n/a", "pending", "title"],
            alignments: [.left, .right, .right, .right, .right, .right, .right, .left])
        for section in status.sections {
            table.add([section.id, String(section.items)] + counts(section.counts) + [section.title])
        }
        table.add(["total", String(status.items)] + counts(status.counts) + [""])
        lines.append(table.render())
        lines.append("")
        let evidence = status.evidence
        lines.append("Evidence: \(evidence.total) attached, \(evidence.expired) expired, \(evidence.expiringSoon) expiring within \(CycleStatus.soonDays) days; "
            + "\(status.itemsWithoutEvidence) applicable item\(status.itemsWithoutEvidence == 1 ? "" : "s") without valid evidence")
        if !status.failing.isEmpty {
            lines.append("")
            lines.append("Failing or partial:")
            for note in status.failing {
                lines.append("  \(style.status(note.status))  \(note.item)  [\(note.severity.rawValue)]  \(TerminalText.truncate(TerminalText.oneLine(note.title), 80))")
            }
        }
        if !status.pending.isEmpty {
            lines.append("")
            let shown = status.pending.prefix(8).joined(separator: ", ")
            lines.append("Pending (\(status.pending.count)): \(shown)\(status.pending.count > 8 ? ", …" : "")")
        }
        lines.append("")
        lines.append(style.bold("Next: ") + status.next)
        return lines.joined(separator: "\n")
    }

    private static func counts(_ counts: StatusCounts) -> [String] {
        [counts.pass, counts.partial, counts.fail, counts.na, counts.pending].map(String.init)
    }
}
