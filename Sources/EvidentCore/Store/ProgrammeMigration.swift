import GRDB

/// The programme schema (targets, owners and due dates, accepted risks): new tables beside the
/// first release's, each append-only, each change to an open cycle only.
enum ProgrammeMigration {
    /// Creates the tables and the triggers that keep them append-only.
    static func create(_ db: Database) throws {
        var sql = """
            CREATE TABLE cycle_target (
                cycle_id INTEGER PRIMARY KEY REFERENCES cycle(id),
                target TEXT NOT NULL
            );
            CREATE INDEX cycle_target_by_target ON cycle_target (target);
            CREATE TABLE assignment (
                id INTEGER PRIMARY KEY,
                cycle_id INTEGER NOT NULL REFERENCES cycle(id),
                item_id TEXT NOT NULL,
                owner TEXT NOT NULL,
                due_at TEXT,
                actor TEXT NOT NULL,
                at TEXT NOT NULL
            );
            CREATE INDEX assignment_by_cycle_item ON assignment (cycle_id, item_id, id);
            CREATE TABLE risk_exception (
                id INTEGER PRIMARY KEY,
                cycle_id INTEGER NOT NULL REFERENCES cycle(id),
                item_id TEXT NOT NULL,
                item_status TEXT NOT NULL CHECK (item_status IN ('fail', 'partial')),
                reason TEXT NOT NULL,
                approved_by TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                actor TEXT NOT NULL,
                at TEXT NOT NULL
            );
            CREATE INDEX risk_exception_by_cycle_item ON risk_exception (cycle_id, item_id, id);

            """
        for table in ["cycle_target", "assignment", "risk_exception"] {
            sql += """
                CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, 'evident: \(table) is append-only'); END;
                CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, 'evident: \(table) is append-only'); END;
                CREATE TRIGGER \(table)_needs_open_cycle BEFORE INSERT ON \(table)
                WHEN (SELECT state FROM cycle WHERE id = NEW.cycle_id) IS NOT 'open'
                BEGIN SELECT RAISE(ABORT, 'evident: closed cycle'); END;

                """
        }
        try db.execute(sql: sql)
    }
}
