import ArgumentParser
import EvidentCore

/// `evident verify`: check the workspace's audit chain and every vault file.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the audit chain, the rows it recorded and every vault file.",
        discussion: "Exits 0 when everything holds and 1 naming each problem.")

    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await Reporting.run {
            let result = try workspace.open().verify()
            for note in result.notes { Terminal.note("note: " + note) }
            for problem in result.problems { Terminal.output("FAILED: " + problem) }
            let summary = "\(result.auditEntries) audit entries, \(result.vaultFiles) vault files"
            if result.isSound {
                Terminal.output("verified: \(summary); the audit chain and every vault file hold.")
            } else {
                Terminal.error("verification failed: \(result.problems.count) problem\(result.problems.count == 1 ? "" : "s") (\(summary))")
                throw ExitCode(1)
            }
        }
    }
}
