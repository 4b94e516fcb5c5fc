import EvidentTestSupport
import Foundation
import Testing

/// `evident diff` as CI uses it.
@Suite struct DiffCLITests {
    /// Cycle A all reviewed and closed; cycle B carried forward with one regression and one improvement.
    func twoCycles() throws -> Workbench {
        let bench = Workbench()
        try bench.prepare(cycle: "2026-Q3")
        try bench.expectSuccess(bench.run("review", "keys.no-hardcoded-keys", "--status", "pass", "--note", "clean"))
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "fail", "--note", "late"))
        try bench.expectSuccess(bench.run("review", "data.retention", "--status", "pass", "--note", "ok"))
        try bench.expectSuccess(bench.run("evidence", "add", "keys.rotation", "--note", "rotation log"))
        try bench.expectSuccess(bench.run("cycle", "close", "2026-Q3"))
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4", "--carry-forward"))
        try bench.expectSuccess(bench.run("review", "keys.no-hardcoded-keys", "--status", "fail", "--note", "key found"))
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "pass", "--note", "rotated"))
        try bench.expectSuccess(bench.run("review", "data.retention", "--status", "pass", "--note", "ok"))
        return bench
    }

    @Test func jsonHasTheSpecifiedShape() throws {
        let diff = try twoCycles().json("diff", "2026-Q3", "2026-Q4", "--format", "json")
        #expect(diff["from"] as? String == "2026-Q3" && diff["to"] as? String == "2026-Q4")
        #expect(diff["regressions"] as? [[String: String]] == [["item": "keys.no-hardcoded-keys", "from": "pass", "to": "fail"]])
        #expect(diff["improvements"] as? [[String: String]] == [["item": "keys.rotation", "from": "fail", "to": "pass"]])
        #expect((diff["status_changes"] as? [Any])?.isEmpty == true)
        #expect(diff["unchanged"] as? Int == 2)
        #expect(diff["added_items"] as? [String] == [] && diff["removed_items"] as? [String] == [] && diff["changed_items"] as? [String] == [])
        #expect(diff["evidence"] as? [String: Int] == ["added": 0, "removed": 0, "reused": 1, "expired": 0])
    }

    @Test func aRegressionFailsCIOnlyWhenAsked() throws {
        let bench = try twoCycles()
        let plain = try bench.run("diff", "2026-Q3", "2026-Q4")
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("Regressions (1):"))
        let gated = try bench.run("diff", "2026-Q3", "2026-Q4", "--fail-on-regression")
        #expect(gated.status == 1, "\(gated)")
        #expect(gated.stderr.contains("1 regression from 2026-Q3 to 2026-Q4"))
        let reversed = try bench.run("diff", "2026-Q4", "2026-Q4", "--fail-on-regression")
        #expect(reversed.status == 0)
    }

    @Test func markdownAndHTMLRenderFromTemplates() throws {
        let bench = try twoCycles()
        let markdown = try bench.run("diff", "2026-Q3", "2026-Q4", "--format", "md")
        #expect(markdown.stdout.hasPrefix("# Cycle diff: 2026-Q3 → 2026-Q4"))
        #expect(markdown.stdout.contains("| keys.no-hardcoded-keys — No secret API key appears in source code | ✓ PASS | ✗ FAIL |"))
        let html = try bench.run("diff", "2026-Q3", "2026-Q4", "--format", "html")
        #expect(html.stdout.contains("<h2>Regressions</h2>"))
    }

    @Test func unknownCyclesAndFormatsAreRefused() throws {
        let bench = try twoCycles()
        #expect(try bench.run("diff", "2026-Q3", "2026-Q9").status == 65)
        #expect(try bench.run("diff", "2026-Q3", "2026-Q4", "--format", "xml").status == 64)
    }

    /// Reproduces the report: a cycle in progress listed every item not yet reviewed as a
    /// "regression", hiding the one real regression and failing CI.
    @Test func itemsNotYetReviewedAreUnreviewedNotRegressions() throws {
        let bench = Workbench()
        try bench.prepare(cycle: "2026-Q3")
        try bench.passEverything()
        try bench.expectSuccess(bench.run("evidence", "add", "keys.rotation", "--note", "rotation log"))
        try bench.expectSuccess(bench.run("cycle", "close", "2026-Q3"))
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4"))
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "fail", "--note", "overdue"))
        let diff = try bench.json("diff", "2026-Q3", "2026-Q4", "--format", "json")
        #expect(diff["regressions"] as? [[String: String]] == [["item": "keys.rotation", "from": "pass", "to": "fail"]])
        #expect(diff["unreviewed"] as? [[String: String]] == [
            ["item": "data.retention", "from": "pass", "to": "pending"],
            ["item": "keys.no-hardcoded-keys", "from": "pass", "to": "pending"],
        ])
        let text = try bench.run("diff", "2026-Q3", "2026-Q4")
        #expect(text.stdout.contains("Regressions (1):"))
        #expect(text.stdout.contains("Not yet reviewed in 2026-Q4 (2); not regressions: data.retention, keys.no-hardcoded-keys"))
        let markdown = try bench.run("diff", "2026-Q3", "2026-Q4", "--format", "md")
        #expect(markdown.stdout.contains("## Not yet reviewed in 2026-Q4"))
        #expect(markdown.stdout.contains("**1 regressions**"))
        let html = try bench.run("diff", "2026-Q3", "2026-Q4", "--format", "html")
        #expect(html.stdout.contains("<h2>Not yet reviewed in 2026-Q4</h2>"))
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "pass", "--note", "rotated"))
        let gate = try bench.run("diff", "2026-Q3", "2026-Q4", "--fail-on-regression")
        #expect(gate.status == 0, "only unreviewed items remain: \(gate)")
    }
}
