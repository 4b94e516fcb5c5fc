import Foundation

/// The team store: the record on a PostgreSQL server, evidence files included. The same
/// operations as `AppDatabase`, each one transaction; the server's triggers and privileges
/// (`PostgresSchema`) enforce the rules again for every other client.
final class PostgresStore: RecordStore, @unchecked Sendable {
    // Unchecked: both properties are immutable references to classes that serialise their own use.
    let link: PostgresLink
    var backend: StoreBackend { .postgres }
    /// Evidence files stored by this process and not yet recorded: their digests and local copies.
    let staging: EvidenceStaging

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

    /// The head of the chain: the last entry's number and hash (0 and the genesis hash when empty).
    func chainHead() throws -> (seq: Int64, hash: String) {
        let head = try link.queryRows("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first
        return (head?.integer(0) ?? 0, head?.string(1) ?? AuditEntry.genesisHash)
    }

    /// Appends an audit entry chained to the head, inside the caller's transaction, which holds the
    /// chain's lock (`write`): concurrent writers take turns, so the chain stays linear.
    @discardableResult
    func appendAudit(
        session: Session, action: String, cycleID: Int64?, itemID: String?, subject: String, payload: some Encodable
    ) throws -> AuditEntry {
        let head = try chainHead()
        let entry = AuditChain.entry(
            seq: head.seq + 1, previousHash: head.hash, session: session, action: action, cycleID: cycleID, itemID: itemID,
            subject: subject, payload: CanonicalJSON.string(payload))
        try link.insertRows(into: "audit_log", columns: Self.auditColumnNames, rows: [Self.values(entry)])
        return entry
    }

    static let auditColumnNames = ["seq", "at", "actor", "action", "cycle_id", "item_id", "subject", "payload", "previous_hash", "hash"]

    /// An entry's values in the order of `auditColumnNames`.
    static func values(_ entry: AuditEntry) -> [PostgresValue] {
        [.integer(entry.seq), .time(entry.at), .text(entry.actor), .text(entry.action), .integer(entry.cycleID),
         .text(entry.itemID), .text(entry.subject), .text(entry.payload), .text(entry.previousHash), .text(entry.hash)]
    }

    static let auditColumns = auditColumnNames.joined(separator: ", ")

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

}

/// A team store role
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
