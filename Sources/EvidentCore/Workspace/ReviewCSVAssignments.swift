import Foundation

/// The `owner` and `due` columns of a review CSV: an assignment for every row that names an
/// owner, whatever its status, so a lead can hand out work from the spreadsheet.
enum ReviewCSVAssignments {
    static let columns = ["owner", "due"]

    /// The assignments of `records` (header first), or the rows whose owner or due date is unusable.
    static func read(_ records: [CSV.Record], file: String) -> (entries: [AssignmentEntry], diagnostics: [Diagnostic]) {
        guard let header = records.first else { return ([], []) }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let itemColumn = names.firstIndex(of: "item") else { return ([], []) }
        let ownerColumn = names.firstIndex(of: "owner")
        let dueColumn = names.firstIndex(of: "due")
        guard ownerColumn != nil || dueColumn != nil else { return ([], []) }
        var entries: [AssignmentEntry] = []
        var diagnostics: [Diagnostic] = []
        for record in records.dropFirst() {
            func field(_ column: Int?) -> String {
                guard let column, column < record.fields.count else { return "" }
                return record.fields[column].trimmingCharacters(in: .whitespaces)
            }
            let item = field(itemColumn)
            let owner = TextSanitizer.visible(field(ownerColumn))
            let dueText = field(dueColumn)
            guard !item.isEmpty else { continue }
            var due: Timestamp?
            if !dueText.isEmpty {
                due = Timestamp(iso8601: dueText)
                if due == nil {
                    diagnostics.append(Diagnostic(.error, "due '\(dueText)' is not a date; write it as 2026-12-31", file: file, line: record.line))
                }
            }
            if owner.isEmpty {
                if !dueText.isEmpty {
                    diagnostics.append(Diagnostic(.error, "a due date needs an owner in the same row", file: file, line: record.line))
                }
                continue
            }
            entries.append(AssignmentEntry(itemID: item, owner: owner, dueAt: due))
        }
        return (entries, diagnostics)
    }
}
