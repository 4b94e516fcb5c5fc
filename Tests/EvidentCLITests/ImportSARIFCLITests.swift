import EvidentTestSupport
import Foundation
import Testing

/// `evident evidence import-sarif`: other scanners' results as evidence, hostile files refused.
@Suite struct ImportSARIFCLITests {
    /// A workspace on the shipped LiasonPay checklist with an open cycle.
    func liasonpayBench() throws -> Workbench {
        let bench = Workbench()
        #expect(try bench.run("init").status == 0)
        let load = try bench.run("checklist", "load", Fixtures.repository("Checklists/liasonpay"))
        #expect(load.status == 0, "\(load)")
        #expect(try bench.run("cycle", "start", "2026-Q4").status == 0)
        return bench
    }

    @Test func evidentsOwnSARIFIsFiledOnTheItemsThatNameItsDetectors() throws {
        let bench = try liasonpayBench()
        let scan = try EvidentBinary.run(["scan", Fixtures.path("scan-corpus/holdout"), "--format", "sarif"], in: bench.directory)
        #expect(scan.status == 0)
        bench.directory.write("evident.sarif", scan.stdout)
        let result = try bench.run("evidence", "import-sarif", "evident.sarif", "--attach")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains(": evident:hardcoded-api-key: LiasonPay secret key hardcoded in source (sk_live_…"), "\(result)")
        #expect(!result.stdout.contains("sk_live_3NvQ8rTz1Kp6LmWx9YbC2dFh"))
        #expect(result.stderr.contains("Attached the results to 10 items of cycle 2026-Q4: "), "\(result)")
        let list = try bench.json("evidence", "list", "keys.no-hardcoded-keys", "--format", "json")
        let evidence = try #require((list["evidence"] as? [[String: Any]])?.first)
        #expect(evidence["kind"] as? String == "scan")
        let note = try #require(evidence["note"] as? String)
        #expect(note.contains("evident:hardcoded-api-key: 14 results ("), "\(note)")
        #expect(note.contains("hardcoded-api-key: LiasonPay secret and restricted keys"), "scope and measured figures: \(note)")
        #expect(try bench.run("verify").status == 0)
    }

    @Test func withoutAttachNothingIsStored() throws {
        let bench = try liasonpayBench()
        bench.directory.write("empty.sarif", #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "gitleaks"}}, "results": []}]}"#)
        let result = try bench.run("evidence", "import-sarif", "empty.sarif")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("0 results from 1 run (gitleaks)"), "\(result)")
        let list = try bench.json("evidence", "list", "--format", "json")
        #expect((list["evidence"] as? [[String: Any]])?.isEmpty == true)
        #expect(try bench.run("evidence", "import-sarif", "empty.sarif", "--cycle", "2026-Q4").status == 64)
    }

    @Test func hostileFilesAreRefusedCleanly() throws {
        let bench = try liasonpayBench()
        bench.directory.write("text.sarif", "this is not JSON\n")
        bench.directory.write("old.sarif", #"{"version": "1.0.0", "runs": []}"#)
        bench.directory.write("deep.sarif", String(repeating: "[", count: 50_000))
        for (file, message) in [("text.sarif", "evident: error: text.sarif: not valid JSON"),
                                ("old.sarif", "evident: error: old.sarif: SARIF version 1.0.0 is not supported (2.1.0 only)"),
                                ("deep.sarif", "evident: error: deep.sarif:1:65: JSON nested more than 64 levels deep")] {
            let result = try bench.run("evidence", "import-sarif", file, "--attach")
            #expect(result.status == 65, "\(result)")
            #expect(result.stderr.contains(message), "\(result)")
            #expect(!result.stderr.contains("Fatal error") && result.stdout.isEmpty)
        }
        #expect(try bench.run("evidence", "import-sarif", "missing.sarif").status == 66)
        let list = try bench.json("evidence", "list", "--format", "json")
        #expect((list["evidence"] as? [[String: Any]])?.isEmpty == true)
    }

    @Test func checklistsMayNameOtherScannersRules() throws {
        let bench = Workbench()
        let copy = Fixtures.copyChecklist("minimal", into: bench.directory)
        let path = copy + "/01-keys.yaml"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let patterns = "checks: [hardcoded-api-key, \"semgrep:*sql-injection*\", \"codeql:js/sql-injection\", \"gitleaks:*\"]"
        try original.replacingOccurrences(of: "checks: [hardcoded-api-key]", with: patterns).write(toFile: path, atomically: true, encoding: .utf8)
        let valid = try bench.run("checklist", "validate", copy)
        #expect(valid.status == 0, "\(valid)")
        try original.replacingOccurrences(of: "checks: [hardcoded-api-key]", with: "checks: [hardcoded-api-key, \"sem grep:x\"]")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let invalid = try bench.run("checklist", "validate", copy)
        #expect(invalid.status == 65, "\(invalid)")
        #expect(invalid.stderr.contains("'sem grep:x' in 'checks' of item 'keys.no-hardcoded-keys' is not a scanner rule pattern"), "\(invalid)")
    }
}

/// The same import against SARIF that a real Semgrep writes, installed from PyPI when missing.
@Suite(.enabled(if: SemgrepTool.path != nil, "Semgrep could not be installed from PyPI (bench/semgrep-setup.sh said why)"))
struct SemgrepSARIFCLITests {
    @Test func realSemgrepResultsAreFiledOnTheLiasonPayItems() throws {
        let semgrep = try #require(SemgrepTool.path)
        let bench = try ImportSARIFCLITests().liasonpayBench()
        let output = bench.directory.path("semgrep.sarif")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: semgrep)
        process.arguments = ["scan", "--metrics=off", "--disable-version-check", "--config", "bench/semgrep-rules.yml",
                             "--sarif", "--output", output, "Tests/Fixtures/scan-corpus/tuning"]
        process.currentDirectoryURL = Fixtures.repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(["SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let result = try bench.run("evidence", "import-sarif", "semgrep.sarif", "--attach")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains(": semgrep:bench.hardcoded-api-key: "), "\(result)")
        #expect(result.stderr.contains("from 1 run (semgrep)"), "\(result)")
        let list = try bench.json("evidence", "list", "keys.no-hardcoded-keys", "--format", "json")
        let note = try #require((list["evidence"] as? [[String: Any]])?.first?["note"] as? String)
        #expect(note.hasPrefix("SARIF from Semgrep"), "\(note)")
        #expect(note.contains("semgrep:bench.hardcoded-api-key: "), "\(note)")
        #expect(note.contains("not measured by Evident"))
        let tls = try bench.json("evidence", "list", "transport.tls-1-2-minimum", "--format", "json")
        #expect((tls["evidence"] as? [[String: Any]])?.count == 1, "semgrep:*tls-version* names bench.weak-tls-version")
    }
}

/// Semgrep for the test above: `bench/semgrep-setup.sh` prints its path, installing it when missing.
enum SemgrepTool {
    static let path: String? = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Fixtures.repository("bench/semgrep-setup.sh")]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && !path.isEmpty ? path : nil
    }()
}
