import EvidentTestSupport
import Foundation
import Testing

/// `status --format json` carries the fields SPEC §4 fixes, with the right numbers.
@Suite struct StatusCLITests {
    @Test func theJSONHasEverySpecifiedField() throws {
        let bench = Workbench()
        try bench.prepare()
        #expect(try bench.run("review", "keys.rotation", "--status", "pass", "--note", "ok").status == 0)
        #expect(try bench.run("evidence", "add", "keys.rotation", "--note", "rotation log checked").status == 0)
        #expect(try bench.run("evidence", "add", "keys.no-hardcoded-keys", "--note", "old scan", "--expires", "2026-09-01").status == 0)
        let status = try bench.json("status", "--format", "json")
        #expect(status["cycle"] as? String == "2026-Q4")
        #expect(status["checklist"] as? String == "demo-checklist")
        #expect(status["version"] as? String == "1.0.0")
        #expect(status["items"] as? Int == 4)
        #expect(status["counts"] as? [String: Int] == ["pass": 1, "partial": 0, "fail": 0, "na": 1, "pending": 2])
        let sections = try #require(status["sections"] as? [[String: Any]])
        #expect(sections.map { $0["id"] as? String } == ["keys", "data"])
        #expect(sections.first?["title"] as? String == "API Key Management")
        #expect(sections.first?["items"] as? Int == 2)
        #expect(sections.first?["counts"] as? [String: Int] == ["pass": 1, "partial": 0, "fail": 0, "na": 0, "pending": 1])
        let evidence = try #require(status["evidence"] as? [String: Int])
        #expect(evidence["total"] == 2 && evidence["expired"] == 1)
        #expect(status["items_without_evidence"] as? Int == 2)
    }

    @Test func machineOutputGoesToStandardOutputAlone() throws {
        let bench = Workbench()
        try bench.prepare()
        let result = try bench.run("status", "--format", "json")
        #expect(result.stderr.isEmpty)
        #expect(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) is [String: Any])
        #expect(try bench.run("status", "--format", "yaml").status == 64)
    }

    @Test func textStatusSaysWhatToDoNext() throws {
        let bench = Workbench()
        try bench.prepare()
        let result = try bench.run("status")
        #expect(result.stdout.contains("Next: review 3 pending items, starting with keys.no-hardcoded-keys"))
        #expect(!result.stdout.contains("\u{1B}["))
    }
}
