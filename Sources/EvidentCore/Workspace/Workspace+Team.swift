import Foundation

extension WorkspaceLocation {
    /// Whether `--db` (or `$EVIDENT_DB`) names a team store on a PostgreSQL server.
    public var isTeamStore: Bool { TeamStoreAddress.isTeamStore(databasePath) }

    /// The team store's address, parsed; `environment` supplies `$PGUSER` and `$PGSSLROOTCERT`.
    public func teamStoreAddress(environment: [String: String]) throws(StoreError) -> TeamStoreAddress? {
        isTeamStore ? try TeamStoreAddress(databasePath, environment: environment) : nil
    }

    /// How the location is named to people: a file path, or the server address without secrets.
    public var displayName: String {
        guard isTeamStore else { return databasePath }
        return (try? TeamStoreAddress(databasePath, environment: ProcessInfo.processInfo.environment))?.description ?? "the team store"
    }
}

extension SessionResolver {
    /// The session of one command on `location`: on a team store the actor is the server login,
    /// and `--as` naming anyone else is refused (77); on SQLite, as `session(actorOption:environment:)`.
    public static func session(
        actorOption: String?, environment: [String: String], location: WorkspaceLocation
    ) throws -> Session {
        guard let address = try location.teamStoreAddress(environment: environment) else {
            return try session(actorOption: actorOption, environment: environment)
        }
        if let option = actorOption?.trimmingCharacters(in: .whitespaces), !option.isEmpty, option != address.user {
            throw StoreError.denied(
                "--as names \(SensitiveData.mask(option).text), but on a team store every change is recorded under the server login \(address.user)",
                hint: "leave out --as, or connect as that person's own login")
        }
        return Session(actor: address.user, now: try now(environment: environment))
    }
}

extension Workspace {
    /// Connects to the team store at `address`; with `create`, creates or migrates its schema and roles.
    static func connectTeamStore(
        _ location: WorkspaceLocation, address: TeamStoreAddress, create: Bool, environment: [String: String]
    ) throws -> (Workspace, PostgresStore) {
        let link = try PostgresLink(address: address, environment: environment)
        let store = PostgresStore(link: link, staging: EvidenceStaging())
        if create { try store.migrate() } else { try store.requireSchema() }
        return (Workspace(location: location, store: store, files: store), store)
    }

    /// The team store behind this workspace, or a clear refusal for a SQLite workspace.
    func teamStore(for command: String) throws -> PostgresStore {
        guard let store = database as? PostgresStore else {
            throw WorkflowError.teamStoreOnly(command: command)
        }
        return store
    }

    /// `evident grant LOGIN --role lead|auditor`: admits a server login to the team store.
    public func grant(login: String, role: TeamRole, session: Session) throws {
        let trimmed = login.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7f }) else {
            throw WorkflowError.emptyText(flag: "LOGIN")
        }
        try teamStore(for: "grant").grant(login: trimmed, role: role, session: session)
    }
}
