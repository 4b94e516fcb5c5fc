import ArgumentParser
import EvidentCore
import Foundation

/// Options every command takes: where the workspace is and who is acting.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace database, or a team store postgres://USER@HOST[:PORT]/DB (default: $EVIDENT_DB, else the nearest .evident/evident.db here or above).", valueName: "path|url"))
    var db: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is acting (default: $EVIDENT_USER, git user.email, $USER).", valueName: "name"))
    var actor: String?

    /// The process environment.
    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// Where the workspace is: found here or in a parent folder.
    var location: WorkspaceLocation { WorkspaceLocation.resolve(db: db, environment: environment) }

    /// Where `init` creates the workspace: the current folder, never a parent's.
    var locationHere: WorkspaceLocation { WorkspaceLocation.resolve(db: db, environment: environment, searchUpward: false) }

    /// Opens the existing workspace, with `$EVIDENT_CYCLE` as the cycle used when none is named.
    func open() throws -> Workspace {
        var workspace = try Workspace.open(at: location)
        if let cycle = environment["EVIDENT_CYCLE"]?.trimmingCharacters(in: .whitespaces), !cycle.isEmpty {
            workspace.defaultCycleName = cycle
        }
        return workspace
    }

    /// Who acts, and when.
    func session() throws -> Session {
        try SessionResolver.session(actorOption: actor, environment: environment, location: location)
    }

    /// The current time (`$EVIDENT_NOW` or the clock).
    func now() throws -> Timestamp { try SessionResolver.now(environment: environment) }
}

/// `--format text|json` for commands that print a result.
enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Styling for standard output.
var outputStyle: TextStyle { TextStyle(enabled: Terminal.colorOnStandardOutput) }

/// Prints `value` as canonical, indented JSON on standard output.
func printJSON(_ value: some Encodable) {
    Terminal.outputRaw(CanonicalJSON.pretty(value))
}

/// Reads a date flag's value (`2026-10-01` or a full ISO-8601 time).
func parseDate(_ text: String?, flag: String) throws -> Timestamp? {
    guard let text else { return nil }
    guard let time = Timestamp(iso8601: text) else { throw WorkflowError.badDate(flag: flag, value: text) }
    return time
}
