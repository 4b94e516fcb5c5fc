import EvidentTestSupport
import Foundation
import GRDB
import Testing

/// Keys and sign-offs: PEM files, signatures, staleness.
@Suite struct SignoffCLITests {
    @Test func keygenWritesPEMFilesAndNeverOverwrites() throws {
        let bench = Workbench()
        let result = try bench.run("keygen", "--out", "keys/lead")
        #expect(result.status == 66 || result.status == 74, "the folder does not exist: \(result)")
        try FileManager.default.createDirectory(atPath: bench.directory.path("keys"), withIntermediateDirectories: true)
        #expect(try bench.run("keygen", "--out", "keys/lead").status == 0)
        let privateKey = bench.directory.read("keys/lead.key")
        #expect(privateKey.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(bench.directory.read("keys/lead.pub").hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
        let mode = try FileManager.default.attributesOfItem(atPath: bench.directory.path("keys/lead.key"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let again = try bench.run("keygen", "--out", "keys/lead")
        #expect(again.status == 65)
        #expect(bench.directory.read("keys/lead.key") == privateKey)
        #expect(try bench.run("keygen", "--out", "keys/lead", "--force").status == 0)
        #expect(bench.directory.read("keys/lead.key") != privateKey)
        #expect(!again.stdout.contains("PRIVATE") && !again.stderr.contains("PRIVATE"))
    }

    @Test func aSignedSignoffShowsInReportsAndGoesStaleWhenTheCycleChanges() throws {
        let bench = Workbench()
        try bench.prepare()
        try bench.expectSuccess(bench.run("keygen", "--out", "lead"))
        let signed = try bench.run("signoff", "2026-Q4", "--statement", "Reviewed with the auditor.", "--sign-key", "lead.key")
        #expect(signed.status == 0, "\(signed)")
        #expect(signed.stdout.contains("signed with Ed25519 key"))
        #expect(!signed.stdout.contains("BEGIN") && !signed.stderr.contains("BEGIN"))
        var show = try bench.run("cycle", "show", "2026-Q4")
        #expect(show.stdout.contains("sign-off") && !show.stdout.contains("STALE"))
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "pass", "--note", "rotated"))
        show = try bench.run("cycle", "show", "2026-Q4")
        #expect(show.stdout.contains("STALE"))
        let report = try bench.json("report", "--format", "json")
        let signoffs = report["signoffs"] as? [[String: Any]]
        #expect(signoffs?.first?["stale"] as? Bool == true)
        #expect(signoffs?.first?["signed"] as? Bool == true)
        #expect(try bench.run("verify").status == 0)
    }

    @Test func theKeyCanComeFromTheEnvironmentAndABadKeyIsRefused() throws {
        let bench = Workbench()
        try bench.prepare()
        try bench.expectSuccess(bench.run("keygen", "--out", "lead"))
        let pem = bench.directory.read("lead.key")
        let fromEnvironment = try bench.run("signoff", "2026-Q4", "--statement", "ok", environment: ["EVIDENT_SIGNING_KEY": pem])
        #expect(fromEnvironment.stdout.contains("signed with Ed25519 key"))
        let wrongKind = try bench.run("signoff", "2026-Q4", "--statement", "ok", "--sign-key", "lead.pub")
        #expect(wrongKind.status == 65)
        #expect(try bench.run("signoff", "2026-Q4", "--statement", "ok", "--sign-key", "none.key").status == 66)
        #expect(try bench.run("signoff", "2026-Q4", "--statement", " ").status == 65)
    }

    @Test func aSignoffsTamperedSignatureFailsVerification() throws {
        let bench = Workbench()
        try bench.prepare()
        try bench.expectSuccess(bench.run("keygen", "--out", "lead"))
        try bench.expectSuccess(bench.run("signoff", "2026-Q4", "--statement", "All good.", "--sign-key", "lead.key"))
        let queue = try DatabaseQueue(path: bench.databasePath)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER signoff_no_update")
            try db.execute(sql: "UPDATE signoff SET statement = 'All bad.'")
        }
        let result = try bench.run("verify")
        #expect(result.status == 1)
        #expect(result.stdout.contains("sign-off #1 by lead@example.com: its signature does not hold"))
    }

    @Test func opensslVerifiesABundleSignature() throws {
        guard let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first(where: FileManager.default.isExecutableFile),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") else { return }
        let bench = Workbench()
        try bench.prepare()
        try bench.expectSuccess(bench.run("keygen", "--out", "lead"))
        try bench.expectSuccess(bench.run("export", "2026-Q4", "--out", "b.zip", "--sign-key", "lead.key"))
        let script = """
            set -e; mkdir x; cd x; unzip -q ../b.zip; base64 -d manifest.sig > ../sig.bin
            \(openssl) pkeyutl -verify -pubin -inkey ../lead.pub -rawin -in manifest.json -sigfile ../sig.bin
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = bench.directory.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
