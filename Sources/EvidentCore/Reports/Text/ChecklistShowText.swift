/// `evident checklist show` for people.
public enum ChecklistShowText {
    /// Every section with its items' ids, severities and titles.
    public static func checklist(_ checklist: Checklist) -> String {
        var lines = ["\(TerminalText.oneLine(checklist.title)) — \(checklist.id) \(checklist.version)"]
        for section in checklist.sections {
            lines.append("")
            lines.append("\(section.id): \(TerminalText.oneLine(section.title))")
            var table = TextTable(["item", "severity", "title"])
            for item in section.items { table.add([item.id, item.severity.rawValue, TerminalText.truncate(item.title, 90)]) }
            lines.append(table.render())
        }
        return lines.joined(separator: "\n")
    }

    /// One item in full: the requirement, where it comes from, how to satisfy it.
    public static func item(_ item: ChecklistItem, style: TextStyle) -> String {
        var lines = [style.bold(item.id) + "  [\(item.severity.rawValue)]", TerminalText.safe(item.title)]
        func block(_ label: String, _ text: String?) {
            guard let text, !text.isEmpty else { return }
            lines.append("")
            lines.append(style.bold(label))
            lines.append(contentsOf: TerminalText.safe(text).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 })
        }
        block("Subsection", item.subsection)
        block("Description", item.description)
        block("Source", item.source.map { [$0.section, $0.quote.map { "“\($0)”" }].compactMap { $0 }.joined(separator: "\n") })
        block("Guidance", item.guidance?.trimmingCharacters(in: .whitespacesAndNewlines))
        block("Expected evidence", item.evidence.isEmpty ? nil : item.evidence.map { "\($0.kind.rawValue): \($0.description ?? "")" }.joined(separator: "\n"))
        block("Evidence valid for", item.maxAgeDays.map { "\($0) days" })
        block("References", item.references.isEmpty ? nil : item.references.joined(separator: "\n"))
        block("Checked by", item.checks.isEmpty ? nil : item.checks.joined(separator: ", "))
        block("Applies when", item.appliesWhen.isEmpty ? nil : "the cycle's scope includes " + item.appliesWhen.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
