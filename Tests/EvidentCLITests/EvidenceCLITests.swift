import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// Evidence: files into the vault, links, notes, sensitive data, expiry, export, withdrawal (SPEC §3).
@Suite struct EvidenceCLITests {
    @Test func aFileIsStoredByItsSHA256AndItsNameIsMetadata() throws {
        let bench = Workbench()
        try bench.prepare()
        bench.directory.write("reports/rotation log.txt", "rotated key on 2026-09-01\n")
        let result = try bench.run("evidence", "add", "keys.rotation", "reports/rotation log.txt")
        #expect(result.status == 0, "\(result)")
        let computed = Data("rotated key on 2026-09-01\n".utf8)
        let digest = Digest.sha256(computed)
        let stored = bench.directory.path(".evident/vault/\(digest)")
        #expect(FileManager.default.contents(atPath: stored) == computed)
        let attributes = try FileManager.default.attributesOfItem(atPath: stored)
        #expect((attributes[.posixPermissions] as? Int) == 0o444)
        let shown = try bench.run("evidence", "show", "1")
        #expect(shown.stdout.contains("rotation log.txt"))
        #expect(shown.stdout.contains(digest))
    }

    @Test func expiryIsTheEarlierOfExpiresAndMaxAge() throws {
        let bench = Workbench()
        try bench.prepare()
        #expect(try bench.run("evidence", "add", "keys.rotation", "--note", "a", "--as-of", "2026-09-01").status == 0)
        #expect(try bench.run("evidence", "add", "keys.rotation", "--note", "b", "--expires", "2026-10-15").status == 0)
        #expect(try bench.run("evidence", "add", "keys.rotation", "--note", "c", "--expires", "2027-12-31").status == 0)
        #expect(try bench.run("evidence", "add", "data.retention", "--note", "d").status == 0)
        let list = try bench.json("evidence", "list", "--format", "json")
        let expiries = (list["evidence"] as? [[String: Any]] ?? []).map { $0["expires_at"] as? String }
        #expect(expiries == ["2026-11-30T00:00:00Z", "2026-10-15T00:00:00Z", "2026-12-30T09:00:00Z", nil])
    }

    @Test func evidenceExpiresAtItsExpiryInstant() throws {
        let bench = Workbench()
        try bench.prepare()
        #expect(try bench.run("evidence", "add", "keys.rotation", "--note", "a", "--expires", "2026-10-15T00:00:00Z").status == 0)
        bench.setNow("2026-10-14T23:59:59Z")
        #expect((try bench.json("status", "--format", "json")["evidence"] as? [String: Int])?["expired"] == 0)
        bench.setNow("2026-10-15T00:00:00Z")
        #expect((try bench.json("status", "--format", "json")["evidence"] as? [String: Int])?["expired"] == 1)
        let due = try bench.run("evidence", "due")
        #expect(due.stdout.contains("EXPIRED"))
    }

    @Test(arguments: ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.com/x", "not a url", "https://"])
    func onlyHTTPLinksAreAccepted(url: String) throws {
        let bench = Workbench()
        try bench.prepare()
        let result = try bench.run("evidence", "add", "keys.rotation", "--url", url)
        #expect(result.status == 65, "\(result)")
    }

    @Test func aLinkHoldingASecretIsStoredMasked() throws {
        let bench = Workbench()
        try bench.prepare()
        let secret = "sk_live_" + "abcdefghijklmnop9876"
        let result = try bench.run("evidence", "add", "keys.rotation", "--url", "https://ci.example.com/build?key=\(secret)")
        #expect(result.status == 0)
        #expect(result.stderr.contains("sk_live_…9876"))
        #expect(!result.stderr.contains(secret) && !result.stdout.contains(secret))
        let list = try bench.run("evidence", "list", "--format", "json")
        #expect(list.stdout.contains("https://ci.example.com/build?key=sk_live_…9876"))
    }

    @Test func aTextFileHoldingSecretsIsRefusedNamingLinesNeverValues() throws {
        let bench = Workbench()
        try bench.prepare()
        let secret = "whsec_" + "0123456789abcdefWXYZ"
        bench.directory.write("config.txt", "line one\nWEBHOOK=\(secret)\nok\ncard=4111 1111 1111 1111\n")
        let result = try bench.run("evidence", "add", "keys.rotation", "config.txt")
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("lines 2, 4"))
        #expect(!result.stderr.contains(secret) && !result.stderr.contains("4111 1111"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: bench.directory.path(".evident/vault")).isEmpty)
        let redacted = try bench.run("evidence", "add", "keys.rotation", "config.txt", "--redact")
        #expect(redacted.status == 0, "\(redacted)")
        let out = bench.directory.path("copy.txt")
        #expect(try bench.run("evidence", "get", "1", "--out", out).status == 0)
        #expect(bench.directory.read("copy.txt") == "line one\nWEBHOOK=whsec_…WXYZ\nok\ncard=card …1111\n")
    }

    @Test func theSameContentTwiceIsOneVaultFileAndTwoEvidenceRowsThatVerify() throws {
        let bench = Workbench()
        try bench.prepare()
        var bytes = [UInt8](repeating: 0, count: 3 << 20)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 2_654_435_761 >> 13) }
        bench.directory.write("export.bin", Data(bytes))
        bench.directory.write("export copy.bin", Data(bytes))
        #expect(try bench.run("evidence", "add", "keys.rotation", "export.bin").status == 0)
        #expect(try bench.run("evidence", "add", "data.retention", "export copy.bin").status == 0)
        let vault = try FileManager.default.contentsOfDirectory(atPath: bench.directory.path(".evident/vault"))
        #expect(vault == [Digest.sha256(Data(bytes))])
        let rows = (try bench.json("evidence", "list", "--format", "json")["evidence"] as? [[String: Any]]) ?? []
        #expect(rows.count == 2)
        #expect(Set(rows.compactMap { $0["digest"] as? String }) == [Digest.sha256(Data(bytes))], "\(rows)")
        let verify = try bench.run("verify")
        #expect(verify.status == 0, "\(verify)")
    }

    @Test func aBinaryFileIsStoredAsIs() throws {
        let bench = Workbench()
        try bench.prepare()
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]
        bytes += Array("sk_live_abcdefghijklmnop1234".utf8)
        bench.directory.write("shot.png", Data(bytes))
        #expect(try bench.run("evidence", "add", "keys.rotation", "shot.png").status == 0)
    }

    @Test func missingFilesAndFoldersAreMissingInput() throws {
        let bench = Workbench()
        try bench.prepare()
        let missing = try bench.run("evidence", "add", "keys.rotation", "nope.pdf")
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no such file: nope.pdf"))
        bench.directory.write("folder/a.txt", "x")
        let folder = try bench.run("evidence", "add", "keys.rotation", "folder")
        #expect(folder.status == 66)
        #expect(folder.stderr.contains("not a regular file"))
    }

    @Test func exactlyOneSourceIsAllowed() throws {
        let bench = Workbench()
        try bench.prepare()
        #expect(try bench.run("evidence", "add", "keys.rotation").status == 64)
        #expect(try bench.run("evidence", "add", "keys.rotation", "--note", "a", "--url", "https://x.example").status == 64)
    }

    @Test func getWritesTheFileBackAndRefusesToOverwrite() throws {
        let bench = Workbench()
        try bench.prepare()
        let content = String(repeating: "evidence line\n", count: 10_000)
        bench.directory.write("big.log", content)
        #expect(try bench.run("evidence", "add", "keys.rotation", "big.log").status == 0)
        #expect(try bench.run("evidence", "get", "1", "--out", "back.log").status == 0)
        #expect(bench.directory.read("back.log") == content)
        #expect(try bench.run("evidence", "get", "1", "--out", "back.log").status == 65)
        #expect(try bench.run("evidence", "get", "1", "--out", "back.log", "--force").status == 0)
        #expect(try bench.run("evidence", "get", "9", "--out", "x").status == 65)
    }

    @Test func withdrawKeepsHistoryAndPurgeDeletesAnUnusedFile() throws {
        let bench = Workbench()
        try bench.prepare()
        bench.directory.write("a.txt", "one\n")
        #expect(try bench.run("evidence", "add", "keys.rotation", "a.txt").status == 0)
        #expect(try bench.run("evidence", "add", "data.retention", "a.txt").status == 0)
        let first = try bench.run("evidence", "withdraw", "1", "--reason", "wrong item", "--purge")
        #expect(first.stdout.contains("other evidence uses it"))
        let second = try bench.run("evidence", "withdraw", "2", "--reason", "wrong file", "--purge")
        #expect(second.stdout.contains("vault file was deleted"), "\(second)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: bench.directory.path(".evident/vault")).isEmpty)
        #expect(try bench.run("evidence", "withdraw", "2", "--reason", "again").status == 65)
        let list = try bench.run("evidence", "list")
        #expect(list.stdout.components(separatedBy: "purged").count == 3, "\(list)")
        let shown = try bench.run("evidence", "show", "1")
        #expect(shown.stdout.contains("withdrawn   2026-10-01T09:00:00Z by lead@example.com: wrong item"))
        #expect(try bench.run("verify").status == 0)
        #expect(try bench.run("evidence", "get", "2", "--out", "x").status == 66)
    }
}
