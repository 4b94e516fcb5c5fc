import EvidentTestSupport
import Foundation
import Testing

/// One workflow — checklists, cycles, reviews, evidence, reports, export, verify, diff, sign-off,
/// withdrawal and the errors a lead meets — driven through the real binary on the embedded SQLite
/// store and on a PostgreSQL team store. Every step must give the same exit status and the same
/// output on both: the store is an implementation detail, never a behaviour.
@Suite("Both stores behave alike")
struct BackendConformanceTests {
    /// A store to run the workflow on: SQLite in the workbench folder, or a fresh server database.
    enum Backend: String, CustomStringConvertible {
        case sqlite, postgres
        var description: String { rawValue }
    }

    /// One step's outcome, with the store's own location taken out of its words.
    struct Step: Equatable, CustomStringConvertible {
        let command: String
        let status: Int32
        let stdout: String
        let stderr: String
        var description: String { "$ evident \(command)\nexit \(status)\n\(stdout)\(stderr.isEmpty ? "" : "--- stderr\n" + stderr)" }
    }

    /// Runs the workflow on `backend`; returns every step. The actor is the server login on both.
    static func workflow(on backend: Backend, login: String, keys: TemporaryDirectory) throws -> [Step] {
        let bench = Workbench()
        for name in ["lead.key", "lead.pub"] {
            try FileManager.default.copyItem(atPath: keys.path(name), toPath: bench.directory.path(name))
        }
        bench.environment["EVIDENT_USER"] = login
        var location = bench.databasePath
        if backend == .postgres, let server = PostgresTestServer.shared {
            location = try server.freshDatabase()
            bench.environment.merge(server.clientEnvironment) { $1 }
            bench.environment["EVIDENT_DB"] = location
        }
        let checklist = Fixtures.copyChecklist("minimal", into: bench.directory)
        try bench.directory.write("files/rotation.log", "rotated 2026-09-30 by ops\n")
        try bench.directory.write("files/retention.pdf", "%PDF-1.4 retention policy\n")
        try bench.directory.write("files/secret.txt", "key = sk_live_abcdefghijklmnop1234\n")
        try bench.directory.write("files/unique.txt", "only here\n")
        // A spreadsheet long enough to go in batches on a team store: history, with the latest row winning.
        var csv = "item,status,note,owner,due\n"
        for round in 1...5 {
            csv += "keys.no-hardcoded-keys,\(round % 2 == 0 ? "pass" : "partial"),scan round \(round),sam@example.com,2026-10-2\(round)\n"
            csv += "keys.rotation,pass,\"rotated, round \(round)\",,\n"
        }
        try bench.directory.write("files/reviews.csv", csv)
        var steps: [Step] = []
        func run(_ arguments: String..., expect status: Int32 = 0, now: String? = nil) throws {
            if let now { bench.setNow(now) }
            let result = try bench.run(arguments)
            let clean = { (text: String) in
                text.replacingOccurrences(of: location, with: "STORE")
                    .replacingOccurrences(of: bench.path, with: "DIR")
            }
            let step = Step(command: clean(arguments.joined(separator: " ")), status: result.status, stdout: clean(result.stdout),
                            stderr: clean(result.stderr))
            #expect(result.status == status, "\(backend): \(step)")
            steps.append(step)
        }
        try bench.expectSuccess(bench.run("init"))
        try run("checklist", "load", checklist)
        try run("checklist", "list", "--format", "json")
        try run("cycle", "start", "2026-Q3", "--scope", "handles-card-data")
        try run("review", "keys.no-hardcoded-keys", "--status", "pass", "--note", "scanned clean")
        try run("review", "keys.rotation", "--status", "partial", "--note", "one key left")
        try run("review", "keys.rotation", "--status", "pass", "--note", "all keys rotated")
        try run("review", "data.retention", "--status", "fail", expect: 65)  // a fail needs a note
        try run("review", "data.retention", "--status", "fail", "--note", "no policy yet")
        try run("review", "nope.item", "--status", "pass", expect: 65)
        try run("evidence", "add", "keys.rotation", "files/rotation.log")
        try run("evidence", "add", "data.retention", "files/retention.pdf", "--as-of", "2026-09-01")
        try run("evidence", "add", "keys.rotation", "--url", "https://wiki.example.com/keys")
        try run("evidence", "add", "keys.no-hardcoded-keys", "--note", "checked with sk_live_abcdefghijklmnop9876 removed")
        try run("evidence", "add", "keys.rotation", "files/secret.txt", expect: 65)
        try run("evidence", "add", "keys.rotation", "files/secret.txt", "--redact")
        try run("evidence", "add", "keys.rotation", "files/rotation.log")  // the same content again
        try run("review", "import", "files/reviews.csv")
        try run("evidence", "add", "data.retention", "files/unique.txt")
        try run("evidence", "withdraw", "7", "--reason", "wrong file", "--purge")
        try run("evidence", "get", "7", "--out", "files/gone.txt", expect: 66)
        try run("evidence", "list", "--format", "json")
        try run("evidence", "get", "1", "--out", "files/copy.log")
        try run("evidence", "withdraw", "6", "--reason", "duplicate", "--purge")
        try run("assign", "data.retention", "--owner", "dana@example.com", "--due", "2026-10-15")
        try run("exception", "add", "data.retention", "--reason", "policy in review", "--expires", "2026-12-31",
                "--approved-by", "ciso@example.com")
        try run("status", "--format", "json")
        try run("todo", "--format", "json")
        try run("report", "--format", "md")
        try run("report", "--format", "json")
        try run("report", "--format", "csv")
        try run("cycle", "close", "2026-Q3", expect: 65)  // items pending
        for item in ["data.pci.segmentation"] {
            try run("review", item, "--status", "na", "--note", "no card data here")
        }
        try run("cycle", "close", "2026-Q3", now: "2026-10-02T09:00:00Z")
        try run("review", "keys.rotation", "--status", "fail", "--note", "late", "--cycle", "2026-Q3", expect: 65)
        try run("signoff", "2026-Q3", "--statement", "Reviewed and accurate.", "--sign-key", "lead.key")
        try run("export", "2026-Q3", "--out", "bundle.zip", "--sign-key", "lead.key")
        try run("verify", "--bundle", "bundle.zip", "--public-key", "lead.pub")
        try run("cycle", "start", "2026-Q4", "--carry-forward", now: "2026-10-03T09:00:00Z")
        try run("review", "keys.rotation", "--status", "fail", "--note", "a key leaked")
        try run("review", "keys.no-hardcoded-keys", "--status", "pass", "--note", "scanned clean again")
        try run("diff", "2026-Q3", "2026-Q4", "--format", "json")
        try run("diff", "2026-Q3", "2026-Q4", "--fail-on-regression", expect: 1)
        try run("cycle", "list", "--format", "json")
        try run("log", "--format", "json")
        try run("verify")
        return steps
    }

    /// One signing key for both runs, so signatures and fingerprints compare.
    static func keyPair() throws -> TemporaryDirectory {
        let keys = TemporaryDirectory()
        let result = try EvidentBinary.run(["keygen", "--out", "lead"], in: keys)
        #expect(result.status == 0)
        return keys
    }

    @Test("the workflow on SQLite gives what a lead expects")
    func sqliteWorkflow() throws {
        let steps = try Self.workflow(on: .sqlite, login: "lead@example.com", keys: try Self.keyPair())
        #expect(steps.count > 40)
        #expect(steps.last?.stdout.contains("the audit chain and every vault file hold") == true)
    }

    @Test("PostgreSQL gives the same status and output as SQLite at every step", .postgresServer)
    func sameOnBothStores() throws {
        let server = try #require(PostgresTestServer.shared)
        let keys = try Self.keyPair()
        let sqlite = try Self.workflow(on: .sqlite, login: server.user, keys: keys)
        let postgres = try Self.workflow(on: .postgres, login: server.user, keys: keys)
        #expect(sqlite.count == postgres.count)
        for (left, right) in zip(sqlite, postgres) {
            #expect(left == right, "SQLite:\n\(left)\n\nPostgreSQL:\n\(right)")
        }
    }
}
