import ArgumentParser
import EvidentCore

/// `evident init`: create the workspace (idempotent).
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the workspace: database and evidence vault (safe to run again).")

    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await Reporting.run {
            let location = workspace.locationHere
            let enclosing = workspace.location
            let (_, created) = try Workspace.initialize(at: location, session: try workspace.session())
            if location.isTeamStore {
                Terminal.output(created
                    ? "Created the Evident team store \(location.displayName) (roles evident_lead and evident_auditor)."
                    : "The Evident team store \(location.displayName) is ready; its schema is current.")
                if created { Terminal.output("Next: evident grant LOGIN --role lead, then evident checklist load liasonpay") }
                return
            }
            if created {
                Terminal.output("Created the Evident workspace \(location.databasePath) (evidence vault: \(location.vaultPath)).")
                if enclosing.searchedFrom == nil, enclosing.databasePath != location.databasePath {
                    Terminal.warning("this folder is inside the workspace \(enclosing.databasePath); commands run here now use the new one")
                }
                Terminal.output("Next: evident checklist load liasonpay")
            } else {
                Terminal.output("The Evident workspace \(location.databasePath) already exists; nothing changed.")
            }
        }
    }
}
