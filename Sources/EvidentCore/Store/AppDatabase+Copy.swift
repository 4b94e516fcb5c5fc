import GRDB

/// The tables of a workspace, in an order that satisfies every reference: what `db copy` moves.
enum RecordTables {
    static let all = [
        "workspace", "checklist_version", "checklist_section", "checklist_item", "cycle", "cycle_target",
        "cycle_abandonment", "review", "evidence", "assignment", "risk_exception", "signoff", "audit_log",
    ]
    /// Tables whose `id` column the team store numbers itself after a copy.
    static let numbered = ["checklist_version", "cycle", "review", "evidence", "assignment", "risk_exception", "signoff"]
}

/// One table's rows as stored, for copying into a team store.
struct TableRows {
    var columns: [String]
    var rows: [[DatabaseValue]]
}

extension AppDatabase {
    /// Every row of `table`, in storage order, all columns — read from one snapshot by `db copy`.
    func tableRows(_ table: String) throws -> TableRows {
        precondition(RecordTables.all.contains(table), "not a record table")
        return try read { db in
            let columns = try db.columns(in: table).map(\.name)
            let quoted = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let rows = try Row.fetchAll(db, sql: "SELECT \(quoted) FROM \"\(table)\" ORDER BY rowid").map { row in
                columns.indices.map { row[$0] as DatabaseValue }
            }
            return TableRows(columns: columns, rows: rows)
        }
    }
}
