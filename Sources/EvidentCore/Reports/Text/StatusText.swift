/// `evident status` for people: progress per section, what fails, what is pending, what to do next.
public enum StatusText {
    /// The status as text.
    public static func render(_ status: CycleStatus, style: TextStyle) -> String {
        var lines: [String] = []
        let state = status.state.rawValue
        let target = status.target.map { " for \(TerminalText.oneLine($0))" } ?? ""
        lines.append(style.bold("Cycle \(status.cycle)") + "\(target) (\(state)) — \(status.checklist) \(status.version), judged at \(status.judgedAt)")
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
                lines.append("  \(style.status(note.status))  \(note.item)  [\(note.severity.rawValue)]  \(TerminalText.truncate(TerminalText.oneLine(note.title), 80))"
                    + ownership(note))
            }
        }
        if !status.overdue.isEmpty {
            lines.append("")
            lines.append("Overdue (\(status.overdue.count)):")
            for note in status.overdue {
                lines.append("  \(style.status(note.status))  \(note.item)  due \(note.due?.date ?? "?")  owner \(TerminalText.oneLine(note.owner ?? "?"))")
            }
        }
        if !status.expiredExceptions.isEmpty {
            lines.append("")
            lines.append("Accepted risks that ran out (\(status.expiredExceptions.count)): "
                + status.expiredExceptions.map(\.item).joined(separator: ", "))
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

    /// ` — owner X, due D, risk accepted until E` for what is known of an item.
    private static func ownership(_ note: CycleStatus.ItemNote) -> String {
        var parts: [String] = []
        if let owner = note.owner { parts.append("owner " + TerminalText.oneLine(owner)) }
        if let due = note.due { parts.append("due " + due.date) }
        if let until = note.acceptedUntil { parts.append("risk accepted until " + until.date) }
        return parts.isEmpty ? "" : "  — " + parts.joined(separator: ", ")
    }

    private static func counts(_ counts: StatusCounts) -> [String] {
        [counts.pass, counts.partial, counts.fail, counts.na, counts.pending].map(String.init)
    }
}
