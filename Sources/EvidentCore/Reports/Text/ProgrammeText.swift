/// `overview`, `todo` and `exception list` for people.
public enum ProgrammeText {
    /// Every target's latest cycle, one line each.
    public static func overview(_ overview: ProgrammeOverview) -> String {
        guard !overview.targets.isEmpty else { return "No cycle yet; start one with `evident cycle start NAME --target TARGET`." }
        var table = TextTable(
            ["target", "cycle", "state", "score", "pass", "partial", "fail", "pending", "critical failing", "expired evidence",
             "exceptions", "overdue"],
            alignments: [.left, .left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right])
        for row in overview.targets {
            let exceptions = "\(row.openExceptions)" + (row.expiredExceptions > 0 ? " (+\(row.expiredExceptions) expired)" : "")
            table.add([row.target ?? "-", row.cycle, row.state.rawValue, ReportContext.percent(row.score), String(row.counts.pass),
                       String(row.counts.partial), String(row.counts.fail), String(row.counts.pending),
                       String(row.failingCritical.count), String(row.expiredEvidence), exceptions, String(row.overdue)])
        }
        var lines = [table.render(indent: 0)]
        let critical = overview.targets.filter { !$0.failingCritical.isEmpty }
        if !critical.isEmpty {
            lines.append("")
            lines.append("Critical items failing:")
            for row in critical {
                lines.append("  \(row.target ?? row.cycle): " + row.failingCritical.joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The to-do list, most urgent first.
    public static func todo(_ list: TodoList) -> String {
        guard !list.entries.isEmpty else {
            let whose = list.owner.map { " for \(TerminalText.oneLine($0))" } ?? ""
            return list.cycles.isEmpty ? "No open cycle; nothing to do." : "Nothing to do\(whose) in \(list.cycles.joined(separator: ", "))."
        }
        var table = TextTable(["what", "cycle", "target", "item", "status", "owner", "due", "detail"])
        for entry in list.entries {
            table.add([entry.kind.rawValue, entry.cycle, entry.target ?? "-", entry.item, entry.status.label, entry.owner ?? "-",
                       entry.due?.date ?? "-", TerminalText.truncate(entry.detail, 70)])
        }
        return table.render(indent: 0)
    }

    /// Accepted risks, soonest expiry first.
    public static func exceptions(_ listing: ExceptionListing) -> String {
        guard !listing.exceptions.isEmpty else {
            return "No accepted risk; record one with `evident exception add ITEM_ID --reason TEXT --expires DATE --approved-by WHO`."
        }
        var table = TextTable(["expires", "state", "cycle", "target", "item", "status", "approved by", "reason"])
        for entry in listing.exceptions {
            table.add([entry.expiresAt.date, entry.expired ? "EXPIRED" : "in force", entry.cycle, entry.target ?? "-", entry.item,
                       entry.status.label, entry.approvedBy, TerminalText.truncate(entry.reason, 60)])
        }
        return table.render(indent: 0)
    }
}
