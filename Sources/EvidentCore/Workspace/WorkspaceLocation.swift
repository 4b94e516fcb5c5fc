import Foundation

/// Where a workspace lives: the database file and the vault folder beside it (SPEC §3).
public struct WorkspaceLocation: Sendable, Equatable {
    /// The database file.
    public let databasePath: String

    /// The folder the database lives in.
    public var directory: String { (databasePath as NSString).deletingLastPathComponent }

    /// The evidence vault: `vault/` beside the database file.
    public var vaultPath: String {
        let folder = directory
        return folder.isEmpty ? "vault" : folder + "/vault"
    }

    /// The folder whose parents were searched for a workspace when none was found: set only for the
    /// default location, so a missing workspace can say where Evident looked.
    public let searchedFrom: String?

    public init(databasePath: String, searchedFrom: String? = nil) {
        self.databasePath = databasePath
        self.searchedFrom = searchedFrom
    }

    /// The workspace's place inside a folder.
    public static let defaultPath = ".evident/evident.db"

    /// `--db PATH`, else `$EVIDENT_DB`, else the nearest `.evident/evident.db` in `directory` or one
    /// of its parents, as git finds `.git` (SPEC §3). With `searchUpward` false (for `init`), or when
    /// none exists, `.evident/evident.db` in `directory` itself.
    public static func resolve(
        db option: String?, environment: [String: String], searchUpward: Bool = true,
        from directory: String = FileManager.default.currentDirectoryPath
    ) -> WorkspaceLocation {
        if let option, !option.isEmpty { return WorkspaceLocation(databasePath: option) }
        if let variable = environment["EVIDENT_DB"], !variable.isEmpty { return WorkspaceLocation(databasePath: variable) }
        guard searchUpward else { return WorkspaceLocation(databasePath: defaultPath) }
        return nearest(from: directory) ?? WorkspaceLocation(databasePath: defaultPath, searchedFrom: directory)
    }

    /// The nearest workspace at or above `directory`: a relative path in `directory` itself, an
    /// absolute one above it.
    static func nearest(from directory: String) -> WorkspaceLocation? {
        let manager = FileManager.default
        if manager.fileExists(atPath: (directory as NSString).appendingPathComponent(defaultPath)) {
            return WorkspaceLocation(databasePath: defaultPath)
        }
        var folder = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let parent = folder.deletingLastPathComponent().standardizedFileURL
            guard parent.path != folder.path else { return nil }
            folder = parent
            let candidate = folder.appendingPathComponent(defaultPath).path
            if manager.fileExists(atPath: candidate) { return WorkspaceLocation(databasePath: candidate) }
        }
    }
}

/// Who acts and when, resolved from the command line and the environment (SPEC §3).
public enum SessionResolver {
    /// `--as NAME`, else `$EVIDENT_USER`, else `git config user.email`, else `$USER`.
    public static func actor(option: String?, environment: [String: String]) -> String {
        if let option = nonEmpty(option) { return option }
        if let user = nonEmpty(environment["EVIDENT_USER"]) { return user }
        if let email = gitUserEmail() { return email }
        return nonEmpty(environment["USER"]) ?? "unknown"
    }

    /// `$EVIDENT_NOW` (ISO-8601) when set, else the clock.
    public static func now(environment: [String: String]) throws(WorkflowError) -> Timestamp {
        if let text = nonEmpty(environment["EVIDENT_NOW"]) {
            guard let time = Timestamp(iso8601: text) else { throw .badDate(flag: "EVIDENT_NOW", value: text) }
            return time
        }
        return Timestamp(seconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }

    /// The session of one command.
    public static func session(actorOption: String?, environment: [String: String]) throws(WorkflowError) -> Session {
        Session(actor: SensitiveData.mask(actor(option: actorOption, environment: environment)).text,
                now: try now(environment: environment))
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    private static func gitUserEmail() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "config", "user.email"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return nonEmpty(String(decoding: data, as: UTF8.self))
    }
}
