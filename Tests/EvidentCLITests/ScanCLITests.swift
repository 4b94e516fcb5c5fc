import EvidentTestSupport
import Foundation
import Testing

/// `evident scan` as a user runs it: output on the right stream, exit codes, never a secret.
@Suite struct ScanCLITests {
    /// A fake live key, assembled at run time.
    private static let liveKey = "sk_" + "live_" + "DEMOxDEMOxDEMOxDEMOx0000"
    private static let webhookSecret = "whsec_" + "DEMOxDEMOxDEMOxDEMOx3333"

    private func integration() -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        directory.write("app/src/config.js", "const key = '\(Self.liveKey)';\n// rotated: \(Self.webhookSecret)\n")
        directory.write("app/sync.py", "requests.get(url, verify=False)\n")
        directory.write("app/node_modules/sdk/index.js", "const key = '\(Self.liveKey)';\n")
        directory.write("clean/app.js", "const key = process.env.LIASONPAY_API_KEY;\n")
        return directory
    }

    @Test func printsFindingsAndExitsZero() throws {
        let result = try EvidentBinary.run(["scan", "app"], in: integration())
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == """
            app/src/config.js:1: hardcoded-api-key: LiasonPay secret key hardcoded in source (sk_live_…0000)
            app/src/config.js:2: hardcoded-api-key: LiasonPay secret key hardcoded in source (whsec_…3333)
            app/sync.py:1: tls-verification-disabled: TLS certificate verification disabled (verify=False)

            """)
        #expect(result.stderr.hasPrefix("scanned 2 files ("), "\(result)")
        #expect(result.stderr.contains("): 3 findings (hardcoded-api-key 2, tls-verification-disabled 1)"))
        #expect(!result.stderr.contains("scanning…"), "no progress line on a pipe")
    }

    @Test func failOnFindingsExitsOneOnlyWhenSomethingIsFound() throws {
        let directory = integration()
        let found = try EvidentBinary.run(["scan", "app", "--fail-on-findings"], in: directory)
        #expect(found.status == 1, "\(found)")
        #expect(found.stdout.contains("hardcoded-api-key"))
        let clean = try EvidentBinary.run(["scan", "clean", "--fail-on-findings"], in: directory)
        #expect(clean.status == 0, "\(clean)")
        #expect(clean.stdout.isEmpty)
        #expect(clean.stderr.contains("no findings"))
    }

    @Test func machineFormatsGoToStandardOutputAlone() throws {
        let directory = integration()
        let json = try EvidentBinary.run(["scan", "app", "--format", "json"], in: directory)
        #expect(json.status == 0, "\(json)")
        #expect(json.stderr.isEmpty, "\(json)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["format_version"] as? Int == 1)
        #expect(object["root"] as? String == "app")
        #expect((object["findings"] as? [Any])?.count == 3)

        let sarif = try EvidentBinary.run(["scan", "app", "--format", "sarif", "--fail-on-findings"], in: directory)
        #expect(sarif.status == 1, "\(sarif)")
        #expect(sarif.stderr.isEmpty, "\(sarif)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
    }

    @Test(arguments: ["text", "json", "sarif"])
    func neverPrintsASecretInFull(format: String) throws {
        let result = try EvidentBinary.run(["scan", ".", "--format", format], in: integration())
        #expect(result.status == 0, "\(result)")
        for secret in [Self.liveKey, Self.webhookSecret] {
            #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "\(format)")
        }
        #expect(result.stdout.contains("sk_live_…0000"))
    }

    @Test func aMissingPathExits66() throws {
        let result = try EvidentBinary.run(["scan", "nowhere"], in: TemporaryDirectory())
        #expect(result.status == 66, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("evident: error: no such file or folder to scan: nowhere"))
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let result = try EvidentBinary.run(["scan", ".", "--format", "xml"], in: TemporaryDirectory())
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
    }

    @Test func cycleWithoutAttachIsAUsageError() throws {
        let result = try EvidentBinary.run(["scan", ".", "--cycle", "2026-Q4"], in: TemporaryDirectory())
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("--cycle applies only with --attach"))
    }

    @Test func aFileItCannotReadIsAWarningOnStandardError() throws {
        let directory = integration()
        #expect(FileManager.default.createFile(atPath: directory.path("app/huge.js"), contents: nil))
        let handle = try FileHandle(forWritingTo: directory.url.appendingPathComponent("app/huge.js"))
        try handle.truncate(atOffset: 33 << 20)
        try handle.close()
        if getuid() != 0 {
            directory.write("app/locked.js", "x\n")
            chmod(directory.path("app/locked.js"), 0)
        }
        let result = try EvidentBinary.run(["scan", "app", "--format", "json"], in: directory)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("evident: warning: app/huge.js: 33.0 MB is over the 32.0 MB limit"), "\(result)")
        if getuid() != 0 {
            #expect(result.stderr.contains("evident: warning: app/locked.js: cannot read: permission denied"), "\(result)")
        }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["skipped"] as? [[String: Any]])?.first?["reason"] as? String == "too-large")
    }

    @Test func theShippedSampleIntegrationShowsOneFindingPerDetector() throws {
        let result = try EvidentBinary.run(["scan", "Examples/sample-integration"], at: Fixtures.repositoryRoot)
        #expect(result.status == 0, "\(result)")
        let detectors = result.stdout.split(separator: "\n").map { $0.split(separator: ":")[2].trimmingCharacters(in: .whitespaces) }
        #expect(detectors.sorted() == ["error-stack-exposed", "hardcoded-api-key", "plain-http-api", "sql-string-interpolation",
                                       "tls-verification-disabled", "weak-tls-version", "webhook-signature-unsafe-compare"])
    }
}

/// `evident scan --attach`: results filed as evidence on the items whose checks name a detector.
@Suite struct ScanAttachCLITests {
    func benchWithTree() throws -> Workbench {
        let bench = Workbench()
        try bench.prepare()
        let secret = "sk_live_" + "abcdefghijklmnop4242"
        bench.directory.write("app/config.js", "const apiKey = \"\(secret)\";\n")
        bench.directory.write("app/ok.js", "const apiKey = process.env.LIASONPAY_API_KEY;\n")
        return bench
    }

    @Test func findingsAreAttachedToTheItemsThatNameTheDetector() throws {
        let bench = try benchWithTree()
        let result = try bench.run("scan", "app", "--attach")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("Attached the scan to 1 item of cycle 2026-Q4: keys.no-hardcoded-keys"))
        let list = try bench.json("evidence", "list", "--format", "json")
        let evidence = try #require((list["evidence"] as? [[String: Any]])?.first)
        #expect(evidence["kind"] as? String == "scan")
        #expect(evidence["item_id"] as? String == "keys.no-hardcoded-keys")
        let note = try #require(evidence["note"] as? String)
        #expect(note.hasPrefix("Scan of app (2 files, sha256:"))
        #expect(note.contains("hardcoded-api-key: 1 finding (config.js:1)"))
        let digest = try #require(evidence["digest"] as? String)
        let stored = bench.directory.read(".evident/vault/\(digest)")
        #expect(stored.contains("\"format_version\""))
        #expect(!stored.contains("abcdefghijklmnop4242"))
        #expect(try bench.run("verify").status == 0)
    }

    @Test func aCleanScanIsEvidenceToo() throws {
        let bench = try benchWithTree()
        try FileManager.default.removeItem(atPath: bench.directory.path("app/config.js"))
        #expect(try bench.run("scan", "app", "--attach").status == 0)
        let list = try bench.json("evidence", "list", "--format", "json")
        let note = (list["evidence"] as? [[String: Any]])?.first?["note"] as? String
        #expect(note?.contains("hardcoded-api-key: no findings.") == true)
        // "No findings" is filed with what it covers and how well it is measured to find it.
        let quality = DetectorQualityText.hardcodedKey
        #expect(note?.contains(quality) == true, "\(note ?? "")")
        #expect(note?.contains("Measured on") == true && note?.contains("precision") == true)
    }

    @Test func attachNeedsAnOpenCycleAndChecksBeforeScanning() throws {
        let bench = Workbench()
        #expect(try bench.run("scan", ".", "--attach").status == 66)
        try bench.prepare(cycle: nil)
        let result = try bench.run("scan", ".", "--attach")
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(try bench.run("scan", ".", "--cycle", "x").status == 64)
    }
}

/// The scope statement the evidence of a clean scan must carry (from `DetectorQuality.table`).
enum DetectorQualityText {
    static let hardcodedKey = "hardcoded-api-key: LiasonPay secret and restricted keys"
}
