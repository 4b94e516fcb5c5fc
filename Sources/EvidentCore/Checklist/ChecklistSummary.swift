/// Counts that describe a checklist at a glance: sections and items, by severity.
public struct ChecklistSummary: Sendable, Equatable {
    /// One section's id, title and item count.
    public struct Section: Sendable, Equatable {
        public let id: String
        public let title: String
        public let items: Int
    }

    public let id: String
    public let title: String
    public let version: String
    public let sections: [Section]
    public let items: Int
    /// Item counts by severity, critical first, every severity present.
    public let bySeverity: [(severity: Severity, count: Int)]

    /// Summarises `checklist`.
    public init(_ checklist: Checklist) {
        id = checklist.id
        title = checklist.title
        version = checklist.version
        sections = checklist.sections.map { Section(id: $0.id, title: $0.title, items: $0.items.count) }
        items = checklist.items.count
        let all = checklist.items
        bySeverity = Severity.allCases.map { severity in (severity, all.filter { $0.severity == severity }.count) }
    }

    public static func == (lhs: ChecklistSummary, rhs: ChecklistSummary) -> Bool {
        lhs.id == rhs.id && lhs.version == rhs.version && lhs.sections == rhs.sections
            && lhs.bySeverity.map(\.count) == rhs.bySeverity.map(\.count)
    }
}
