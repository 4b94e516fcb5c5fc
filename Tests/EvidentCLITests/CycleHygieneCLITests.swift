import EvidentTestSupport
import Foundation
import Testing

/// Cycle hygiene (SPEC §3): abandoning a cycle started by mistake, `$EVIDENT_CYCLE`, carrying `na`
/// verdicts forward, and the previous verdict offered by `review --interactive`.
@Suite struct CycleHygieneCLITests {
    /// Reproduces the report: a cycle started by mistake could never be removed, so from then on
    /// every command needed `--cycle`.
    @Test func anAbandonedCycleIsKeptButNoDefaultPicksItAgain() throws {
        let bench = Workbench()
        try bench.prepare()
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4-typo"))
        let blocked = try bench.run("review", "keys.rotation", "--status", "pass", "--note", "ok")
        #expect(blocked.status == 65, "two open cycles: \(blocked)")
        let noReason = try bench.run("cycle", "abandon", "2026-Q4-typo")
        #expect(noReason.status == 64)
        let abandon = try bench.run("cycle", "abandon", "2026-Q4-typo", "--reason", "started by mistake")
        #expect(abandon.status == 0, "\(abandon)")
        #expect(abandon.stdout.contains("Abandoned cycle 2026-Q4-typo"))
        #expect(try bench.run("review", "keys.rotation", "--status", "pass", "--note", "ok").status == 0)
        let status = try bench.json("status", "--format", "json")
        #expect(status["cycle"] as? String == "2026-Q4")
        let list = try bench.run("cycle", "list")
        #expect(list.stdout.split(separator: "\n").contains { $0.hasPrefix("2026-Q4-typo") && $0.contains(" abandoned ") }, "\(list)")
        let show = try bench.run("cycle", "show", "2026-Q4-typo")
        #expect(show.stdout.contains("Cycle 2026-Q4-typo (abandoned)"))
        #expect(show.stdout.contains("started by mistake"))
        let log = try bench.run("log", "--cycle", "2026-Q4-typo")
        #expect(log.stdout.contains("cycle.abandon"))
        #expect(log.stdout.contains("started by mistake"))
        for arguments in [
            ["review", "keys.rotation", "--status", "pass", "--note", "x", "--cycle", "2026-Q4-typo"],
            ["evidence", "add", "keys.rotation", "--note", "late", "--cycle", "2026-Q4-typo"],
            ["cycle", "close", "2026-Q4-typo"],
            ["cycle", "abandon", "2026-Q4-typo", "--reason", "again"],
        ] {
            let result = try bench.run(arguments)
            #expect(result.status == 65, "\(arguments): \(result)")
            #expect(result.stderr.contains("abandoned"), "\(arguments): \(result)")
        }
        #expect(try bench.run("verify").status == 0)
    }

    @Test func onlyAnOpenCycleCanBeAbandonedAndNeverPickedForReading() throws {
        let bench = Workbench()
        try bench.prepare()
        try bench.passEverything()
        try bench.expectSuccess(bench.run("cycle", "close", "2026-Q4"))
        let closed = try bench.run("cycle", "abandon", "2026-Q4", "--reason", "oops")
        #expect(closed.status == 65)
        #expect(closed.stderr.contains("closed"))
        bench.setNow("2026-10-02T09:00:00Z")
        try bench.expectSuccess(bench.run("cycle", "start", "2027-Q1"))
        try bench.expectSuccess(bench.run("cycle", "abandon", "2027-Q1", "--reason", "wrong quarter"))
        let status = try bench.json("status", "--format", "json")
        #expect(status["cycle"] as? String == "2026-Q4", "reads fall back to the last closed cycle, not the abandoned one")
        bench.setNow("2026-10-03T09:00:00Z")
        let start = try bench.run("cycle", "start", "2027-Q1b", "--carry-forward")
        #expect(start.stdout.contains("from 2026-Q4"), "carry-forward never copies from an abandoned cycle: \(start)")
    }

    /// SPEC §3: `--cycle NAME`, else `$EVIDENT_CYCLE`, else the only open cycle.
    @Test func evidentCycleChoosesTheDefaultAndTheFlagWins() throws {
        let bench = Workbench()
        try bench.prepare(cycle: nil)
        try bench.expectSuccess(bench.run("cycle", "start", "payments"))
        try bench.expectSuccess(bench.run("cycle", "start", "ledger"))
        let environment = ["EVIDENT_CYCLE": "ledger"]
        let review = try bench.run(["review", "keys.rotation", "--status", "fail", "--note", "late"], environment: environment)
        #expect(review.status == 0, "\(review)")
        #expect(review.stdout.contains("in cycle ledger"))
        let status = try bench.run(["status", "--format", "json"], environment: environment)
        #expect(status.stdout.contains("\"cycle\" : \"ledger\""))
        let flag = try bench.run(["review", "keys.rotation", "--status", "pass", "--note", "ok", "--cycle", "payments"], environment: environment)
        #expect(flag.stdout.contains("in cycle payments"), "--cycle wins over $EVIDENT_CYCLE: \(flag)")
        let typo = try bench.run(["status"], environment: ["EVIDENT_CYCLE": "ledgr"])
        #expect(typo.status == 65)
        #expect(typo.stderr.contains("unknown cycle 'ledgr' (from $EVIDENT_CYCLE); did you mean 'ledger'?"))
        try bench.expectSuccess(bench.run("cycle", "abandon", "ledger", "--reason", "merged into payments"))
        let abandoned = try bench.run(["status"], environment: environment)
        #expect(abandoned.status == 65)
        #expect(abandoned.stderr.contains("abandoned"))
    }

    /// Reproduces the report: every quarter the lead re-entered every `na` decision and its reason.
    @Test func carryForwardKeepsNAVerdictsWithTheirNotes() throws {
        let bench = Workbench()
        try bench.prepare(cycle: "2026-Q3")
        try bench.expectSuccess(bench.run("review", "data.retention", "--status", "na", "--note", "we store no customer data"))
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "fail", "--note", "overdue"))
        try bench.expectSuccess(bench.run("review", "keys.no-hardcoded-keys", "--status", "pass", "--note", "scan clean"))
        try bench.expectSuccess(bench.run("cycle", "close", "2026-Q3"))
        let start = try bench.run("cycle", "start", "2026-Q4", "--carry-forward", "--scope", "handles-card-data")
        #expect(start.status == 0, "\(start)")
        #expect(start.stdout.contains("Carried forward 1 n/a verdict with its note from 2026-Q3"))
        let report = try bench.json("report", "--format", "json")
        let items = (report["sections"] as? [[String: Any]] ?? []).flatMap { $0["items"] as? [[String: Any]] ?? [] }
        func item(_ id: String) -> [String: Any]? { items.first { $0["id"] as? String == id } }
        #expect(item("data.retention")?["status"] as? String == "na")
        #expect(item("data.retention")?["note"] as? String == "we store no customer data")
        #expect(item("keys.rotation")?["status"] as? String == "pending", "only na verdicts are carried")
        #expect(item("keys.no-hardcoded-keys")?["status"] as? String == "pending")
        #expect(item("data.pci.segmentation")?["status"] as? String == "pending", "the new scope decides, not the old out-of-scope note")
        #expect(try bench.run("verify").status == 0)
    }

    @Test func interactiveReviewOffersThePreviousVerdictAndNeverRecordsItUnasked() throws {
        let bench = Workbench()
        try bench.prepare(cycle: "2026-Q3")
        try bench.expectSuccess(bench.run("review", "keys.no-hardcoded-keys", "--status", "pass", "--note", "scan clean"))
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "fail", "--note", "overdue"))
        try bench.expectSuccess(bench.run("review", "data.retention", "--status", "pass", "--note", "policy v1"))
        try bench.expectSuccess(bench.run("cycle", "close", "2026-Q3"))
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4", "--carry-forward"))
        let before = try bench.json("status", "--format", "json")
        #expect((before["counts"] as? [String: Int])?["pending"] == 3, "offered verdicts are not recorded by starting the cycle")
        // Enter takes pass with its note; for keys.rotation the reviewer answers differently; then quits.
        let result = try bench.run(["review", "--interactive"], input: Data("\n\np\nrotated in September\nq\n".utf8))
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("In 2026-Q3: PASS — scan clean"), "\(result)")
        #expect(result.stdout.contains("Enter takes pass"))
        #expect(result.stdout.contains("In 2026-Q3: FAIL — overdue"))
        let report = try bench.json("report", "--format", "json")
        let items = (report["sections"] as? [[String: Any]] ?? []).flatMap { $0["items"] as? [[String: Any]] ?? [] }
        func item(_ id: String) -> [String: Any]? { items.first { $0["id"] as? String == id } }
        #expect(item("keys.no-hardcoded-keys")?["status"] as? String == "pass")
        #expect(item("keys.no-hardcoded-keys")?["note"] as? String == "scan clean")
        #expect(item("keys.rotation")?["status"] as? String == "pass")
        #expect(item("keys.rotation")?["note"] as? String == "rotated in September")
        #expect(item("data.retention")?["status"] as? String == "pending", "quitting records nothing more")
    }
}
