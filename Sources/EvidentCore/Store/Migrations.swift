import GRDB

/// The workspace schema, one migration per shipped change. A shipped migration is never edited:
/// add a new one.
enum Migrations {
    /// Every migration, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-workspace", migrate: createWorkspace)
        migrator.registerMigration("v1-immutability", migrate: createImmutabilityTriggers)
        migrator.registerMigration("v2-programme", migrate: ProgrammeMigration.create)
        migrator.registerMigration("v2-cycle-hygiene", migrate: createCycleAbandonment)
        migrator.registerMigration("v3-abandoned-guards", migrate: createAbandonedGuards)
        return migrator
    }

    /// Tables and indexes of the first release.
    static func createWorkspace(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE workspace (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                format INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL
            );
            CREATE TABLE checklist_version (
                id INTEGER PRIMARY KEY,
                checklist_id TEXT NOT NULL,
                version TEXT NOT NULL,
                title TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                content TEXT NOT NULL,
                loaded_at TEXT NOT NULL,
                loaded_by TEXT NOT NULL,
                UNIQUE (checklist_id, version)
            );
            CREATE TABLE checklist_section (
                version_id INTEGER NOT NULL REFERENCES checklist_version(id),
                position INTEGER NOT NULL,
                section_id TEXT NOT NULL,
                title TEXT NOT NULL,
                PRIMARY KEY (version_id, section_id)
            );
            CREATE TABLE checklist_item (
                version_id INTEGER NOT NULL REFERENCES checklist_version(id),
                position INTEGER NOT NULL,
                item_id TEXT NOT NULL,
                section_id TEXT NOT NULL,
                title TEXT NOT NULL,
                severity TEXT NOT NULL,
                max_age_days INTEGER,
                applies_when TEXT NOT NULL,
                checks TEXT NOT NULL,
                definition_hash TEXT NOT NULL,
                PRIMARY KEY (version_id, item_id)
            );
            CREATE TABLE cycle (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                checklist_id TEXT NOT NULL,
                version_id INTEGER NOT NULL REFERENCES checklist_version(id),
                version TEXT NOT NULL,
                scope TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
                started_at TEXT NOT NULL,
                started_by TEXT NOT NULL,
                closed_at TEXT,
                closed_by TEXT,
                carried_from_cycle_id INTEGER REFERENCES cycle(id)
            );
            CREATE TABLE review (
                id INTEGER PRIMARY KEY,
                cycle_id INTEGER NOT NULL REFERENCES cycle(id),
                item_id TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pass', 'partial', 'fail', 'na')),
                note TEXT,
                actor TEXT NOT NULL,
                at TEXT NOT NULL
            );
            CREATE INDEX review_by_cycle_item ON review (cycle_id, item_id, id);
            CREATE TABLE evidence (
                id INTEGER PRIMARY KEY,
                cycle_id INTEGER NOT NULL REFERENCES cycle(id),
                item_id TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('file', 'url', 'note', 'scan')),
                digest TEXT NOT NULL,
                size INTEGER NOT NULL,
                file_name TEXT,
                url TEXT,
                note TEXT,
                redacted INTEGER NOT NULL DEFAULT 0,
                effective_at TEXT NOT NULL,
                expires_at TEXT,
                added_at TEXT NOT NULL,
                added_by TEXT NOT NULL,
                carried_from_id INTEGER REFERENCES evidence(id),
                withdrawn_at TEXT,
                withdrawn_by TEXT,
                withdraw_reason TEXT,
                purged_at TEXT
            );
            CREATE INDEX evidence_by_cycle_item ON evidence (cycle_id, item_id);
            CREATE INDEX evidence_by_digest ON evidence (digest);
            CREATE TABLE signoff (
                id INTEGER PRIMARY KEY,
                cycle_id INTEGER NOT NULL REFERENCES cycle(id),
                signer TEXT NOT NULL,
                statement TEXT NOT NULL,
                at TEXT NOT NULL,
                digest TEXT NOT NULL,
                signature TEXT,
                public_key TEXT
            );
            CREATE TABLE audit_log (
                seq INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                cycle_id INTEGER,
                item_id TEXT,
                subject TEXT NOT NULL,
                payload TEXT NOT NULL,
                previous_hash TEXT NOT NULL,
                hash TEXT NOT NULL UNIQUE
            );
            CREATE INDEX audit_by_cycle ON audit_log (cycle_id, seq);
            """)
    }

    /// Triggers that make history append-only and closed cycles immutable, whatever path writes.
    static func createImmutabilityTriggers(_ db: Database) throws {
        var sql = ""
        for table in ["audit_log", "checklist_version", "checklist_section", "checklist_item", "review", "signoff"] {
            sql += """
                CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, 'evident: \(table) is append-only'); END;
                CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, 'evident: \(table) is append-only'); END;

                """
        }
        sql += """
            CREATE TRIGGER cycle_no_delete BEFORE DELETE ON cycle
            BEGIN SELECT RAISE(ABORT, 'evident: cycles are never deleted'); END;
            CREATE TRIGGER cycle_closed_is_final BEFORE UPDATE ON cycle WHEN OLD.state = 'closed'
            BEGIN SELECT RAISE(ABORT, 'evident: closed cycle'); END;
            CREATE TRIGGER cycle_only_closes BEFORE UPDATE OF id, name, checklist_id, version_id, version, scope,
                started_at, started_by, carried_from_cycle_id ON cycle
            BEGIN SELECT RAISE(ABORT, 'evident: a cycle only changes by closing'); END;
            CREATE TRIGGER review_needs_open_cycle BEFORE INSERT ON review
            WHEN (SELECT state FROM cycle WHERE id = NEW.cycle_id) IS NOT 'open'
            BEGIN SELECT RAISE(ABORT, 'evident: closed cycle'); END;
            CREATE TRIGGER evidence_needs_open_cycle BEFORE INSERT ON evidence
            WHEN (SELECT state FROM cycle WHERE id = NEW.cycle_id) IS NOT 'open'
            BEGIN SELECT RAISE(ABORT, 'evident: closed cycle'); END;
            CREATE TRIGGER evidence_closed_is_final BEFORE UPDATE ON evidence
            WHEN (SELECT state FROM cycle WHERE id = OLD.cycle_id) IS NOT 'open'
            BEGIN SELECT RAISE(ABORT, 'evident: closed cycle'); END;
            CREATE TRIGGER evidence_content_is_final BEFORE UPDATE OF id, cycle_id, item_id, kind, digest, size,
                file_name, url, note, redacted, effective_at, expires_at, added_at, added_by, carried_from_id ON evidence
            BEGIN SELECT RAISE(ABORT, 'evident: evidence content never changes'); END;
            CREATE TRIGGER evidence_withdrawal_is_final BEFORE UPDATE OF withdrawn_at, withdrawn_by, withdraw_reason ON evidence
            WHEN OLD.withdrawn_at IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'evident: evidence already withdrawn'); END;
            CREATE TRIGGER evidence_purge_needs_withdrawal BEFORE UPDATE OF purged_at ON evidence
            WHEN NEW.withdrawn_at IS NULL OR OLD.purged_at IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'evident: only withdrawn evidence is purged, once'); END;
            CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
            BEGIN SELECT RAISE(ABORT, 'evident: evidence is withdrawn, never deleted'); END;
            CREATE TRIGGER workspace_no_delete BEFORE DELETE ON workspace
            BEGIN SELECT RAISE(ABORT, 'evident: workspace is append-only'); END;
            """
        try db.execute(sql: sql)
    }

    /// `cycle abandon`: an abandonment row per ended cycle, append-only, only for an open cycle;
    /// an abandoned cycle, like a closed one, takes no more reviews or evidence and never changes.
    static func createCycleAbandonment(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE cycle_abandonment (
                cycle_id INTEGER PRIMARY KEY REFERENCES cycle(id),
                reason TEXT NOT NULL,
                at TEXT NOT NULL,
                actor TEXT NOT NULL
            );
            CREATE TRIGGER cycle_abandonment_no_update BEFORE UPDATE ON cycle_abandonment
            BEGIN SELECT RAISE(ABORT, 'evident: cycle_abandonment is append-only'); END;
            CREATE TRIGGER cycle_abandonment_no_delete BEFORE DELETE ON cycle_abandonment
            BEGIN SELECT RAISE(ABORT, 'evident: cycle_abandonment is append-only'); END;
            CREATE TRIGGER cycle_abandonment_needs_open_cycle BEFORE INSERT ON cycle_abandonment
            WHEN (SELECT state FROM cycle WHERE id = NEW.cycle_id) IS NOT 'open'
            BEGIN SELECT RAISE(ABORT, 'evident: closed cycle'); END;
            CREATE TRIGGER cycle_abandoned_is_final BEFORE UPDATE ON cycle
            WHEN EXISTS (SELECT 1 FROM cycle_abandonment WHERE cycle_id = OLD.id)
            BEGIN SELECT RAISE(ABORT, 'evident: abandoned cycle'); END;
            CREATE TRIGGER review_needs_live_cycle BEFORE INSERT ON review
            WHEN EXISTS (SELECT 1 FROM cycle_abandonment WHERE cycle_id = NEW.cycle_id)
            BEGIN SELECT RAISE(ABORT, 'evident: abandoned cycle'); END;
            CREATE TRIGGER evidence_needs_live_cycle BEFORE INSERT ON evidence
            WHEN EXISTS (SELECT 1 FROM cycle_abandonment WHERE cycle_id = NEW.cycle_id)
            BEGIN SELECT RAISE(ABORT, 'evident: abandoned cycle'); END;
            CREATE TRIGGER evidence_abandoned_is_final BEFORE UPDATE ON evidence
            WHEN EXISTS (SELECT 1 FROM cycle_abandonment WHERE cycle_id = OLD.cycle_id)
            BEGIN SELECT RAISE(ABORT, 'evident: abandoned cycle'); END;
            """)
    }

    /// The programme tables (targets, owners and due dates, accepted risks) take no rows for an
    /// abandoned cycle either, as they take none for a closed one; nor does `signoff`, which a
    /// closed cycle still takes.
    static func createAbandonedGuards(_ db: Database) throws {
        var sql = ""
        for table in ["cycle_target", "assignment", "risk_exception", "signoff"] {
            sql += """
                CREATE TRIGGER \(table)_needs_live_cycle BEFORE INSERT ON \(table)
                WHEN EXISTS (SELECT 1 FROM cycle_abandonment WHERE cycle_id = NEW.cycle_id)
                BEGIN SELECT RAISE(ABORT, 'evident: abandoned cycle'); END;

                """
        }
        try db.execute(sql: sql)
    }
}
