/// What the interactive review shows of one item.
public enum ReviewPromptText {
    /// The item: where it stands, the requirement, its source, guidance and evidence so far.
    public static func item(_ item: AuditReport.ItemReport, section: String, position: Int, of total: Int, style: TextStyle) -> String {
        var lines = [style.dim("── \(position)/\(total) · \(TerminalText.oneLine(section)) ") + style.dim(String(repeating: "─", count: 20))]
        lines.append(style.bold(item.id) + "  [\(item.severity.rawValue)]  " + style.status(item.status))
        lines.append(TerminalText.safe(item.title))
        if let source = item.source {
            lines.append("")
            lines.append(style.bold("Source: ") + TerminalText.oneLine(source.section ?? "") + (source.quote.map { " — “\(TerminalText.oneLine($0))”" } ?? ""))
        }
        if let guidance = item.guidance {
            lines.append("")
            lines.append(style.bold("Guidance:"))
            lines += TerminalText.safe(guidance).split(separator: "\n").map { "  " + $0 }
        }
        if !item.expectedEvidence.isEmpty {
            lines.append(style.bold("Expected evidence: ") + item.expectedEvidence.map { "\($0.kind.rawValue) (\(TerminalText.oneLine($0.description ?? "")))" }.joined(separator: "; "))
        }
        let current = item.evidence.filter { $0.state != .withdrawn }
        lines.append(style.bold("Evidence: ") + (current.isEmpty ? "none yet" : current.map {
            "#\($0.id) \($0.kind.rawValue) \(TerminalText.truncate(TerminalText.oneLine($0.name ?? $0.url ?? $0.note ?? ""), 50)) (\($0.state.rawValue))"
        }.joined(separator: "; ")))
        return lines.joined(separator: "\n")
    }

    /// The answers the prompt takes.
    public static let help = """
        p pass · r partial · f fail (needs a note) · n not applicable (needs a note)
        a attach evidence: then type `file PATH`, `url URL` or `note TEXT`
        s skip (or Enter) · b back to the previous item · q quit (everything so far is saved)
        When the previous cycle's verdict is shown, Enter takes it (and Enter at the note keeps its note).
        """
}
