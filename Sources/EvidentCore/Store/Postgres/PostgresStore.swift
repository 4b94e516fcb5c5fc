import Foundation

/// The team store: the record on a PostgreSQL server, evidence files included. The same
/// operations as `AppDatabase`, each one transaction; the server's triggers and privileges
/// (`PostgresSchema`) enforce the rules again for every other client.
final class PostgresStore: RecordStore, @unchecked Sendable {
    // Unchecked: `link` serialises its own use; `staged` is only touched under `lock`.
    let link: PostgresLink
    var backend: StoreBackend { .postgres }
    /// Evidence files stored by this process and not yet recorded: their digests and local copies.
    let staging: EvidenceStaging
    let lock = NSLock()

    init(link: PostgresLink, staging: EvidenceStaging) {
        self.link = link
        self.staging = staging
    }

    /// The login every change is recorded under.
    var login: String { link.login }

    // MARK: - Schema

    /// Whether the database holds Evident's schema, and which migrations it has.
    func appliedMigrations() throws -> [String]? {
        let exists = try link.queryRows("SELECT to_regclass('evident.schema_migration') IS NOT NULL").first?.boolean(0) ?? false
        guard exists else { return nil }
        return try link.queryRows("SELECT name FROM schema_migration ORDER BY name").map { $0.requiredString(0) }
    }

    /// Fails with "run evident init" unless the schema is there and current.
    func requireSchema() throws {
        guard link.hasSchema, let applied = try appliedMigrations() else { throw StoreError.noTeamStore(server: link.address.description) }
        let known = Set(PostgresSchema.migrations.map(\.name))
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw StoreError.notAWorkspace(path: link.address.description, reason: "its schema (\(unknown)) is newer than this Evident; upgrade Evident")
        }
        if applied.count < known.count {
            throw StoreError.refused("the team store's schema is older than this Evident: an administrator runs `evident init --db URL` to migrate it")
        }
    }

    /// Creates the roles and the schema, or migrates it: run by the login that administers the
    /// database (it must be able to create roles, or they must exist, and own the database).
    func migrate() throws {
        try link.executeScript(PostgresSchema.roles)
        _ = try link.execute("SELECT 1")
        let isMember = try link.queryRows("SELECT pg_has_role(session_user, 'evident_owner', 'MEMBER')").first?.boolean(0) ?? false
        if !isMember {
            let grant = try link.queryRows("SELECT format('GRANT evident_owner TO %I', session_user)").first?.requiredString(0) ?? ""
            try link.execute(grant)
        }
        try link.transaction {
            try link.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.auditLockKey + 1))")
            let schemaExists = try link.queryRows("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'evident')").first?.boolean(0) ?? false
            if !schemaExists {
                try link.execute("CREATE SCHEMA evident AUTHORIZATION evident_owner")
                try link.execute("REVOKE ALL ON SCHEMA evident FROM PUBLIC")
            }
            try link.execute("SET LOCAL ROLE evident_owner")
            try link.execute("SET LOCAL search_path = evident, pg_catalog")
            let tableExists = try link.queryRows("SELECT to_regclass('evident.schema_migration') IS NOT NULL").first?.boolean(0) ?? false
            let applied = tableExists
                ? Set(try link.queryRows("SELECT name FROM schema_migration").map { $0.requiredString(0) }) : []
            for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                try link.executeScript(migration.sql)
                try link.execute("INSERT INTO schema_migration (name) VALUES ($1)", [.text(migration.name)])
            }
        }
    }

    /// Admits a server login as a lead or an auditor (one role at a time), and logs it.
    func grant(login: String, role: TeamRole, session: Session) throws {
        try requireSchema()
        try write {
            let exists = try link.queryRows("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1 AND rolcanlogin)", [.text(login)])
                .first?.boolean(0) ?? false
            guard exists else {
                throw StoreError.refused("the server has no login named \(login): create it first (CREATE ROLE … LOGIN PASSWORD …)")
            }
            let other: TeamRole = role == .lead ? .auditor : .lead
            for statement in [
                "SELECT format('REVOKE %I FROM %I', $1::text, $2::text)",
                "SELECT format('GRANT %I TO %I', $1::text, $2::text)",
            ] {
                let roleName = statement.contains("REVOKE") ? other.serverRole : role.serverRole
                let sql = try link.queryRows(statement, [.text(roleName), .text(login)]).first?.requiredString(0) ?? ""
                try link.execute(sql)
            }
            try appendAudit(
                session: session, action: "access.grant", cycleID: nil, itemID: nil, subject: login,
                payload: ["login": login, "role": role.rawValue])
        }
    }

    // MARK: - Audit log

    /// Runs `body` in one write transaction that first takes the audit chain's lock: writers take
    /// turns, so row ids and the chain's order agree (the history's order is one order).
    func write<T>(_ body: () throws -> T) throws -> T {
        try link.transaction {
            try link.execute("SELECT pg_advisory_xact_lock($1)", [.integer(PostgresSchema.auditLockKey)])
            return try body()
        }
    }

    /// Appends an audit entry chained to the head, inside the caller's transaction: the
    /// transaction-level lock makes concurrent writers take turns, so the chain stays linear.
    @discardableResult
    func appendAudit(
        session: Session, action: String, cycleID: Int64?, itemID: String?, subject: String, payload: some Encodable
    ) throws -> AuditEntry {
        try link.execute("SELECT pg_advisory_xact_lock($1)", [.integer(PostgresSchema.auditLockKey)])
        let head = try link.queryRows("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first
        let seq = (head?.integer(0) ?? 0) + 1
        let previousHash = head?.string(1) ?? AuditEntry.genesisHash
        let payloadText = CanonicalJSON.string(payload)
        let hash = AuditChain.hash(
            seq: seq, at: session.now, actor: session.actor, action: action, cycleID: cycleID, itemID: itemID,
            subject: subject, payload: payloadText, previousHash: previousHash)
        try link.execute(
            """
            INSERT INTO audit_log (seq, at, actor, action, cycle_id, item_id, subject, payload, previous_hash, hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """,
            [.integer(seq), .time(session.now), .text(session.actor), .text(action), .integer(cycleID), .text(itemID),
             .text(subject), .text(payloadText), .text(previousHash), .text(hash)])
        return AuditEntry(
            seq: seq, at: session.now, actor: session.actor, action: action, cycleID: cycleID, itemID: itemID,
            subject: subject, payload: payloadText, previousHash: previousHash, hash: hash)
    }

    static let auditColumns = "seq, at, actor, action, cycle_id, item_id, subject, payload, previous_hash, hash"

    static func auditEntry(_ row: PostgresRowValues) -> AuditEntry {
        AuditEntry(
            seq: row.requiredInteger(0), at: row.requiredTime(1), actor: row.requiredString(2), action: row.requiredString(3),
            cycleID: row.integer(4), itemID: row.string(5), subject: row.requiredString(6), payload: row.requiredString(7),
            previousHash: row.requiredString(8), hash: row.requiredString(9))
    }

    func auditEntries(cycleID: Int64?, itemID: String?) throws -> [AuditEntry] {
        try link.queryRows(
            """
            SELECT \(Self.auditColumns) FROM audit_log
            WHERE ($1::bigint IS NULL OR cycle_id = $1) AND ($2::text IS NULL OR item_id = $2) ORDER BY seq
            """, [.integer(cycleID), .text(itemID)]
        ).map(Self.auditEntry)
    }

    func auditEntries(seqFrom first: Int64, through last: Int64) throws -> [AuditEntry] {
        try link.queryRows(
            "SELECT \(Self.auditColumns) FROM audit_log WHERE seq >= $1 AND seq <= $2 ORDER BY seq",
            [.integer(first), .integer(last)]
        ).map(Self.auditEntry)
    }

    func recordCreation(session: Session) throws -> Bool {
        try write {
            try link.execute("SELECT pg_advisory_xact_lock($1)", [.integer(PostgresSchema.auditLockKey)])
            guard try link.queryRows("SELECT count(*) FROM workspace").first?.integer(0) == 0 else { return false }
            try link.execute(
                "INSERT INTO workspace (id, format, created_at, created_by) VALUES (1, $1, $2, $3)",
                [.integer(Int64(WorkspaceFormat.current)), .time(session.now), .text(session.actor)])
            try appendAudit(session: session, action: "workspace.init", cycleID: nil, itemID: nil, subject: "workspace",
                            payload: ["format": WorkspaceFormat.current])
            return true
        }
    }

    /// The server's own checks: every evidence file whole (its chunks add up to its size).
    func integrityCheck() throws -> [String] {
        let broken = try link.queryRows(
            """
            SELECT f.digest FROM evidence_file f LEFT JOIN evidence_chunk c ON c.digest = f.digest
            GROUP BY f.digest, f.size, f.chunks
            HAVING coalesce(sum(octet_length(c.bytes)), 0) <> f.size OR count(c.seq) <> f.chunks
            ORDER BY f.digest
            """)
        return broken.isEmpty ? ["ok"] : broken.map { "evidence file \($0.requiredString(0)) is incomplete in the team store" }
    }

    // MARK: - Checklists

    private static let versionColumns = "id, checklist_id, version, title, content_hash, loaded_at, loaded_by"

    private static func version(_ row: PostgresRowValues) -> StoredChecklistVersion {
        StoredChecklistVersion(
            versionID: row.requiredInteger(0), checklistID: row.requiredString(1), version: row.requiredString(2),
            title: row.requiredString(3), contentHash: row.requiredString(4), loadedAt: row.requiredTime(5),
            loadedBy: row.requiredString(6))
    }

    func checklistVersion(checklistID: String, version: String) throws -> StoredChecklistVersion? {
        try link.queryRows(
            "SELECT \(Self.versionColumns) FROM checklist_version WHERE checklist_id = $1 AND version = $2",
            [.text(checklistID), .text(version)]
        ).first.map(Self.version)
    }

    func checklistVersion(id versionID: Int64) throws -> StoredChecklistVersion? {
        try link.queryRows("SELECT \(Self.versionColumns) FROM checklist_version WHERE id = $1", [.integer(versionID)])
            .first.map(Self.version)
    }

    func checklistVersions() throws -> [StoredChecklistVersion] {
        try link.queryRows("SELECT \(Self.versionColumns) FROM checklist_version ORDER BY id").map(Self.version)
    }

    func insertChecklistVersion(_ checklist: Checklist, contentHash: String, content: String?, session: Session) throws -> Int64 {
        let definitionHashes = ChecklistContent.definitionHashes(checklist)
        return try write {
            let versionID = try link.queryRows(
                """
                INSERT INTO checklist_version (checklist_id, version, title, content_hash, content, loaded_at, loaded_by)
                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
                """,
                [.text(checklist.id), .text(checklist.version), .text(checklist.title), .text(contentHash),
                 .text(content ?? CanonicalJSON.string(checklist)), .time(session.now), .text(session.actor)]
            ).first?.requiredInteger(0) ?? 0
            // Sections and items go in batches of unnested arrays: one round trip per thousand rows.
            let sections = checklist.sections
            try link.execute(
                """
                INSERT INTO checklist_section (version_id, position, section_id, title)
                SELECT $1, position - 1, section_id, title FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS s(section_id, title, position)
                """,
                [.integer(versionID), .text(Self.arrayLiteral(sections.map(\.id))), .text(Self.arrayLiteral(sections.map(\.title)))])
            let items = checklist.items
            for start in stride(from: 0, to: items.count, by: 1000) {
                let batch = items[start..<min(start + 1000, items.count)]
                try link.execute(
                    """
                    INSERT INTO checklist_item (version_id, position, item_id, section_id, title, severity, max_age_days,
                        applies_when, checks, definition_hash)
                    SELECT $1, $2 + position - 1, item_id, section_id, title, severity, nullif(max_age, '')::integer,
                        applies_when, checks, definition_hash
                    FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
                        WITH ORDINALITY AS i(item_id, section_id, title, severity, max_age, applies_when, checks, definition_hash, position)
                    """,
                    [.integer(versionID), .integer(Int64(start)),
                     .text(Self.arrayLiteral(batch.map(\.id))), .text(Self.arrayLiteral(batch.map(\.sectionID))),
                     .text(Self.arrayLiteral(batch.map(\.title))), .text(Self.arrayLiteral(batch.map(\.severity.rawValue))),
                     .text(Self.arrayLiteral(batch.map { $0.maxAgeDays.map(String.init) ?? "" })),
                     .text(Self.arrayLiteral(batch.map { CanonicalJSON.string($0.appliesWhen) })),
                     .text(Self.arrayLiteral(batch.map { CanonicalJSON.string($0.checks) })),
                     .text(Self.arrayLiteral(Array(definitionHashes[start..<start + batch.count])))])
            }
            try appendAudit(
                session: session, action: "checklist.load", cycleID: nil, itemID: nil,
                subject: "\(checklist.id) \(checklist.version)",
                payload: ChecklistLoadPayload(
                    checklist: checklist.id, version: checklist.version, contentHash: contentHash,
                    sections: checklist.sections.count, items: checklist.items.count))
            return versionID
        }
    }

    /// A PostgreSQL array literal of `values`, every element quoted and escaped (bound as one text parameter).
    static func arrayLiteral(_ values: [String]) -> String {
        var text = "{"
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            text += "\""
            for character in value.unicodeScalars {
                if character == "\"" || character == "\\" { text += "\\" }
                text.unicodeScalars.append(character)
            }
            text += "\""
        }
        return text + "}"
    }

    func checklistContent(versionID: Int64) throws -> Checklist? {
        try link.queryRows("SELECT content FROM checklist_version WHERE id = $1", [.integer(versionID)])
            .first?.string(0).flatMap { CanonicalJSON.decode(Checklist.self, from: $0) }
    }

    func sections(versionID: Int64) throws -> [ChecklistSectionRecord] {
        try link.queryRows(
            "SELECT version_id, position, section_id, title FROM checklist_section WHERE version_id = $1 ORDER BY position",
            [.integer(versionID)]
        ).map {
            ChecklistSectionRecord(versionID: $0.requiredInteger(0), position: Int($0.requiredInteger(1)),
                                   sectionID: $0.requiredString(2), title: $0.requiredString(3))
        }
    }

    func allItemIDs() throws -> [String] {
        try link.queryRows("SELECT DISTINCT item_id COLLATE \"C\" FROM checklist_item ORDER BY 1").map { $0.requiredString(0) }
    }

    func items(versionID: Int64) throws -> [ChecklistItemRecord] {
        try link.queryRows(
            """
            SELECT version_id, position, item_id, section_id, title, severity, max_age_days, applies_when, checks, definition_hash
            FROM checklist_item WHERE version_id = $1 ORDER BY position
            """, [.integer(versionID)]
        ).map {
            ChecklistItemRecord(
                versionID: $0.requiredInteger(0), position: Int($0.requiredInteger(1)), itemID: $0.requiredString(2),
                sectionID: $0.requiredString(3), title: $0.requiredString(4),
                severity: Severity(rawValue: $0.requiredString(5)) ?? .medium, maxAgeDays: $0.integer(6).map(Int.init),
                appliesWhen: $0.requiredString(7), checks: $0.requiredString(8), definitionHash: $0.requiredString(9))
        }
    }

    // MARK: - Cycles

    private static let cycleSelection = """
        SELECT cycle.id, cycle.name, cycle.checklist_id, cycle.version_id, cycle.version, cycle.scope, cycle.state,
            cycle.started_at, cycle.started_by, cycle.closed_at, cycle.closed_by, cycle.carried_from_cycle_id,
            cycle_target.target, cycle_abandonment.reason, cycle_abandonment.at, cycle_abandonment.actor
        FROM cycle
        LEFT JOIN cycle_target ON cycle_target.cycle_id = cycle.id
        LEFT JOIN cycle_abandonment ON cycle_abandonment.cycle_id = cycle.id
        """

    private static func cycle(_ row: PostgresRowValues) -> Cycle {
        let abandonedAt = row.time(14)
        return Cycle(
            id: row.requiredInteger(0), name: row.requiredString(1), checklistID: row.requiredString(2),
            versionID: row.requiredInteger(3), version: row.requiredString(4),
            scope: CanonicalJSON.decode([String].self, from: row.requiredString(5)) ?? [],
            state: abandonedAt == nil ? (Cycle.State(rawValue: row.requiredString(6)) ?? .open) : .abandoned,
            startedAt: row.requiredTime(7), startedBy: row.requiredString(8), closedAt: row.time(9), closedBy: row.string(10),
            carriedFromCycleID: row.integer(11), target: row.string(12),
            abandonment: abandonedAt.map { Cycle.Abandonment(reason: row.requiredString(13), at: $0, by: row.requiredString(15)) })
    }

    func cycle(named name: String) throws -> Cycle? {
        try link.queryRows(Self.cycleSelection + " WHERE cycle.name = $1", [.text(name)]).first.map(Self.cycle)
    }

    func cycle(id: Int64) throws -> Cycle? {
        try link.queryRows(Self.cycleSelection + " WHERE cycle.id = $1", [.integer(id)]).first.map(Self.cycle)
    }

    func cycles() throws -> [Cycle] {
        try link.queryRows(Self.cycleSelection + " ORDER BY cycle.id").map(Self.cycle)
    }

    func insertCycle(
        name: String, target: String?, version: StoredChecklistVersion, scope: [String], carriedFrom: Int64?,
        content: CycleStartContent, session: Session
    ) throws -> Cycle {
        try write {
            let cycleID = try link.queryRows(
                """
                INSERT INTO cycle (name, checklist_id, version_id, version, scope, state, started_at, started_by, carried_from_cycle_id)
                VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8) RETURNING id
                """,
                [.text(name), .text(version.checklistID), .integer(version.versionID), .text(version.version),
                 .text(CanonicalJSON.string(scope)), .time(session.now), .text(session.actor), .integer(carriedFrom)]
            ).first?.requiredInteger(0) ?? 0
            if let target {
                try link.execute("INSERT INTO cycle_target (cycle_id, target) VALUES ($1, $2)", [.integer(cycleID), .text(target)])
            }
            try appendAudit(
                session: session, action: "cycle.start", cycleID: cycleID, itemID: nil, subject: name,
                payload: CycleStartPayload(
                    cycle: name, target: target, checklist: version.checklistID, version: version.version, scope: scope,
                    carriedFrom: carriedFrom, outOfScope: content.outOfScope.count, carried: content.carried.count,
                    carriedVerdicts: content.carriedVerdicts.isEmpty ? nil : content.carriedVerdicts.count))
            for entry in content.outOfScope {
                try insertReview(cycleID: cycleID, itemID: entry.itemID, status: .na, note: entry.note, session: session)
            }
            for entry in content.carriedVerdicts {
                try insertReview(cycleID: cycleID, itemID: entry.itemID, status: .na, note: entry.note, session: session)
            }
            for evidence in content.carried {
                var copy = evidence
                copy.cycleID = cycleID
                copy.carriedFromID = evidence.id
                copy.addedAt = session.now
                copy.addedBy = session.actor
                try insertEvidenceRow(copy, action: "evidence.carry", session: session)
            }
            return try cycle(id: cycleID)!
        }
    }

    func closeCycle(_ cycle: Cycle, acceptedExpired: [Int64], session: Session) throws -> Cycle {
        // The entry first: the server closes a cycle only in the transaction that logs it.
        try write {
            try appendAudit(
                session: session, action: "cycle.close", cycleID: cycle.id, itemID: nil, subject: cycle.name,
                payload: CycleClosePayload(cycle: cycle.name, acceptedExpired: acceptedExpired.isEmpty ? nil : acceptedExpired))
            try link.execute(
                "UPDATE cycle SET state = 'closed', closed_at = $1, closed_by = $2 WHERE id = $3",
                [.time(session.now), .text(session.actor), .integer(cycle.id)])
            return try self.cycle(id: cycle.id)!
        }
    }

    func abandonCycle(_ cycle: Cycle, reason: String, session: Session) throws -> Cycle {
        try write {
            try link.execute(
                "INSERT INTO cycle_abandonment (cycle_id, reason, at, actor) VALUES ($1, $2, $3, $4)",
                [.integer(cycle.id), .text(reason), .time(session.now), .text(session.actor)])
            try appendAudit(
                session: session, action: "cycle.abandon", cycleID: cycle.id, itemID: nil, subject: cycle.name,
                payload: CycleAbandonPayload(cycle: cycle.name, reason: reason))
            return try self.cycle(id: cycle.id)!
        }
    }

    // MARK: - Reviews

    func insertReviews(_ entries: [ReviewEntry], cycleID: Int64, session: Session) throws -> [Review] {
        try insertReviews(entries, assignments: [], cycleID: cycleID, session: session)
    }

    /// Appends reviews (and assignments) in one transaction. Many reviews — a spreadsheet — go in
    /// batches: ids drawn from the table's sequence, rows and their audit entries sent a thousand
    /// to a statement, the chain's lock held once.
    func insertReviews(_ reviews: [ReviewEntry], assignments: [AssignmentEntry], cycleID: Int64, session: Session) throws -> [Review] {
        try write {
            let recorded: [Review]
            if reviews.count < 8 {
                recorded = try reviews.map {
                    try insertReview(cycleID: cycleID, itemID: $0.itemID, status: $0.status, note: $0.note, session: session)
                }
            } else {
                recorded = try insertReviewBatch(reviews, cycleID: cycleID, session: session)
            }
            for entry in assignments { try insertAssignment(entry, cycleID: cycleID, session: session) }
            return recorded
        }
    }

    private func insertReviewBatch(_ entries: [ReviewEntry], cycleID: Int64, session: Session) throws -> [Review] {
        try link.execute("SELECT pg_advisory_xact_lock($1)", [.integer(PostgresSchema.auditLockKey)])
        let head = try link.queryRows("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first
        var seq = head?.integer(0) ?? 0
        var previousHash = head?.string(1) ?? AuditEntry.genesisHash
        let ids = try link.queryRows(
            "SELECT nextval(pg_get_serial_sequence('evident.review', 'id')) FROM generate_series(1, $1)",
            [.integer(Int64(entries.count))]
        ).map { $0.requiredInteger(0) }
        var reviews: [Review] = []
        var entriesOut: [AuditEntry] = []
        for (entry, id) in zip(entries, ids) {
            let review = Review(id: id, cycleID: cycleID, itemID: entry.itemID, status: entry.status, note: entry.note,
                                actor: session.actor, at: session.now)
            seq += 1
            let payload = CanonicalJSON.string(ReviewPayload(review))
            let hash = AuditChain.hash(
                seq: seq, at: session.now, actor: session.actor, action: "review.record", cycleID: cycleID,
                itemID: entry.itemID, subject: entry.itemID, payload: payload, previousHash: previousHash)
            entriesOut.append(AuditEntry(
                seq: seq, at: session.now, actor: session.actor, action: "review.record", cycleID: cycleID,
                itemID: entry.itemID, subject: entry.itemID, payload: payload, previousHash: previousHash, hash: hash))
            previousHash = hash
            reviews.append(review)
        }
        for start in stride(from: 0, to: reviews.count, by: 1000) {
            let batch = reviews[start..<min(start + 1000, reviews.count)]
            var binds: [PostgresValue] = []
            var tuples: [String] = []
            for review in batch {
                let base = binds.count
                binds += [.integer(review.id), .integer(review.cycleID), .text(review.itemID), .text(review.status.rawValue),
                          .text(review.note), .text(review.actor), .time(review.at)]
                tuples.append("(" + (1...7).map { "$\(base + $0)" }.joined(separator: ", ") + ")")
            }
            try link.execute(
                "INSERT INTO review (id, cycle_id, item_id, status, note, actor, at) VALUES " + tuples.joined(separator: ", "), binds)
        }
        for start in stride(from: 0, to: entriesOut.count, by: 1000) {
            let batch = entriesOut[start..<min(start + 1000, entriesOut.count)]
            var binds: [PostgresValue] = []
            var tuples: [String] = []
            for entry in batch {
                let base = binds.count
                binds += [.integer(entry.seq), .time(entry.at), .text(entry.actor), .text(entry.action), .integer(entry.cycleID),
                          .text(entry.itemID), .text(entry.subject), .text(entry.payload), .text(entry.previousHash), .text(entry.hash)]
                tuples.append("(" + (1...10).map { "$\(base + $0)" }.joined(separator: ", ") + ")")
            }
            try link.execute(
                "INSERT INTO audit_log (\(Self.auditColumns)) VALUES " + tuples.joined(separator: ", "), binds)
        }
        return reviews
    }

    @discardableResult
    private func insertReview(cycleID: Int64, itemID: String, status: ReviewStatus, note: String?, session: Session) throws -> Review {
        let id = try link.queryRows(
            "INSERT INTO review (cycle_id, item_id, status, note, actor, at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            [.integer(cycleID), .text(itemID), .text(status.rawValue), .text(note), .text(session.actor), .time(session.now)]
        ).first?.requiredInteger(0) ?? 0
        let review = Review(id: id, cycleID: cycleID, itemID: itemID, status: status, note: note, actor: session.actor, at: session.now)
        try appendAudit(session: session, action: "review.record", cycleID: cycleID, itemID: itemID, subject: itemID,
                        payload: ReviewPayload(review))
        return review
    }

    private static let reviewColumns = "id, cycle_id, item_id, status, note, actor, at"

    private static func review(_ row: PostgresRowValues) -> Review {
        Review(id: row.requiredInteger(0), cycleID: row.requiredInteger(1), itemID: row.requiredString(2),
               status: ReviewStatus(rawValue: row.requiredString(3)) ?? .fail, note: row.string(4),
               actor: row.requiredString(5), at: row.requiredTime(6))
    }

    func reviews(cycleID: Int64) throws -> [Review] {
        try link.queryRows("SELECT \(Self.reviewColumns) FROM review WHERE cycle_id = $1 ORDER BY id", [.integer(cycleID)])
            .map(Self.review)
    }

    func allReviews() throws -> [Review] {
        try link.queryRows("SELECT \(Self.reviewColumns) FROM review ORDER BY id").map(Self.review)
    }

    // MARK: - Evidence

    func insertEvidence(_ evidence: Evidence, session: Session) throws -> Evidence {
        try insertEvidence([evidence], session: session)[0]
    }

    /// Streams the files in first, then takes the chain's lock for the rows and their entries: a
    /// large file does not keep other writers waiting. One transaction either way.
    func insertEvidence(_ evidence: [Evidence], session: Session) throws -> [Evidence] {
        try link.transaction {
            for digest in Set(evidence.filter(\.hasVaultFile).map(\.digest)).sorted() { try uploadIfStaged(digest) }
            try link.execute("SELECT pg_advisory_xact_lock($1)", [.integer(PostgresSchema.auditLockKey)])
            return try evidence.map { try insertEvidenceRow($0, action: "evidence.add", session: session) }
        }
    }

    /// Inserts one evidence row inside the caller's transaction (its file already in the store).
    @discardableResult
    private func insertEvidenceRow(_ evidence: Evidence, action: String, session: Session) throws -> Evidence {
        let id = try link.queryRows(
            """
            INSERT INTO evidence (cycle_id, item_id, kind, digest, size, file_name, url, note, redacted,
                effective_at, expires_at, added_at, added_by, carried_from_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id
            """,
            [.integer(evidence.cycleID), .text(evidence.itemID), .text(evidence.kind.rawValue), .text(evidence.digest),
             .integer(evidence.size), .text(evidence.fileName), .text(evidence.url), .text(evidence.note),
             .boolean(evidence.redacted), .time(evidence.effectiveAt), .time(evidence.expiresAt), .time(evidence.addedAt),
             .text(evidence.addedBy), .integer(evidence.carriedFromID)]
        ).first?.requiredInteger(0) ?? 0
        var stored = evidence
        stored.id = id
        try appendAudit(
            session: session, action: action, cycleID: stored.cycleID, itemID: stored.itemID,
            subject: "\(stored.itemID) #\(stored.id)", payload: EvidencePayload(stored))
        return stored
    }

    static let evidenceColumns = """
        id, cycle_id, item_id, kind, digest, size, file_name, url, note, redacted, effective_at, expires_at, added_at,
        added_by, carried_from_id, withdrawn_at, withdrawn_by, withdraw_reason, purged_at
        """

    static func evidence(_ row: PostgresRowValues) -> Evidence {
        Evidence(
            id: row.requiredInteger(0), cycleID: row.requiredInteger(1), itemID: row.requiredString(2),
            kind: EvidenceKind(rawValue: row.requiredString(3)) ?? .note, digest: row.requiredString(4),
            size: row.requiredInteger(5), fileName: row.string(6), url: row.string(7), note: row.string(8),
            redacted: row.boolean(9) ?? false, effectiveAt: row.requiredTime(10), expiresAt: row.time(11),
            addedAt: row.requiredTime(12), addedBy: row.requiredString(13), carriedFromID: row.integer(14),
            withdrawnAt: row.time(15), withdrawnBy: row.string(16), withdrawReason: row.string(17), purgedAt: row.time(18))
    }

    func evidence(id: Int64) throws -> Evidence? {
        try link.queryRows("SELECT \(Self.evidenceColumns) FROM evidence WHERE id = $1", [.integer(id)]).first.map(Self.evidence)
    }

    func evidence(cycleID: Int64, itemID: String?) throws -> [Evidence] {
        try link.queryRows(
            "SELECT \(Self.evidenceColumns) FROM evidence WHERE cycle_id = $1 AND ($2::text IS NULL OR item_id = $2) ORDER BY id",
            [.integer(cycleID), .text(itemID)]
        ).map(Self.evidence)
    }

    func allEvidence() throws -> [Evidence] {
        try link.queryRows("SELECT \(Self.evidenceColumns) FROM evidence ORDER BY id").map(Self.evidence)
    }

    func withdrawEvidence(_ evidence: Evidence, reason: String, session: Session) throws -> Evidence {
        try write {
            try appendAudit(
                session: session, action: "evidence.withdraw", cycleID: evidence.cycleID, itemID: evidence.itemID,
                subject: "\(evidence.itemID) #\(evidence.id)",
                payload: WithdrawPayload(evidenceID: evidence.id, digest: evidence.digest, reason: reason))
            try link.execute(
                "UPDATE evidence SET withdrawn_at = $1, withdrawn_by = $2, withdraw_reason = $3 WHERE id = $4",
                [.time(session.now), .text(session.actor), .text(reason), .integer(evidence.id)])
            return try self.evidence(id: evidence.id)!
        }
    }

    func markPurged(_ evidence: [Evidence], session: Session) throws {
        try write {
            for row in evidence {
                try appendAudit(
                    session: session, action: "evidence.purge", cycleID: row.cycleID, itemID: row.itemID,
                    subject: "\(row.itemID) #\(row.id)", payload: WithdrawPayload(evidenceID: row.id, digest: row.digest, reason: nil))
                try link.execute("UPDATE evidence SET purged_at = $1 WHERE id = $2", [.time(session.now), .integer(row.id)])
            }
            for digest in Set(evidence.map(\.digest)).sorted() {
                try link.execute("SELECT evident_purge_file($1)", [.text(digest)])
            }
        }
    }

    func evidenceSharingFile(digest: String, excluding id: Int64) throws -> [Evidence] {
        try link.queryRows(
            """
            SELECT \(Self.evidenceColumns) FROM evidence
            WHERE digest = $1 AND id <> $2 AND kind IN ('file', 'scan') AND purged_at IS NULL ORDER BY id
            """, [.text(digest), .integer(id)]
        ).map(Self.evidence)
    }

    // MARK: - Programme

    func insertAssignments(_ entries: [AssignmentEntry], cycleID: Int64, session: Session) throws -> [Assignment] {
        try write { try entries.map { try insertAssignment($0, cycleID: cycleID, session: session) } }
    }

    @discardableResult
    private func insertAssignment(_ entry: AssignmentEntry, cycleID: Int64, session: Session) throws -> Assignment {
        let id = try link.queryRows(
            "INSERT INTO assignment (cycle_id, item_id, owner, due_at, actor, at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            [.integer(cycleID), .text(entry.itemID), .text(entry.owner), .time(entry.dueAt), .text(session.actor), .time(session.now)]
        ).first?.requiredInteger(0) ?? 0
        let assignment = Assignment(
            id: id, cycleID: cycleID, itemID: entry.itemID, owner: entry.owner, dueAt: entry.dueAt, actor: session.actor,
            at: session.now)
        try appendAudit(session: session, action: "item.assign", cycleID: cycleID, itemID: entry.itemID, subject: entry.itemID,
                        payload: AssignmentPayload(assignment))
        return assignment
    }

    private static func assignment(_ row: PostgresRowValues) -> Assignment {
        Assignment(id: row.requiredInteger(0), cycleID: row.requiredInteger(1), itemID: row.requiredString(2),
                   owner: row.requiredString(3), dueAt: row.time(4), actor: row.requiredString(5), at: row.requiredTime(6))
    }

    func assignments(cycleID: Int64) throws -> [Assignment] {
        try link.queryRows(
            "SELECT id, cycle_id, item_id, owner, due_at, actor, at FROM assignment WHERE cycle_id = $1 ORDER BY id", [.integer(cycleID)]
        ).map(Self.assignment)
    }

    func allAssignments() throws -> [Assignment] {
        try link.queryRows("SELECT id, cycle_id, item_id, owner, due_at, actor, at FROM assignment ORDER BY id").map(Self.assignment)
    }

    func insertException(_ entry: ExceptionEntry, cycleID: Int64, session: Session) throws -> RiskException {
        try write {
            let id = try link.queryRows(
                """
                INSERT INTO risk_exception (cycle_id, item_id, item_status, reason, approved_by, expires_at, actor, at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
                """,
                [.integer(cycleID), .text(entry.itemID), .text(entry.itemStatus.rawValue), .text(entry.reason),
                 .text(entry.approvedBy), .time(entry.expiresAt), .text(session.actor), .time(session.now)]
            ).first?.requiredInteger(0) ?? 0
            let exception = RiskException(
                id: id, cycleID: cycleID, itemID: entry.itemID, itemStatus: entry.itemStatus, reason: entry.reason,
                approvedBy: entry.approvedBy, expiresAt: entry.expiresAt, actor: session.actor, at: session.now)
            try appendAudit(session: session, action: "exception.add", cycleID: cycleID, itemID: entry.itemID,
                            subject: entry.itemID, payload: ExceptionPayload(exception))
            return exception
        }
    }

    private static let exceptionColumns = "id, cycle_id, item_id, item_status, reason, approved_by, expires_at, actor, at"

    private static func exception(_ row: PostgresRowValues) -> RiskException {
        RiskException(
            id: row.requiredInteger(0), cycleID: row.requiredInteger(1), itemID: row.requiredString(2),
            itemStatus: ReviewStatus(rawValue: row.requiredString(3)) ?? .fail, reason: row.requiredString(4),
            approvedBy: row.requiredString(5), expiresAt: row.requiredTime(6), actor: row.requiredString(7), at: row.requiredTime(8))
    }

    func exceptions(cycleID: Int64) throws -> [RiskException] {
        try link.queryRows("SELECT \(Self.exceptionColumns) FROM risk_exception WHERE cycle_id = $1 ORDER BY id", [.integer(cycleID)])
            .map(Self.exception)
    }

    func allExceptions() throws -> [RiskException] {
        try link.queryRows("SELECT \(Self.exceptionColumns) FROM risk_exception ORDER BY id").map(Self.exception)
    }

    // MARK: - Sign-offs

    func insertSignoff(_ signoff: Signoff, cycleName: String, session: Session) throws -> Signoff {
        try write {
            let id = try link.queryRows(
                """
                INSERT INTO signoff (cycle_id, signer, statement, at, digest, signature, public_key)
                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
                """,
                [.integer(signoff.cycleID), .text(signoff.signer), .text(signoff.statement), .time(signoff.at),
                 .text(signoff.digest), .text(signoff.signature), .text(signoff.publicKey)]
            ).first?.requiredInteger(0) ?? 0
            var stored = signoff
            stored.id = id
            try appendAudit(session: session, action: "signoff.add", cycleID: signoff.cycleID, itemID: nil, subject: cycleName,
                            payload: SignoffPayload(stored))
            return stored
        }
    }

    private static let signoffColumns = "id, cycle_id, signer, statement, at, digest, signature, public_key"

    private static func signoff(_ row: PostgresRowValues) -> Signoff {
        Signoff(id: row.requiredInteger(0), cycleID: row.requiredInteger(1), signer: row.requiredString(2),
                statement: row.requiredString(3), at: row.requiredTime(4), digest: row.requiredString(5),
                signature: row.string(6), publicKey: row.string(7))
    }

    func signoffs(cycleID: Int64) throws -> [Signoff] {
        try link.queryRows("SELECT \(Self.signoffColumns) FROM signoff WHERE cycle_id = $1 ORDER BY id", [.integer(cycleID)])
            .map(Self.signoff)
    }

    func signers(publicKey: String) throws -> [String] {
        try link.queryRows("SELECT DISTINCT signer COLLATE \"C\" FROM signoff WHERE public_key = $1 ORDER BY 1", [.text(publicKey)])
            .map { $0.requiredString(0) }
    }

    func allSignoffs() throws -> [Signoff] {
        try link.queryRows("SELECT \(Self.signoffColumns) FROM signoff ORDER BY id").map(Self.signoff)
    }
}

/// A team store role `evident grant` gives a login.
public enum TeamRole: String, Sendable, CaseIterable {
    /// May change the record: reviews, evidence, cycles, sign-offs.
    case lead
    /// May read the record, nothing else.
    case auditor

    var serverRole: String { "evident_\(rawValue)" }
}

extension ChecklistSectionRecord {
    init(versionID: Int64, position: Int, sectionID: String, title: String) {
        self.versionID = versionID
        self.position = position
        self.sectionID = sectionID
        self.title = title
    }
}

extension ChecklistItemRecord {
    init(versionID: Int64, position: Int, itemID: String, sectionID: String, title: String, severity: Severity,
         maxAgeDays: Int?, appliesWhen: String, checks: String, definitionHash: String) {
        self.versionID = versionID
        self.position = position
        self.itemID = itemID
        self.sectionID = sectionID
        self.title = title
        self.severity = severity
        self.maxAgeDays = maxAgeDays
        self.appliesWhen = appliesWhen
        self.checks = checks
        self.definitionHash = definitionHash
    }
}
