import EvidentTestSupport
import Foundation
import GRDB
import Testing

/// `verify` catches tampering; concurrent and interrupted commands lose nothing (issue: store).
@Suite struct IntegrityCLITests {
    /// A workspace with reviews, a file, a link and a note.
    func populated() throws -> Workbench {
        let bench = Workbench()
        try bench.prepare()
        bench.directory.write("policy.txt", "retention policy v3\n")
        try bench.expectSuccess(bench.run("evidence", "add", "data.retention", "policy.txt"))
        try bench.expectSuccess(bench.run("evidence", "add", "keys.rotation", "--url", "https://kms.example.com/rotations"))
        try bench.expectSuccess(bench.run("evidence", "add", "keys.rotation", "--note", "rotated 2026-09-01"))
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "pass", "--note", "rotated"))
        return bench
    }

    /// Runs raw SQL on the workspace database with the protective triggers dropped.
    func tamper(_ bench: Workbench, _ sql: String) throws {
        let queue = try DatabaseQueue(path: bench.databasePath)
        try queue.write { db in
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
            try db.execute(sql: sql)
        }
    }

    @Test func aSoundWorkspaceVerifies() throws {
        let bench = try populated()
        let result = try bench.run("verify")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("verified:"))
    }

    @Test func aChangedVaultByteFailsVerification() throws {
        let bench = try populated()
        let vault = bench.directory.path(".evident/vault")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: vault).first)
        let file = vault + "/" + name
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        bytes[0] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: file))
        let result = try bench.run("verify")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("vault file \(name) no longer matches its SHA-256"))
    }

    @Test func aMissingVaultFileFailsVerification() throws {
        let bench = try populated()
        let vault = bench.directory.path(".evident/vault")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: vault).first)
        try FileManager.default.removeItem(atPath: vault + "/" + name)
        let result = try bench.run("verify")
        #expect(result.status == 1)
        #expect(result.stdout.contains("vault file \(name) is missing"))
    }

    @Test func aChangedAuditRowFailsVerification() throws {
        let bench = try populated()
        try tamper(bench, "UPDATE audit_log SET actor = 'mallory@example.com' WHERE seq = 3")
        let result = try bench.run("verify")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("audit log entry 3: its content does not match its hash"))
    }

    @Test func aDeletedAuditRowFailsVerification() throws {
        let bench = try populated()
        try tamper(bench, "DELETE FROM audit_log WHERE seq = 4")
        let result = try bench.run("verify")
        #expect(result.status == 1)
        #expect(result.stdout.contains("audit log entry 5: entries 4–4 are missing"))
    }

    @Test func aReviewChangedBehindTheLogsBackFailsVerification() throws {
        let bench = try populated()
        try tamper(bench, "UPDATE review SET status = 'pass', note = 'fine' WHERE item_id = 'data.pci.segmentation'")
        let result = try bench.run("verify")
        #expect(result.status == 1)
        #expect(result.stdout.contains("review #1 of data.pci.segmentation differs from the audit log entry that recorded it"))
    }

    @Test func evidenceChangedBehindTheLogsBackFailsVerification() throws {
        let bench = try populated()
        try tamper(bench, "UPDATE evidence SET expires_at = '2099-01-01T00:00:00Z' WHERE id = 2")
        let result = try bench.run("verify")
        #expect(result.status == 1)
        #expect(result.stdout.contains("evidence #2 of keys.rotation differs from the audit log entry"))
    }

    @Test func historyCannotBeChangedThroughTheDatabase() throws {
        let bench = try populated()
        let queue = try DatabaseQueue(path: bench.databasePath)
        for sql in ["UPDATE audit_log SET actor = 'x'", "DELETE FROM review", "DELETE FROM evidence",
                    "UPDATE evidence SET digest = 'x'", "UPDATE review SET note = 'x'"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { try $0.execute(sql: sql) } }
        }
    }

    @Test func concurrentWritersLoseNothing() throws {
        let bench = Workbench()
        try bench.prepare()
        let writers = 4, each = 12
        let results = try (0..<writers).map { writer in
            try startEvident(bench, script: (0..<each).map { ["evidence", "add", "keys.rotation", "--note", "writer \(writer) note \($0)"] })
        }
        for process in results { process.waitUntilExit() }
        #expect(results.allSatisfy { $0.terminationStatus == 0 })
        let list = try bench.json("evidence", "list", "--format", "json")
        #expect((list["evidence"] as? [Any])?.count == writers * each)
        #expect(try bench.run("verify").status == 0)
    }

    @Test func aKilledWriterLeavesASoundWorkspace() throws {
        let bench = Workbench()
        try bench.prepare()
        bench.directory.write("big.bin", Data(repeating: 0x5A, count: 24 << 20))
        for round in 0..<10 {
            let command = round.isMultiple(of: 2)
                ? ["evidence", "add", "keys.rotation", "big.bin"]
                : ["review", "import", "reviews.csv"]
            bench.directory.write("reviews.csv", "item,status,note\nkeys.rotation,pass,round \(round)\ndata.retention,pass,ok\n")
            let process = try startEvident(bench, arguments: command)
            usleep(UInt32(2_000 + round * 6_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let result = try bench.run("verify")
        #expect(result.status == 0, "\(result)")
        let queue = try DatabaseQueue(path: bench.databasePath)
        #expect(try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
    }

    /// Starts `evident ARGUMENTS` itself (so a signal reaches it) in the workbench, output discarded.
    func startEvident(_ bench: Workbench, arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = EvidentBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = bench.directory.url
        process.environment = EvidentBinary.baseEnvironment.merging(bench.environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Starts a shell that runs `evident` once per command of `script`, in order, in the workbench.
    func startEvident(_ bench: Workbench, script: [[String]]) throws -> Process {
        let binary = EvidentBinary.url.path
        let lines = script.map { arguments in
            ([binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec 2>/dev/null >/dev/null; " + lines.joined(separator: " && ")]
        process.currentDirectoryURL = bench.directory.url
        process.environment = EvidentBinary.baseEnvironment.merging(bench.environment) { $1 }
        try process.run()
        return process
    }
}
