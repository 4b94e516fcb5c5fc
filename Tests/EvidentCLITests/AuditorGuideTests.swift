import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// docs/auditor-guide.md is executable: its shell steps run exactly as written, with standard tools
/// alone, on the bundle an auditor receives. They pass on an intact bundle, print the same key
/// fingerprint Evident prints, and fail on every tampered one, even after the lead re-signs it.
@Suite struct AuditorGuideTests {
    /// The guide's `sh` blocks: those before "Check it with standard tools alone" use Evident, the
    /// rest only standard tools.
    static func blocks() throws -> (evident: String, standard: String) {
        let text = try String(contentsOfFile: Fixtures.repository("docs/auditor-guide.md"), encoding: .utf8)
        var evident: [String] = [], standard: [String] = []
        var current: [String]?
        var afterHeading = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## Check it with standard tools alone") { afterHeading = true }
            if line == "```sh" { current = []; continue }
            if line == "```", let block = current {
                if afterHeading { standard.append(block.joined(separator: "\n")) } else { evident.append(block.joined(separator: "\n")) }
                current = nil
                continue
            }
            current?.append(String(line))
        }
        return (evident.joined(separator: "\n"), standard.joined(separator: "\n"))
    }

    /// Runs `script` with bash in the workbench folder, stopping at the first failing command, with
    /// the built `evident` first on PATH.
    static func run(_ script: String, in bench: Workbench) throws -> CommandResult {
        bench.directory.write("guide.sh", "set -euo pipefail\n" + script + "\n")
        let binaries = EvidentBinary.url.deletingLastPathComponent().path
        return try ExternalTool.run("/bin/bash", ["guide.sh"], in: bench.directory.url, environment: [
            "PATH": binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "EVIDENT_NOW": "2026-10-01T09:00:00Z", "NO_COLOR": "1",
        ])
    }

    @Test func theGuideHasEveryStepAnAuditorNeeds() throws {
        let (evident, standard) = try Self.blocks()
        #expect(evident.contains("evident verify --bundle 2026-Q4.zip --public-key lead.pub"))
        for tool in ["unzip", "openssl pkeyutl -verify", "sha256sum -c", "jq", "python3", "openssl pkey -pubin"] {
            #expect(standard.contains(tool), "\(tool)")
        }
        #expect(!standard.contains("evident "), "the standard-tools steps must not need Evident")
    }

    @Test func everyStepPassesOnAnIntactBundle() throws {
        let bench = try AuditorTrustCLITests.exported()
        let (evident, standard) = try Self.blocks()
        let withEvident = try Self.run(evident, in: bench)
        #expect(withEvident.status == 0, "\(withEvident)")
        let fingerprint = try AuditorTrustCLITests.fingerprint(bench, "lead.pub")
        #expect(withEvident.stdout.contains("signature: valid (Ed25519 key \(fingerprint))"))
        let alone = try Self.run(standard, in: bench)
        #expect(alone.status == 0, "\(alone)")
        #expect(alone.stdout.contains("Signature Verified Successfully"))
        #expect(alone.stdout.contains(": OK"))
        #expect(!alone.stdout.contains("FAILED"))
        #expect(!alone.stdout.contains("PROBLEM"))
        // Step 4 prints the fingerprint Evident prints; step 6 prints each sign-off key's.
        let lines = alone.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains(fingerprint), "\(alone)")
        #expect(lines.contains(try AuditorTrustCLITests.fingerprint(bench, "auditor.pub")), "\(alone)")
        #expect(alone.stdout.contains("sign-off 1: lead@example.com at 2026-10-01T09:00:00Z: current"), "\(alone)")
        #expect(alone.stdout.contains("sign-off 2: qsa@audit.example at 2026-10-01T09:00:00Z: current"))
        #expect(alone.stdout.contains("cycle 2026-Q4: closed"))
        // Step 1's decoded signature sits beside the folder, so step 3 finds nothing extra.
        #expect(FileManager.default.fileExists(atPath: bench.directory.path("manifest.sig.bin")))
    }

    /// Each way the record can be changed and the manifest re-signed by the lead.
    static let tamperings: [(name: String, change: @Sendable (inout [String: Data]) -> Void)] = [
        ("log actor edited", { files in
            files["audit-log.jsonl"] = AuditorTrustCLITests.replacing(
                files["audit-log.jsonl"], "\"actor\":\"lead@example.com\"", "\"actor\":\"ciso@example.com\"", once: true)
        }),
        ("log entry removed", { files in
            var lines = String(decoding: files["audit-log.jsonl"]!, as: UTF8.self).split(separator: "\n").map(String.init)
            lines.removeAll { $0.contains("one key is late") }
            files["audit-log.jsonl"] = Data((lines.joined(separator: "\n") + "\n").utf8)
        }),
        ("sign-off statement edited", { files in
            files["signoffs.json"] = AuditorTrustCLITests.replacing(files["signoffs.json"], "Sampled and agreed.", "Sampled; nothing found.")
        }),
        ("review note edited in the results", { files in
            files["results.json"] = AuditorTrustCLITests.replacing(files["results.json"], "rotated since", "rotated on time")
        }),
        ("evidence file swapped", { files in
            let path = files.keys.first { $0.hasPrefix("evidence/keys.rotation/") }!
            files[path] = Data("key,rotated\nk1,2026-09-29\n".utf8)
        }),
    ]

    @Test(arguments: 0..<tamperings.count)
    func theStandardToolsCatchEachTampering(_ index: Int) throws {
        let bench = try AuditorTrustCLITests.exported()
        try AuditorTrustCLITests.tamper(bench, Self.tamperings[index].change)
        let result = try Self.run(try Self.blocks().standard, in: bench)
        #expect(result.status != 0, "\(Self.tamperings[index].name) went unnoticed:\n\(result)")
        // The lead re-signed: the signature step passes, and a later step is what fails.
        #expect(result.stdout.contains("Signature Verified Successfully"), "\(result)")
        let evident = try bench.run("verify", "--bundle", "2026-Q4.zip", "--public-key", "lead.pub")
        #expect(evident.status == 1, "\(Self.tamperings[index].name): \(evident)")
    }

    @Test func theStandardToolsCatchASignoffFromAnotherKey() throws {
        let bench = try AuditorTrustCLITests.exported()
        try bench.expectSuccess(bench.run("keygen", "--out", "intruder"))
        let intruder = try #require(try KeyFiles.signingKey(path: bench.directory.path("intruder.key"), environment: [:]))
        try AuditorTrustCLITests.tamper(bench) { files in AuditorTrustCLITests.resignSecondSignoff(&files, with: intruder) }
        let result = try Self.run(try Self.blocks().standard, in: bench)
        #expect(result.status != 0, "\(result)")
        #expect(result.stdout.contains("sign-off 2 by qsa@audit.example is not what the audit log records"), "\(result)")
    }
}
