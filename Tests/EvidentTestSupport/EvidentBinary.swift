import Foundation

/// What a run of the `evident` binary printed and how it exited.
public struct CommandResult: Sendable, CustomStringConvertible {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    public var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// Runs the built `evident` binary, as a user would, in a chosen folder with a pinned environment.
public enum EvidentBinary {
    /// The binary beside the test bundle (both live in the build folder), or `$EVIDENT_BINARY`.
    public static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["EVIDENT_BINARY"] { return URL(fileURLWithPath: path) }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("evident")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Fixtures.repositoryRoot.appendingPathComponent(".build/debug/evident")
    }()

    /// The environment every run gets unless a test overrides it: no colour, a fixed actor and clock.
    public static let baseEnvironment: [String: String] = [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        "HOME": ProcessInfo.processInfo.environment["HOME"] ?? "/tmp",
        "NO_COLOR": "1",
        "EVIDENT_USER": "lead@example.com",
        "EVIDENT_NOW": "2026-10-01T09:00:00Z",
    ]

    /// Runs `evident ARGUMENTS` in `directory`; `environment` entries override the base (an empty value removes one).
    @discardableResult
    public static func run(
        _ arguments: [String], in directory: TemporaryDirectory, environment: [String: String] = [:],
        input: Data? = nil
    ) throws -> CommandResult {
        try run(arguments, at: directory.url, environment: environment, input: input)
    }

    /// Runs `evident ARGUMENTS` in the folder at `url`.
    public static func run(
        _ arguments: [String], at url: URL, environment: [String: String] = [:], input: Data? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = Self.url
        process.arguments = arguments
        process.currentDirectoryURL = url
        var merged = baseEnvironment
        for (key, value) in environment { merged[key] = value.isEmpty ? nil : value }
        process.environment = merged
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("evident-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let outURL = capture.appendingPathComponent("out"), errURL = capture.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        if let input {
            let inURL = capture.appendingPathComponent("in")
            try input.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CommandResult(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}
