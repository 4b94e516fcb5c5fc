import ArgumentParser
import EvidentCore

extension TeamRole: ExpressibleByArgument {}

/// `evident grant LOGIN --role lead|auditor`: admits a server login to the team store.
struct GrantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "Admit a PostgreSQL login to the team store as a lead (may change the record) or an auditor (may read it).")

    @Argument(help: ArgumentHelp("The server login (create it first: CREATE ROLE name LOGIN PASSWORD …).", valueName: "login"))
    var login: String

    @Option(help: "lead: may change the record; auditor: may read it, nothing else.")
    var role: TeamRole

    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await Reporting.run {
            let store = try workspace.open()
            try store.grant(login: login, role: role, session: try workspace.session())
            Terminal.output("\(login) may now \(role == .lead ? "change" : "read") the team store as evident_\(role.rawValue).")
        }
    }
}

/// `evident db copy --from PATH --to URL`: moves a local workspace into an empty team store.
struct DbCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Move a local workspace into a team store.", subcommands: [DbCopyCommand.self])
}

struct DbCopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a local workspace (checklists, cycles, reviews, evidence files, sign-offs, the audit log) into an empty team store, then verify it.")

    @Option(help: ArgumentHelp("The local workspace database (.evident/evident.db).", valueName: "path"))
    var from: String

    @Option(help: ArgumentHelp("The team store: postgres://USER@HOST[:PORT]/DB[?sslmode=…]; USER administers it.", valueName: "url"))
    var to: String

    func run() async throws {
        try await Reporting.run {
            let summary = try Workspace.copy(
                from: WorkspaceLocation(databasePath: from), to: WorkspaceLocation(databasePath: to),
                progress: ProgressLine.make())
            ProgressLine.finish()
            Terminal.output("""
                Copied \(summary.auditEntries) audit entries, \(summary.cycles) cycles, \(summary.reviews) reviews, \
                \(summary.evidence) pieces of evidence (\(summary.files) files) and \(summary.signoffs) sign-offs \
                into \(summary.target); verified: the audit chain is intact and every file matches its SHA-256.
                """)
        }
    }
}
