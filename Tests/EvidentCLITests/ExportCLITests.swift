import EvidentCore
import EvidentTestSupport
import Foundation
import Testing
import ZIPFoundation

/// Auditor bundles: export, offline verification, and every way a bundle can be wrong.
@Suite struct ExportCLITests {
    /// A workspace with file evidence, a signed export `bundle.zip` and the key pair `lead`.
    func exported(signed: Bool = true) throws -> Workbench {
        let bench = Workbench()
        try bench.prepare()
        bench.directory.write("rotation.csv", "key,rotated\nk1,2026-09-30\n")
        bench.directory.write("scan report.txt", "no findings\n")
        try bench.expectSuccess(bench.run("evidence", "add", "keys.rotation", "rotation.csv"))
        try bench.expectSuccess(bench.run("evidence", "add", "keys.no-hardcoded-keys", "scan report.txt"))
        try bench.expectSuccess(bench.run("evidence", "add", "keys.rotation", "--note", "checked in the dashboard"))
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "pass", "--note", "rotated"))
        try bench.expectSuccess(bench.run("keygen", "--out", "lead"))
        try bench.expectSuccess(bench.run(["export", "2026-Q4", "--out", "bundle.zip"] + (signed ? ["--sign-key", "lead.key"] : [])))
        return bench
    }

    /// Rewrites `bundle.zip` into `name` with `change` applied to its entries (path → bytes).
    func rewrite(_ bench: Workbench, to name: String, _ change: (inout [(String, Data)]) -> Void) throws {
        let source = try Archive(url: bench.directory.url.appendingPathComponent("bundle.zip"), accessMode: .read)
        var entries: [(String, Data)] = []
        for entry in source {
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            entries.append((entry.path, data))
        }
        change(&entries)
        let target = try Archive(url: bench.directory.url.appendingPathComponent(name), accessMode: .create)
        for (path, data) in entries {
            try target.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    @Test func theBundleHoldsEverySpecifiedFileAndVerifies() throws {
        let bench = try exported()
        let archive = try Archive(url: bench.directory.url.appendingPathComponent("bundle.zip"), accessMode: .read)
        let paths = Set(archive.map(\.path))
        for name in ["manifest.json", "manifest.sig", "report.html", "report.md", "results.json", "signoffs.json",
                     "audit-log.jsonl", "oscal/assessment-results.json"] {
            #expect(paths.contains(name), "\(name)")
        }
        #expect(paths.contains { $0.hasPrefix("evidence/keys.rotation/") && $0.hasSuffix("-rotation.csv") })
        #expect(paths.contains { $0.hasPrefix("evidence/keys.no-hardcoded-keys/") && $0.hasSuffix("-scan-report.txt") })
        let result = try bench.run("verify", "--bundle", "bundle.zip", "--public-key", "lead.pub")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("signature: valid"))
        let unsigned = try bench.run("verify", "--bundle", "bundle.zip", "--unsigned")
        #expect(unsigned.status == 0)
        #expect(unsigned.stdout.contains("signature: not checked"))
    }

    @Test func theManifestDescribesTheCycle() throws {
        let bench = try exported()
        let archive = try Archive(url: bench.directory.url.appendingPathComponent("bundle.zip"), accessMode: .read)
        var data = Data()
        _ = try archive.extract(try #require(archive["manifest.json"])) { data.append($0) }
        let manifest = try JSONDecoder().decode(BundleManifest.self, from: data)
        #expect(manifest.cycle == "2026-Q4")
        #expect(manifest.checklist.id == "demo-checklist" && manifest.checklist.version == "1.0.0")
        #expect(manifest.generatedAt.iso8601 == "2026-10-01T09:00:00Z")
        #expect(manifest.files.map(\.path) == manifest.files.map(\.path).sorted())
        #expect(!manifest.files.contains { $0.path == "manifest.json" || $0.path == "manifest.sig" })
    }

    @Test func exportsAreByteForByteReproducible() throws {
        let bench = try exported(signed: false)
        try bench.expectSuccess(bench.run("export", "2026-Q4", "--out", "again.zip"))
        #expect(try Data(contentsOf: bench.directory.url.appendingPathComponent("bundle.zip"))
                == Data(contentsOf: bench.directory.url.appendingPathComponent("again.zip")))
    }

    @Test func aChangedMemberIsNamed() throws {
        let bench = try exported()
        try rewrite(bench, to: "tampered.zip") { entries in
            let index = entries.firstIndex { $0.0.hasSuffix("-rotation.csv") }!
            entries[index].1 = Data("key,rotated\nk1,2025-01-01\n".utf8)
        }
        let result = try bench.run("verify", "--bundle", "tampered.zip", "--public-key", "lead.pub")
        #expect(result.status == 1)
        #expect(result.stdout.contains("-rotation.csv: SHA-256"))
    }

    @Test func aChangedManifestBreaksTheSignature() throws {
        let bench = try exported()
        try rewrite(bench, to: "tampered.zip") { entries in
            let index = entries.firstIndex { $0.0 == "manifest.json" }!
            entries[index].1 = Data(String(decoding: entries[index].1, as: UTF8.self).replacingOccurrences(of: "2026-Q4", with: "2026-Q5").utf8)
        }
        let result = try bench.run("verify", "--bundle", "tampered.zip", "--public-key", "lead.pub")
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAILED: signature"))
    }

    @Test func aWrongKeyOrAMissingSignatureFails() throws {
        let bench = try exported()
        try bench.expectSuccess(bench.run("keygen", "--out", "other"))
        let wrong = try bench.run("verify", "--bundle", "bundle.zip", "--public-key", "other.pub")
        #expect(wrong.status == 1)
        #expect(wrong.stdout.contains("manifest.sig does not hold"))
        try rewrite(bench, to: "unsigned.zip") { $0.removeAll { $0.0 == "manifest.sig" } }
        let missing = try bench.run("verify", "--bundle", "unsigned.zip", "--public-key", "lead.pub")
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("manifest.sig is missing"))
    }

    @Test func extraAndMissingFilesAreNamed() throws {
        let bench = try exported()
        try rewrite(bench, to: "changed.zip") { entries in
            entries.removeAll { $0.0 == "report.md" }
            entries.append(("notes.txt", Data("added later".utf8)))
        }
        let result = try bench.run("verify", "--bundle", "changed.zip", "--unsigned")
        #expect(result.status == 1)
        #expect(result.stdout.contains("report.md: listed in the manifest but missing from the bundle"))
        #expect(result.stdout.contains("notes.txt: present in the bundle but not listed in the manifest"))
    }

    @Test func aPathThatEscapesIsRefusedNotExtracted() throws {
        let bench = try exported()
        try rewrite(bench, to: "escape.zip") { $0.append(("../../escaped.txt", Data("gotcha".utf8))) }
        let result = try bench.run("verify", "--bundle", "escape.zip", "--unsigned")
        #expect(result.status == 1)
        #expect(result.stdout.contains("unsafe path in the bundle: ../../escaped.txt"))
        #expect(!FileManager.default.fileExists(atPath: bench.directory.url.deletingLastPathComponent().appendingPathComponent("escaped.txt").path))
    }

    @Test func aZipBombIsRefused() throws {
        let bench = try exported()
        let zeros = Data(count: 80 << 20)
        try rewrite(bench, to: "bomb.zip") { $0.append(("evidence/keys.rotation/bomb.bin", zeros)) }
        let unlisted = try bench.run("verify", "--bundle", "bomb.zip", "--unsigned")
        #expect(unlisted.status == 1)
        #expect(unlisted.stdout.contains("bomb.bin: present in the bundle but not listed"))
        #expect(FileManager.default.fileExists(atPath: bench.directory.path("bomb.zip")))
    }

    @Test func missingOrBrokenBundlesAreReported() throws {
        let bench = try exported()
        #expect(try bench.run("verify", "--bundle", "nope.zip", "--unsigned").status == 66)
        bench.directory.write("junk.zip", "not a zip at all")
        let junk = try bench.run("verify", "--bundle", "junk.zip", "--unsigned")
        #expect(junk.status == 1)
        #expect(try bench.run("verify", "--public-key", "lead.pub").status == 64)
    }

    @Test func aFailedExportLeavesNothingBehind() throws {
        let bench = try exported(signed: false)
        let vault = bench.directory.path(".evident/vault")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: vault).first)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: vault + "/" + file)
        try Data("changed".utf8).write(to: URL(fileURLWithPath: vault + "/" + file))
        let result = try bench.run("export", "2026-Q4", "--out", "second.zip")
        #expect(result.status != 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: bench.path).filter { $0.contains("second.zip") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
