import Foundation
import GRDB
import NIOCore

/// What `db copy` moved.
public struct CopySummary: Sendable {
    public var target = ""
    public var auditEntries = 0
    public var cycles = 0
    public var reviews = 0
    public var evidence = 0
    public var files = 0
    public var signoffs = 0
}

extension PostgresStore {
    /// Copies every row of `source` and every file of `vault` its evidence needs into this store,
    /// in one transaction: actors, times, ids and audit hashes exactly as they were. Refuses a
    /// store that holds anything; an interruption leaves it as it was (the server rolls back).
    func copy(from source: AppDatabase, vault: EvidenceVault, progress: WorkProgress) throws -> CopySummary {
        var summary = CopySummary(target: link.address.description)
        try write {
            try link.execute("SELECT set_config('evident.copy', 'on', true)")
            guard try link.queryRows("SELECT evident_copying()").first?.boolean(0) == true else {
                throw StoreError.denied(
                    "the login \(login) does not administer this team store, so it cannot copy history into it",
                    hint: "run `evident db copy` as the login that ran `evident init --db URL`")
            }
            let held = try link.queryRows(
                "SELECT (SELECT count(*) FROM workspace) + (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM checklist_version)"
            ).first?.integer(0) ?? 0
            guard held == 0 else {
                throw StoreError.refused(
                    "the team store \(link.address.description) is not empty; db copy only fills an empty one "
                        + "(create a new database for it; db copy creates the schema itself, without `evident init`)")
            }
            for table in RecordTables.all {
                let rows = try source.tableRows(table)
                try link.insertRows(into: table, columns: rows.columns, rows: rows.rows.map { zip(rows.columns, $0).map(Self.value) })
                switch table {
                case "audit_log": summary.auditEntries = rows.rows.count
                case "cycle": summary.cycles = rows.rows.count
                case "review": summary.reviews = rows.rows.count
                case "evidence": summary.evidence = rows.rows.count
                case "signoff": summary.signoffs = rows.rows.count
                default: break
                }
            }
            for table in RecordTables.numbered {
                try link.execute(
                    "SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce((SELECT max(id) FROM \(table)), 0) + 1, false)",
                    [.text("evident." + table)])
            }
            let needed = try link.queryRows(
                "SELECT DISTINCT digest FROM evidence WHERE kind IN ('file', 'scan') AND purged_at IS NULL ORDER BY digest"
            ).map { $0.requiredString(0) }
            for (index, digest) in needed.enumerated() {
                progress.update("copying evidence files", done: Int64(index), total: Int64(needed.count))
                try upload(digest: digest, from: vault.localFile(for: digest))
            }
            summary.files = needed.count
        }
        return summary
    }

    /// A stored SQLite value as a bound one; `redacted`, SQLite's 0/1, is the only boolean column.
    private static func value(column: String, _ value: DatabaseValue) -> PostgresValue {
        switch value.storage {
        case .null: return .null
        case let .int64(number): return column == "redacted" ? .boolean(number != 0) : .integer(number)
        case let .double(number): return .integer(Int64(number))
        case let .string(text): return .text(text)
        case let .blob(data): return .text(String(decoding: data, as: UTF8.self))
        }
    }

    /// Streams the local file `path` (content `digest`) into the store's chunks, checking its hash.
    private func upload(digest: String, from path: String) throws {
        staging.adoptFile(digest, path)
        try uploadIfStaged(digest)
    }
}

extension Workspace {
    /// `evident db copy`: the local workspace at `source` into the empty team store at `target`,
    /// then verified there (audit chain recomputed, every row against its entry, every file re-hashed)
    /// and its chain head compared with the source's.
    public static func copy(from source: WorkspaceLocation, to target: WorkspaceLocation, progress: WorkProgress = .none) throws -> CopySummary {
        guard !source.isTeamStore else { throw StoreError.badAddress("--from names a local workspace database (.evident/evident.db)") }
        guard target.isTeamStore else { throw StoreError.badAddress("--to must be a postgres:// URL") }
        let environment = ProcessInfo.processInfo.environment
        let local = try Workspace.open(at: source)
        guard let database = local.database as? AppDatabase, let vault = local.vault as? EvidenceVault else {
            throw StoreError.badAddress("--from names a local workspace database")
        }
        let sourceCheck = try local.verify()
        guard sourceCheck.isSound else {
            throw StoreError.refused("the local workspace does not verify (\(sourceCheck.problems.first ?? "")); fix it before copying")
        }
        let address = try target.teamStoreAddress(environment: environment)!
        let (team, store) = try connectTeamStore(target, address: address, create: true, environment: environment)
        let summary = try store.copy(from: database, vault: vault, progress: progress)
        let check = try team.verify(progress: progress)
        guard check.isSound else {
            throw StoreError.refused("the copy does not verify: \(check.problems.prefix(3).joined(separator: "; "))")
        }
        guard try database.auditEntries().last?.hash == team.database.auditEntries().last?.hash else {
            throw StoreError.refused("the copy's audit chain does not end where the local workspace's does")
        }
        return summary
    }
}
