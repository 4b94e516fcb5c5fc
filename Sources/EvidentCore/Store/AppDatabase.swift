import Foundation
import GRDB

/// The workspace database: one connection pool in WAL mode, foreign keys on, a busy timeout so two
/// commands at once wait for each other, migrations run on open. All of Evident's SQL lives in
/// `Store/`, always with bound parameters.
public struct AppDatabase: RecordStore {
    var backend: StoreBackend { .sqlite }

    private let dbWriter: any DatabaseWriter

    /// Opens the database at `path`, creating it when `create` is true; migrates it either way.
    public init(path: String, create: Bool) throws(StoreError) {
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw .noWorkspace(path: path)
        }
        do {
            dbWriter = try DatabasePool(path: path, configuration: Self.configuration())
            try Migrations.migrator.migrate(dbWriter)
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
                throw .notAWorkspace(path: path, reason: "the file is not an SQLite database")
            }
            throw StoreError.from(error)
        } catch {
            throw .io(error.localizedDescription)
        }
    }

    /// An in-memory database for tests.
    public init() throws(StoreError) {
        do {
            dbWriter = try DatabaseQueue(configuration: Self.configuration())
            try Migrations.migrator.migrate(dbWriter)
        } catch {
            throw .io(error.localizedDescription)
        }
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            // Evidence must survive power loss once a command said it was stored.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    // MARK: - Access

    /// Runs `body` in one write transaction; database errors become `StoreError`s.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try dbWriter.write(body)
        } catch let error as DatabaseError {
            throw StoreError.from(error)
        }
    }

    /// Runs `body` on a consistent snapshot; database errors become `StoreError`s.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try dbWriter.read(body)
        } catch let error as DatabaseError {
            throw StoreError.from(error)
        }
    }

    /// `PRAGMA integrity_check`'s answer: `["ok"]` for a sound database.
    public func integrityCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    // MARK: - Audit log

    /// Appends an audit entry chained to the last one, inside the caller's transaction.
    @discardableResult
    func appendAudit(
        _ db: Database, session: Session, action: String, cycleID: Int64? = nil, itemID: String? = nil,
        subject: String, payload: some Encodable
    ) throws -> AuditEntry {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        let seq: Int64 = (last?["seq"] ?? 0) + 1
        let previousHash: String = last?["hash"] ?? AuditEntry.genesisHash
        let entry = AuditChain.entry(
            seq: seq, previousHash: previousHash, session: session, action: action, cycleID: cycleID, itemID: itemID,
            subject: subject, payload: CanonicalJSON.string(payload))
        try db.execute(
            sql: """
                INSERT INTO audit_log (seq, at, actor, action, cycle_id, item_id, subject, payload, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [entry.seq, entry.at, entry.actor, entry.action, entry.cycleID, entry.itemID, entry.subject,
                        entry.payload, entry.previousHash, entry.hash])
        return entry
    }

    /// The audit log, oldest first, optionally only one cycle's or one item's entries.
    /// Every entry numbered `first` through `last`, in order: a stretch of the one chain.
    func auditEntries(seqFrom first: Int64, through last: Int64) throws -> [AuditEntry] {
        try read { db in
            try AuditEntry.filter(Column("seq") >= first && Column("seq") <= last).order(Column("seq")).fetchAll(db)
        }
    }

    public func auditEntries(cycleID: Int64? = nil, itemID: String? = nil) throws -> [AuditEntry] {
        try read { db in
            var request = AuditEntry.all()
            if let cycleID { request = request.filter(Column("cycle_id") == cycleID) }
            if let itemID { request = request.filter(Column("item_id") == itemID) }
            return try request.order(Column("seq")).fetchAll(db)
        }
    }

    // MARK: - Workspace

    /// Records the workspace's creation once; returns whether this call created it.
    public func recordCreation(session: Session) throws -> Bool {
        try write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM workspace") == 0 else { return false }
            try db.execute(
                sql: "INSERT INTO workspace (id, format, created_at, created_by) VALUES (1, ?, ?, ?)",
                arguments: [WorkspaceFormat.current, session.now, session.actor])
            try appendAudit(db, session: session, action: "workspace.init", subject: "workspace",
                            payload: ["format": WorkspaceFormat.current])
            return true
        }
    }
}

/// The workspace layout's version.
public enum WorkspaceFormat {
    public static let current = 1
}
