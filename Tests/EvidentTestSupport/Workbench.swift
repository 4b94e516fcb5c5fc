import Foundation

/// A temporary workspace driven through the real `evident` binary, with a pinned clock and actor.
public final class Workbench: @unchecked Sendable {
    // Unchecked: a workbench belongs to one test and is only used from that test's task.
    public let directory = TemporaryDirectory()
    /// Environment overrides for every run (`EVIDENT_NOW`, …).
    public var environment: [String: String]

    /// A workbench whose clock reads `now`.
    public init(now: String = "2026-10-01T09:00:00Z") {
        environment = ["EVIDENT_NOW": now]
    }

    /// The folder's path.
    public var path: String { directory.path }

    /// The workspace database's path.
    public var databasePath: String { directory.path(".evident/evident.db") }

    /// Runs `evident ARGUMENTS` in the workbench folder.
    @discardableResult
    public func run(_ arguments: String..., environment extra: [String: String] = [:], input: Data? = nil) throws -> CommandResult {
        try run(arguments, environment: extra, input: input)
    }

    /// Runs `evident ARGUMENTS` in the workbench folder.
    @discardableResult
    public func run(_ arguments: [String], environment extra: [String: String] = [:], input: Data? = nil) throws -> CommandResult {
        try EvidentBinary.run(arguments, in: directory, environment: environment.merging(extra) { $1 }, input: input)
    }

    /// Sets the clock for later runs.
    public func setNow(_ time: String) { environment["EVIDENT_NOW"] = time }

    /// `init`, loads the fixture checklist `checklist`, and starts `cycle` (when given) with `scope`.
    public func prepare(checklist: String = "minimal", cycle: String? = "2026-Q4", scope: [String] = []) throws {
        try expectSuccess(run("init"))
        let copy = Fixtures.copyChecklist(checklist, into: directory)
        try expectSuccess(run("checklist", "load", copy))
        if let cycle {
            try expectSuccess(run(["cycle", "start", cycle] + (scope.isEmpty ? [] : ["--scope"] + scope)))
        }
    }

    /// Reviews every pending item of the open cycle `pass`.
    public func passEverything() throws {
        let status = try run("status", "--format", "json")
        let document = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        for item in document?["pending"] as? [String] ?? [] {
            try expectSuccess(run("review", item, "--status", "pass", "--note", "checked"))
        }
    }

    /// Parses standard output as a JSON object.
    public func json(_ arguments: String...) throws -> [String: Any] {
        let result = try run(arguments)
        guard result.status == 0, let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw WorkbenchError.failed(result)
        }
        return object
    }

    /// Throws when `result` did not exit 0.
    public func expectSuccess(_ result: CommandResult) throws {
        if result.status != 0 { throw WorkbenchError.failed(result) }
    }
}

/// A workbench step that did not go as a test needs.
public enum WorkbenchError: Error, CustomStringConvertible {
    case failed(CommandResult)

    public var description: String {
        switch self {
        case let .failed(result): "command failed: \(result)"
        }
    }
}
