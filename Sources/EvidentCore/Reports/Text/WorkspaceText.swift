/// Plain-text listings of checklists, cycles, evidence and the audit log.
public enum WorkspaceText {
    /// `PATH: ok — ID VERSION, N sections, M items (critical a, high b, …)`.
    public static func validated(path: String, _ summary: ChecklistSummary, style: TextStyle) -> String {
        let severities = summary.bySeverity.map { "\($0.severity.rawValue) \($0.count)" }.joined(separator: ", ")
        return "\(path): " + style.green("ok")
            + " — \(summary.id) \(summary.version), \(summary.sections.count) sections, \(summary.items) items (\(severities))"
    }

    /// A table of sections with item counts, then the totals by severity.
    public static func overview(_ summary: ChecklistSummary) -> String {
        var table = TextTable(["section", "items", "title"], alignments: [.left, .right, .left])
        for section in summary.sections { table.add([section.id, String(section.items), section.title]) }
        let totals = summary.bySeverity.map { "\($0.count) \($0.severity.rawValue)" }.joined(separator: ", ")
        return "\(TerminalText.oneLine(summary.title)) — \(summary.id) \(summary.version)\n\n\(table.render())\n\n  \(summary.items) items: \(totals)"
    }

    /// `checklist list`.
    public static func checklists(_ listings: [ChecklistListing]) -> String {
        guard !listings.isEmpty else { return "No checklist is loaded; load one with `evident checklist load DIR`." }
        var table = TextTable(["checklist", "version", "sections", "items", "versions", "title"],
                              alignments: [.left, .left, .right, .right, .right, .left])
        for listing in listings {
            table.add([listing.id, listing.version, String(listing.sections), String(listing.items), String(listing.versions), listing.title])
        }
        return table.render(indent: 0)
    }

    /// `cycle list`.
    public static func cycles(_ statuses: [CycleStatus]) -> String {
        guard !statuses.isEmpty else { return "No cycle yet; start one with `evident cycle start NAME`." }
        var table = TextTable(["cycle", "target", "state", "checklist", "version", "pass", "partial", "fail", "n/a", "pending"],
                              alignments: [.left, .left, .left, .left, .left, .right, .right, .right, .right, .right])
        for status in statuses {
            let counts = status.counts
            table.add([status.cycle, status.target ?? "-", status.state.rawValue, status.checklist, status.version, String(counts.pass),
                       String(counts.partial), String(counts.fail), String(counts.na), String(counts.pending)])
        }
        return table.render(indent: 0)
    }

    /// `evidence list`.
    public static func evidence(_ list: [Evidence], judgedAt: Timestamp) -> String {
        guard !list.isEmpty else { return "No evidence yet; attach some with `evident evidence add ITEM FILE`." }
        var table = TextTable(["id", "item", "kind", "sha256", "expires", "state", "what"], alignments: [.right])
        for evidence in list {
            table.add([String(evidence.id), evidence.itemID, evidence.kind.rawValue, String(evidence.digest.prefix(12)),
                       evidence.expiresAt?.date ?? "never", state(of: evidence, at: judgedAt),
                       TerminalText.truncate(evidence.summary, 60)])
        }
        return table.render(indent: 0)
    }

    /// One evidence in full, for `evidence show`.
    public static func evidenceDetail(_ evidence: Evidence, cycle: String, judgedAt: Timestamp) -> String {
        var lines = ["evidence #\(evidence.id) (\(evidence.kind.rawValue)) — \(state(of: evidence, at: judgedAt))"]
        func add(_ label: String, _ value: String?) {
            if let value { lines.append("  " + label.padding(toLength: 12, withPad: " ", startingAt: 0) + TerminalText.safe(value)) }
        }
        add("cycle", cycle)
        add("item", evidence.itemID)
        add("file", evidence.fileName)
        add("url", evidence.url)
        add(evidence.caption == nil ? "note" : "caption", evidence.note)
        add("sha256", evidence.digest)
        add("size", "\(evidence.size) bytes")
        add("redacted", evidence.redacted ? "yes: sensitive values were masked" : nil)
        add("effective", evidence.effectiveAt.iso8601)
        add("expires", evidence.expiresAt?.iso8601 ?? "never")
        add("added", "\(evidence.addedAt) by \(evidence.addedBy)")
        add("carried", evidence.carriedFromID.map { "from evidence #\($0)" })
        add("withdrawn", evidence.withdrawnAt.map { "\($0) by \(evidence.withdrawnBy ?? "?"): \(evidence.withdrawReason ?? "")" })
        add("purged", evidence.purgedAt.map { "\($0): the vault file was deleted" })
        return lines.joined(separator: "\n")
    }

    /// `evidence due`.
    public static func due(_ list: [DueEvidence], cycle: String, days: Int) -> String {
        guard !list.isEmpty else { return "No evidence of cycle \(cycle) expires within \(days) days." }
        var table = TextTable(["expires", "state", "id", "item", "what"], alignments: [.left, .left, .right])
        for due in list {
            table.add([due.expiresAt.date, due.expired ? "EXPIRED" : "due", String(due.id), due.item, TerminalText.truncate(due.summary, 60)])
        }
        return table.render(indent: 0)
    }

    /// The accepted risks of `evidence due`.
    public static func dueExceptions(_ list: [DueException]) -> String {
        var table = TextTable(["expires", "state", "exception", "item", "status", "approved by"], alignments: [.left, .left, .right])
        for due in list {
            table.add([due.expiresAt.date, due.expired ? "EXPIRED" : "due", "#\(due.id)", due.item, due.status.label, due.approvedBy])
        }
        return "Accepted risks:\n" + table.render(indent: 0)
    }

    /// `log`: one line per entry, oldest first.
    public static func log(_ entries: [AuditEntry]) -> String {
        guard !entries.isEmpty else { return "The audit log is empty." }
        return entries.map { entry in
            "\(entry.seq)  \(entry.at)  \(TerminalText.oneLine(entry.actor))  \(entry.action)  \(TerminalText.oneLine(entry.subject))  "
                + TerminalText.truncate(TerminalText.oneLine(entry.payload), 160)
        }.joined(separator: "\n")
    }

    /// `current`, `expired`, `withdrawn` or `purged`.
    public static func state(of evidence: Evidence, at time: Timestamp) -> String {
        if evidence.purgedAt != nil { return "purged" }
        if evidence.isWithdrawn { return "withdrawn" }
        return evidence.isExpired(at: time) ? "expired" : "current"
    }
}
