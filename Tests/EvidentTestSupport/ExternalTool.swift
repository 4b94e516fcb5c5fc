import Foundation

/// Runs a program other than Evident (a validator, a peer tool) and captures what it printed.
public enum ExternalTool {
    /// Runs `executable ARGUMENTS` in `directory` with the inherited environment plus `environment`.
    public static func run(
        _ executable: String, _ arguments: [String], in directory: URL, environment: [String: String] = [:]
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("evident-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let outURL = capture.appendingPathComponent("out"), errURL = capture.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CommandResult(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    /// Whether `path` names an executable file.
    public static func isExecutable(_ path: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: path)
    }
}

/// The project's shared folder of reference data and peer tools, beside the repository
/// (`../shared`) or where `$EVIDENT_SHARED` says. Tests that need it are skipped without it.
public enum SharedData {
    /// The shared folder, whether or not it exists.
    public static let folder: URL = ProcessInfo.processInfo.environment["EVIDENT_SHARED"].map { URL(fileURLWithPath: $0) }
        ?? Fixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The path of `relative` inside the shared folder, nil when it is not there.
    public static func path(_ relative: String) -> String? {
        let path = folder.appendingPathComponent(relative).path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// NIST SP 800-53 rev5.0.1, the full catalog (1,189 controls and enhancements, 182 withdrawn).
    public static let nistCatalog = path("data/oscal/catalog/NIST_SP-800-53_rev5.0.1_catalog.json")
}
