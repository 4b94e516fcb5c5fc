import Crypto
import EvidentCore
import EvidentTestSupport
import Foundation
import Testing
import ZIPFoundation

/// `verify --bundle` checks the record, not only the files (SPEC §6): each way a key holder or a
/// man in the middle could change a bundle's history or sign-offs, and each harmless way an
/// auditor's tools rewrite a zip.
@Suite struct AuditorTrustCLITests {
    /// A closed cycle with two reviews, file evidence, a withdrawn note, another cycle's entries in
    /// between, a lead's signed sign-off and a second person's: exported signed as `2026-Q4.zip`.
    static func exported() throws -> Workbench {
        let bench = Workbench()
        try bench.prepare(cycle: nil)
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4"))
        bench.directory.write("rotation.csv", "key,rotated\nk1,2026-09-30\n")
        try bench.expectSuccess(bench.run("evidence", "add", "keys.rotation", "rotation.csv"))
        try bench.expectSuccess(bench.run("evidence", "add", "keys.rotation", "--note", "typo, replaced"))
        try bench.expectSuccess(bench.run("evidence", "withdraw", "2", "--reason", "wrong note"))
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "fail", "--note", "one key is late"))
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "pass", "--note", "rotated since"))
        try bench.passEverything()
        try bench.expectSuccess(bench.run("cycle", "close", "2026-Q4"))
        try bench.expectSuccess(bench.run("keygen", "--out", "lead"))
        try bench.expectSuccess(bench.run("keygen", "--out", "auditor"))
        try bench.expectSuccess(bench.run("signoff", "2026-Q4", "--statement", "All items reviewed.", "--sign-key", "lead.key"))
        try bench.expectSuccess(bench.run(["signoff", "2026-Q4", "--statement", "Sampled and agreed.", "--sign-key", "auditor.key"],
                                          environment: ["EVIDENT_USER": "qsa@audit.example"]))
        try bench.expectSuccess(bench.run("export", "2026-Q4", "--out", "2026-Q4.zip", "--sign-key", "lead.key"))
        return bench
    }

    func verify(_ bench: Workbench, _ name: String = "2026-Q4.zip") throws -> CommandResult {
        try bench.run("verify", "--bundle", name, "--public-key", "lead.pub")
    }

    @Test func anIntactBundleStatesItsCycleAndEverySignoff() throws {
        let bench = try Self.exported()
        let result = try verify(bench)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("cycle: closed"))
        #expect(result.stdout.contains("signature: valid"))
        let fingerprint = try AuditorTrustCLITests.fingerprint(bench, "lead.pub")
        let auditor = try AuditorTrustCLITests.fingerprint(bench, "auditor.pub")
        #expect(result.stdout.contains("sign-off: lead@example.com at 2026-10-01T09:00:00Z — Ed25519 key \(fingerprint), signature valid; current"), "\(result)")
        #expect(result.stdout.contains("sign-off: qsa@audit.example at 2026-10-01T09:00:00Z — Ed25519 key \(auditor), signature valid; current"), "\(result)")
        #expect(result.stdout.contains("reviews and"), "\(result)")
    }

    @Test func anOpenCycleIsSaidToBeNotFinalByVerifyAndTheReports() throws {
        let bench = Workbench()
        try bench.prepare()
        try bench.expectSuccess(bench.run("export", "2026-Q4", "--out", "open.zip"))
        let result = try bench.run("verify", "--bundle", "open.zip", "--unsigned")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("cycle: open — not final"))
        #expect(result.stdout.contains("signature: not checked"))
        let markdown = try Self.member(bench, "open.zip", "report.md")
        let html = try Self.member(bench, "open.zip", "report.html")
        #expect(String(decoding: markdown, as: UTF8.self).contains("open — not final"))
        #expect(String(decoding: html, as: UTF8.self).contains("open — not final"))
    }

    @Test func withoutAKeyOrUnsignedVerifyIsAUsageError() throws {
        let bench = try Self.exported()
        let result = try bench.run("verify", "--bundle", "2026-Q4.zip")
        #expect(result.status == 64)
        #expect(result.stderr.contains("--unsigned"))
    }

    @Test func anUnsignedBundleVerifiesOnlyWithUnsigned() throws {
        let bench = try Self.exported()
        try bench.expectSuccess(bench.run("export", "2026-Q4", "--out", "plain.zip"))
        let accepted = try bench.run("verify", "--bundle", "plain.zip", "--unsigned")
        #expect(accepted.status == 0, "\(accepted)")
        #expect(accepted.stdout.contains("signature: not checked"))
        let refused = try bench.run("verify", "--bundle", "plain.zip", "--public-key", "lead.pub")
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("manifest.sig is missing"))
    }

    // MARK: - Tampering, each re-signed by the lead so that only the record can tell

    @Test func anEditedActorInTheLogIsFound() throws {
        let bench = try Self.exported()
        try Self.tamper(bench) { files in
            files["audit-log.jsonl"] = Self.replacing(files["audit-log.jsonl"], "\"actor\":\"lead@example.com\"", "\"actor\":\"ciso@example.com\"", once: true)
        }
        let result = try verify(bench)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("signature: valid"))
        #expect(result.stdout.contains("does not match its hash: it was changed"), "\(result)")
    }

    @Test func aRemovedLogEntryIsFound() throws {
        let bench = try Self.exported()
        try Self.tamper(bench) { files in
            var lines = String(decoding: files["audit-log.jsonl"]!, as: UTF8.self).split(separator: "\n").map(String.init)
            let index = try! #require(lines.firstIndex { $0.contains("\"action\":\"review.record\"") && $0.contains("one key is late") })
            lines.remove(at: index)
            files["audit-log.jsonl"] = Data((lines.joined(separator: "\n") + "\n").utf8)
        }
        let result = try verify(bench)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("are missing before entry"), "\(result)")
        #expect(result.stdout.contains("has no entry in the audit log"), "\(result)")
    }

    @Test func anEditedSignoffStatementIsFound() throws {
        let bench = try Self.exported()
        try Self.tamper(bench) { files in
            files["signoffs.json"] = Self.replacing(files["signoffs.json"], "Sampled and agreed.", "Sampled; no exceptions at all.")
        }
        let result = try verify(bench)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("sign-off by qsa@audit.example at 2026-10-01T09:00:00Z: its signature does not hold"), "\(result)")
        #expect(result.stdout.contains("the audit log records no such sign-off"), "\(result)")
    }

    @Test func aSignoffReplacedByOneFromAnotherKeyIsFound() throws {
        let bench = try Self.exported()
        let intruder = Curve25519.Signing.PrivateKey()
        try Self.tamper(bench) { files in Self.resignSecondSignoff(&files, with: intruder) }
        let result = try verify(bench)
        #expect(result.status == 1, "\(result)")
        // Its own signature holds, but it is not the sign-off that was recorded.
        #expect(result.stdout.contains("Ed25519 key \(SigningKeys.fingerprint(intruder.publicKey)), signature valid"), "\(result)")
        #expect(result.stdout.contains("the audit log records no such sign-off"), "\(result)")
    }

    @Test func aReviewChangedInTheResultsIsFound() throws {
        let bench = try Self.exported()
        try Self.tamper(bench) { files in
            files["results.json"] = Self.replacing(files["results.json"], "\"note\" : \"rotated since\"", "\"note\" : \"rotated on time\"")
        }
        let result = try verify(bench)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("the audit log says"), "\(result)")
        #expect(result.stdout.contains("STALE"), "\(result)")
    }

    @Test func anEvidenceFileSwappedWithItsManifestLineIsFound() throws {
        let bench = try Self.exported()
        try Self.tamper(bench) { files in
            let path = files.keys.first { $0.hasPrefix("evidence/keys.rotation/") }!
            files[path] = Data("key,rotated\nk1,2026-09-29\n".utf8)
        }
        let result = try verify(bench)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("is not the file results.json names"), "\(result)")
    }

    // MARK: - What auditors' tools do to a zip, harmlessly

    @Test func aBundleRezippedByZipVerifies() throws {
        let bench = try Self.exported()
        let folder = bench.directory.path("unpacked")
        try Self.tool("/usr/bin/unzip", ["-q", "2026-Q4.zip", "-d", folder], in: bench)
        try Self.tool("/usr/bin/zip", ["-q", "-r", "../rezipped.zip", "."], in: bench, at: folder)
        let entries = try Archive(url: bench.directory.url.appendingPathComponent("rezipped.zip"), accessMode: .read).map(\.path)
        #expect(entries.contains("oscal/"), "zip -r writes folder entries: \(entries)")
        let result = try verify(bench, "rezipped.zip")
        #expect(result.status == 0, "\(result)")
        #expect(!result.stdout.contains("unsafe path"))
    }

    @Test func aBundleRewrittenByPythonWithFolderEntriesInAnotherOrderVerifies() throws {
        let bench = try Self.exported()
        bench.directory.write("rewrite.py", """
            import sys, zipfile
            source = zipfile.ZipFile("2026-Q4.zip")
            names = sorted(source.namelist(), reverse=True)
            with zipfile.ZipFile("python.zip", "w", zipfile.ZIP_DEFLATED) as target:
                for folder in sorted({name.rsplit("/", 1)[0] + "/" for name in names if "/" in name}):
                    target.writestr(zipfile.ZipInfo(folder), b"")
                for name in names:
                    target.writestr(name, source.read(name))
            """)
        try Self.tool("/usr/bin/env", ["python3", "rewrite.py"], in: bench)
        let result = try verify(bench, "python.zip")
        #expect(result.status == 0, "\(result)")
    }

    @Test func hostileFolderEntriesAreStillRefused() throws {
        let bench = try Self.exported()
        bench.directory.write("hostile.py", """
            import zipfile
            source = zipfile.ZipFile("2026-Q4.zip")
            with zipfile.ZipFile("hostile.zip", "w") as target:
                target.writestr(zipfile.ZipInfo("../outside/"), b"")
                for name in source.namelist():
                    target.writestr(name, source.read(name))
            """)
        try Self.tool("/usr/bin/env", ["python3", "hostile.py"], in: bench)
        let result = try verify(bench, "hostile.zip")
        #expect(result.status == 1)
        #expect(result.stdout.contains("unsafe path in the bundle: ../outside/"), "\(result)")
    }

    // MARK: - Keys

    @Test func oneKeyBelongsToOneSigner() throws {
        let bench = try Self.exported()
        let result = try bench.run(["signoff", "2026-Q4", "--statement", "Me too.", "--sign-key", "lead.key"],
                                   environment: ["EVIDENT_USER": "someone-else@example.com"])
        #expect(result.status == 77, "\(result)")
        #expect(result.stderr.contains("already signed for lead@example.com"), "\(result)")
        #expect(result.stderr.contains("one key, one signer"))
        try bench.expectSuccess(bench.run("signoff", "2026-Q4", "--statement", "Re-read.", "--sign-key", "lead.key"))
    }

    @Test func reportsListEverySignoffWithItsFingerprintAndFullDigests() throws {
        let bench = try Self.exported()
        let fingerprint = try AuditorTrustCLITests.fingerprint(bench, "auditor.pub")
        let digest = Digest.sha256(Data("key,rotated\nk1,2026-09-30\n".utf8))
        for format in ["md", "html", "json", "csv"] {
            let report = try bench.run("report", "--cycle", "2026-Q4", "--format", format)
            #expect(report.status == 0)
            #expect(report.stdout.contains(digest), "\(format) shows the full SHA-256")
            if format != "csv" { #expect(report.stdout.contains(fingerprint), "\(format) lists the sign-off's key") }
        }
    }

    // MARK: - Helpers

    /// The fingerprint `keygen` printed for the key pair whose public half is `name`, recomputed.
    static func fingerprint(_ bench: Workbench, _ name: String) throws -> String {
        let key = try KeyFiles.publicKey(path: bench.directory.path(name))
        return SigningKeys.fingerprint(key)
    }

    static func member(_ bench: Workbench, _ zip: String, _ name: String) throws -> Data {
        let archive = try Archive(url: bench.directory.url.appendingPathComponent(zip), accessMode: .read)
        var data = Data()
        _ = try archive.extract(try #require(archive[name])) { data.append($0) }
        return data
    }

    /// Replaces the second sign-off's signature and public key with ones from `key`: a sign-off
    /// whose own signature holds, but by a key that never signed in the workspace.
    static func resignSecondSignoff(_ files: inout [String: Data], with key: Curve25519.Signing.PrivateKey) {
        var document = try! JSONSerialization.jsonObject(with: files["signoffs.json"]!) as! [String: Any]
        var signoffs = document["signoffs"] as! [[String: Any]]
        var forged = signoffs[1]
        let signed = Signoff.signedDocument(
            cycle: "2026-Q4", signer: forged["signer"] as! String, statement: forged["statement"] as! String,
            at: Timestamp(iso8601: forged["at"] as! String)!, digest: forged["digest"] as! String)
        forged["signature"] = try! key.signature(for: signed).base64EncodedString()
        forged["public_key"] = SigningKeys.publicPEM(key.publicKey)
        forged["key_fingerprint"] = SigningKeys.fingerprint(key.publicKey)
        signoffs[1] = forged
        document["signoffs"] = signoffs
        files["signoffs.json"] = try! JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
    }

    static func replacing(_ data: Data?, _ old: String, _ new: String, once: Bool = false) -> Data {
        let text = String(decoding: data ?? Data(), as: UTF8.self)
        precondition(text.contains(old), "the bundle lacks \(old)")
        guard once, let range = text.range(of: old) else { return Data(text.replacingOccurrences(of: old, with: new).utf8) }
        return Data(text.replacingCharacters(in: range, with: new).utf8)
    }

    /// Rewrites `2026-Q4.zip` in place with `change` applied to its files, then lists the new sizes
    /// and digests in the manifest and signs it again with the lead's key: what a key holder can do.
    static func tamper(_ bench: Workbench, _ change: (inout [String: Data]) throws -> Void) throws {
        let url = bench.directory.url.appendingPathComponent("2026-Q4.zip")
        var files: [String: Data] = [:]
        let source = try Archive(url: url, accessMode: .read)
        for entry in source {
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            files[entry.path] = data
        }
        try change(&files)
        let manifestData = try #require(files["manifest.json"])
        var manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
        manifest["files"] = files.keys.filter { $0 != "manifest.json" && $0 != "manifest.sig" }.sorted().map { path in
            ["path": path, "size": files[path]!.count, "sha256": Digest.sha256(files[path]!)] as [String: Any]
        }
        let manifestBytes = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
        files["manifest.json"] = manifestBytes
        let key = try #require(try KeyFiles.signingKey(path: bench.directory.path("lead.key"), environment: [:]))
        files["manifest.sig"] = Data((try key.signature(for: manifestBytes).base64EncodedString() + "\n").utf8)
        try FileManager.default.removeItem(at: url)
        let target = try Archive(url: url, accessMode: .create)
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            try target.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    static func tool(_ executable: String, _ arguments: [String], in bench: Workbench, at folder: String? = nil) throws {
        let result = try ExternalTool.run(executable, arguments, in: URL(fileURLWithPath: folder ?? bench.path))
        if result.status != 0 { throw WorkbenchError.failed(result) }
    }
}
