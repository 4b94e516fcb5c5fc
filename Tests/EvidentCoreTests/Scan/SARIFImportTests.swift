@testable import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// `evidence import-sarif` in the core: `checks` patterns, SARIF read from any tool, hostile files refused.
@Suite struct SARIFImportTests {
    @Test func checkPatternsMatchToolAndRuleWithWildcards() throws {
        let pattern = try #require(CheckPattern("semgrep:*sql-injection*"))
        #expect(pattern.matches(tool: "semgrep", rule: "javascript.express.security.express-sql-injection.tainted"))
        #expect(pattern.matches(tool: "Semgrep", rule: "PYTHON.SQL-INJECTION"))
        #expect(!pattern.matches(tool: "codeql", rule: "js/sql-injection"))
        #expect(!pattern.matches(tool: "semgrep", rule: "python.xss"))
        #expect(try #require(CheckPattern("codeql:*/sql-injection")).matches(tool: "codeql", rule: "js/sql-injection"))
        #expect(try #require(CheckPattern("gitleaks:*")).matches(tool: "gitleaks", rule: "stripe-access-token"))
        #expect(try #require(CheckPattern("*:*")).matches(tool: "anything", rule: "at-all"))
        // A detector id is Evident's own rule.
        #expect(CheckPattern("sql-string-interpolation") == CheckPattern("evident:sql-string-interpolation"))
        #expect(CheckPattern("sql-string-interpolations") == nil)
        #expect(CheckPattern("semgrep:") == nil && CheckPattern(":rule") == nil && CheckPattern("sem grep:x") == nil)
        #expect(CheckPattern.wildcard("a*b*c", matches: "a" + String(repeating: "b", count: 10_000) + "d") == false)
    }

    @Test func evidentsOwnSARIFIsRead() throws {
        let report = try SourceScan.run(root: Fixtures.path("scan-corpus/holdout"), evidentVersion: "9.9.9")
        let sarif = try SARIFImport.parse(Array(ScanSARIF.render(report).utf8), path: "evident.sarif")
        let run = try #require(sarif.runs.first)
        #expect(run.toolID == "evident")
        #expect(run.results.count == report.findings.count)
        #expect(run.rules == DetectorID.allCases.map(\.rawValue).sorted())
        #expect(!String(decoding: sarif.storedBytes, as: UTF8.self).contains("sk_live_3NvQ8rTz1Kp6LmWx9YbC2dFh"))
        let summary = try #require(Workspace.sarifSummary(sarif, patterns: [CheckPattern("hardcoded-api-key")!]))
        #expect(summary.hasPrefix("SARIF from Evident 9.9.9 (evident.sarif): evident:hardcoded-api-key: 14 results ("))
        #expect(summary.contains("Measured on"))
        #expect(Workspace.sarifSummary(sarif, patterns: [CheckPattern("semgrep:*")!]) == nil)
    }

    @Test func aRuleThatRanAndFoundNothingIsRecordedAsSuch() throws {
        let text = """
            {"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": [{"tool": {"driver": {
              "name": "Semgrep OSS", "semanticVersion": "1.185.0",
              "rules": [{"id": "python.sql-injection"}, {"id": "python.xss"}]}},
              "results": [{"ruleId": "python.xss", "message": {"text": "xss"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": "app/views.py"}, "region": {"startLine": 7}}}]}]}]}
            """
        let sarif = try SARIFImport.parse(Array(text.utf8), path: "semgrep.sarif")
        let summary = Workspace.sarifSummary(sarif, patterns: [CheckPattern("semgrep:*sql-injection*")!])
        #expect(summary?.hasPrefix("SARIF from Semgrep OSS 1.185.0 (semgrep.sarif): semgrep:python.sql-injection: no results.") == true)
        #expect(summary?.contains("not measured by Evident") == true)
        #expect(Workspace.sarifSummary(sarif, patterns: [CheckPattern("semgrep:*xss")!])?.contains("python.xss: 1 result (app/views.py:7)") == true)
    }

    @Test(arguments: [
        ("not json at all", "not valid JSON"),
        ("{\"version\": \"2.0.0\", \"runs\": []}", "SARIF version 2.0.0 is not supported (2.1.0 only)"),
        ("{\"runs\": []}", "not a SARIF 2.1.0 log: no \"version\" member at the top level"),
        ("{\"version\": \"2.1.0\"}", "not a SARIF 2.1.0 log: missing \"runs\" in the top level"),
        ("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {}}}]}", "missing \"name\" in runs[0].tool.driver"),
        ("{\"version\": \"2.1.0\", \"runs\": {}}", "not a SARIF 2.1.0 log: runs is not"),
        ("{\"version\": \"2.1.0\", \"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"runs\": []}",
         "/schema, not a SARIF schema"),
        ("[1, 2, 3]", "not a SARIF 2.1.0 log"),
    ])
    func hostileOrWrongFilesAreRefusedWithALocatedMessage(_ text: String, _ message: String) {
        #expect {
            _ = try SARIFImport.parse(Array(text.utf8), path: "bad.sarif")
        } throws: { error in
            let description = (error as? SARIFImportError)?.errorDescription ?? ""
            return (error as? SARIFImportError)?.kind == .badInput && description.hasPrefix("bad.sarif") && description.contains(message)
        }
    }

    @Test func deeplyNestedJSONIsRefusedBeforeDecoding() {
        let deep = "{\"version\": \"2.1.0\", \"runs\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(throws: SARIFImportError.tooDeep("deep.sarif", line: 1, column: 93, limit: 64)) {
            _ = try SARIFImport.parse(Array(deep.utf8), path: "deep.sarif")
        }
    }

    @Test func hugeAndMissingFilesAreRefusedUnread() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("huge.sarif", "")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(SARIFImport.maximumSize + 1))
        try handle.close()
        #expect(throws: SARIFImportError.tooLarge(path, size: SARIFImport.maximumSize + 1)) { _ = try SARIFImport.read(path: path) }
        #expect(throws: SARIFImportError.missingFile(directory.path("none.sarif"))) { _ = try SARIFImport.read(path: directory.path("none.sarif")) }
    }
}
