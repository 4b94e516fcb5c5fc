import Foundation

/// The `owner` and `due` columns of a review CSV: an assignment for every row that names an
/// owner, whatever its status, so a lead can hand out work from the spreadsheet. The rows
/// themselves are read by `ReviewCSVReader` (separators, BOM, quoting).
enum ReviewCSVAssignments {
    static let columns = ["owner", "due"]

    /// The assignment one row asks for (nil when it names no owner), or what is wrong with it.
    static func entry(item: String, owner ownerField: String?, due dueField: String?) -> (entry: AssignmentEntry?, problem: String?) {
        let owner = TextSanitizer.visible(CSV.unguarded(ownerField ?? ""))
        let dueText = dueField ?? ""
        var due: Timestamp?
        if !dueText.isEmpty {
            due = Timestamp(iso8601: dueText)
            if due == nil { return (nil, "due '\(dueText)' is not a date; write it as 2026-12-31") }
        }
        if owner.isEmpty {
            return (nil, dueText.isEmpty ? nil : "a due date needs an owner in the same row")
        }
        return (AssignmentEntry(itemID: item, owner: owner, dueAt: due), nil)
    }
}
