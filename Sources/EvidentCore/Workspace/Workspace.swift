import Foundation

/// An Evident workspace: the database and the evidence vault beside it. Every user-facing
/// operation (load, start, review, attach, close, verify…) is a method on it, enforcing the
/// rules of SPEC §2–§3 before the store writes.
public struct Workspace: Sendable {
    public let location: WorkspaceLocation
    /// The record: a SQLite file, or a team store on PostgreSQL.
    let database: any RecordStore
    /// The evidence files: the vault folder, or the team store's chunked rows.
    let vault: any EvidenceFiles
    /// The cycle commands use when none is named (`$EVIDENT_CYCLE`); `--cycle` always wins.
    public var defaultCycleName: String?

    init(location: WorkspaceLocation, database: AppDatabase) {
        self.location = location
        self.database = database
        vault = EvidenceVault(directory: location.vaultPath)
    }

    init(location: WorkspaceLocation, store: any RecordStore, files: any EvidenceFiles) {
        self.location = location
        database = store
        vault = files
    }

    /// Which store keeps this workspace's record.
    public var backend: StoreBackend { database.backend }

    /// The store's own consistency check: `["ok"]` when sound.
    public func integrityCheck() throws -> [String] { try database.integrityCheck() }

    /// Creates the workspace (folder, database, vault) when absent; returns it and whether it was created.
    public static func initialize(at location: WorkspaceLocation, session: Session) throws -> (Workspace, created: Bool) {
        let environment = ProcessInfo.processInfo.environment
        if let address = try location.teamStoreAddress(environment: environment) {
            let (workspace, store) = try connectTeamStore(location, address: address, create: true, environment: environment)
            return (workspace, try store.recordCreation(session: session))
        }
        for folder in [location.directory, location.vaultPath] where !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.io("cannot create \(folder): \(error.localizedDescription)")
            }
        }
        let database = try AppDatabase(path: location.databasePath, create: true)
        let created = try database.recordCreation(session: session)
        return (Workspace(location: location, database: database), created)
    }

    /// Opens an existing workspace; a missing one is an error that says to run `evident init`.
    public static func open(at location: WorkspaceLocation) throws -> Workspace {
        let environment = ProcessInfo.processInfo.environment
        if let address = try location.teamStoreAddress(environment: environment) {
            return try connectTeamStore(location, address: address, create: false, environment: environment).0
        }
        if let searched = location.searchedFrom, !FileManager.default.fileExists(atPath: location.databasePath) {
            throw StoreError.noWorkspaceFound(directory: searched)
        }
        return Workspace(location: location, database: try AppDatabase(path: location.databasePath, create: false))
    }
}

// MARK: - Checklists

/// What loading a checklist did.
public enum ChecklistLoadOutcome: Sendable, Equatable {
    /// A new version was stored and is now current.
    case added(StoredChecklistVersion)
    /// The identical content was already loaded: nothing changed.
    case unchanged(StoredChecklistVersion)
}

/// One loaded checklist as `checklist list` shows it (SPEC §4's JSON).
public struct ChecklistListing: Sendable, Equatable, Codable {
    public let id: String
    public let title: String
    public let version: String
    public let sections: Int
    public let items: Int
    public let versions: Int
}

extension Workspace {
    /// Loads checklists: identical content is a no-op, a new version string adds a version, changed
    /// content under a loaded version string is refused. Every conflict is found before anything is stored.
    public func load(_ checklists: [Checklist], session: Session) throws -> [ChecklistLoadOutcome] {
        var plan: [(Checklist, Data, String, StoredChecklistVersion?)] = []
        for checklist in checklists {
            let content = CanonicalJSON.data(checklist)
            let hash = Digest.sha256(content)  // ChecklistContent.hash, from the one encoding
            let existing = try database.checklistVersion(checklistID: checklist.id, version: checklist.version)
            if let existing, existing.contentHash != hash {
                throw WorkflowError.versionChanged(checklist: checklist.id, version: checklist.version)
            }
            plan.append((checklist, content, hash, existing))
        }
        return try plan.map { checklist, content, hash, existing in
            if let existing { return .unchanged(existing) }
            let id = try database.insertChecklistVersion(
                checklist, contentHash: hash, content: String(decoding: content, as: UTF8.self), session: session)
            return .added(try database.checklistVersion(id: id)!)
        }
    }

    /// Every loaded checklist with its current version's counts, sorted by id.
    public func checklistListings() throws -> [ChecklistListing] {
        let versions = try database.checklistVersions()
        let byChecklist = Dictionary(grouping: versions, by: \.checklistID)
        return try byChecklist.keys.sorted().map { id in
            let all = byChecklist[id]!
            let current = all.max { $0.versionID < $1.versionID }!
            return ChecklistListing(
                id: id, title: current.title, version: current.version,
                sections: try database.sections(versionID: current.versionID).count,
                items: try database.items(versionID: current.versionID).count, versions: all.count)
        }
    }

    /// The current version of `checklistID`, or of the only loaded checklist when nil.
    public func currentVersion(checklistID: String?) throws -> StoredChecklistVersion {
        let versions = try database.checklistVersions()
        let ids = Array(Set(versions.map(\.checklistID))).sorted()
        guard !ids.isEmpty else { throw WorkflowError.noChecklists }
        let id: String
        if let checklistID {
            guard ids.contains(checklistID) else { throw WorkflowError.unknownChecklist(checklistID, loaded: ids) }
            id = checklistID
        } else {
            guard ids.count == 1 else { throw WorkflowError.severalChecklists(ids) }
            id = ids[0]
        }
        let mine: [StoredChecklistVersion] = versions.filter { $0.checklistID == id }
        return mine.max { (a: StoredChecklistVersion, b: StoredChecklistVersion) -> Bool in a.versionID < b.versionID }!
    }

    /// The full checklist of a stored version.
    public func checklist(versionID: Int64) throws -> Checklist {
        guard let checklist = try database.checklistContent(versionID: versionID) else {
            throw StoreError.notAWorkspace(path: location.databasePath, reason: "checklist version \(versionID) is unreadable")
        }
        return checklist
    }
}
