import EvidentTestSupport
import Foundation
import Testing

/// Cycles: scope, default-cycle rules, closing, immutability and carry-forward (SPEC §3).
@Suite struct CycleCLITests {
    @Test func outOfScopeItemsAreRecordedNAWithTheReason() throws {
        let bench = Workbench()
        try bench.prepare()
        let status = try bench.json("status", "--format", "json")
        let counts = status["counts"] as? [String: Int]
        #expect(counts == ["pass": 0, "partial": 0, "fail": 0, "na": 1, "pending": 3])
        let log = try bench.run("log", "--item", "data.pci.segmentation")
        #expect(log.stdout.contains("out of scope: requires handles-card-data"))
    }

    @Test func aCycleStartedWithTheTagKeepsTheItemInScope() throws {
        let bench = Workbench()
        try bench.prepare(scope: ["handles-card-data"])
        let status = try bench.json("status", "--format", "json")
        #expect((status["counts"] as? [String: Int])?["pending"] == 4)
    }

    @Test func aLaterReviewOverridesOutOfScope() throws {
        let bench = Workbench()
        try bench.prepare()
        #expect(try bench.run("review", "data.pci.segmentation", "--status", "pass", "--note", "we do handle cards").status == 0)
        let status = try bench.json("status", "--format", "json")
        #expect((status["counts"] as? [String: Int])?["pass"] == 1)
    }

    @Test func duplicateAndUnknownCyclesAreBadInput() throws {
        let bench = Workbench()
        try bench.prepare()
        let duplicate = try bench.run("cycle", "start", "2026-Q4")
        #expect(duplicate.status == 65)
        #expect(duplicate.stderr.contains("already exists"))
        let unknown = try bench.run("status", "--cycle", "2026-Q5")
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("did you mean '2026-Q4'?"))
    }

    @Test func writesNeedExactlyOneOpenCycle() throws {
        let bench = Workbench()
        try bench.prepare(cycle: nil)
        let none = try bench.run("review", "keys.rotation", "--status", "pass")
        #expect(none.status == 65)
        #expect(none.stderr.contains("cycle start NAME"))
        #expect(try bench.run("cycle", "start", "a").status == 0)
        #expect(try bench.run("cycle", "start", "b").status == 0)
        let several = try bench.run("review", "keys.rotation", "--status", "pass")
        #expect(several.status == 65)
        #expect(several.stderr.contains("--cycle"))
        #expect(try bench.run("review", "keys.rotation", "--status", "pass", "--cycle", "b").status == 0)
    }

    @Test func closeRefusesWhileItemsArePendingAndListsThem() throws {
        let bench = Workbench()
        try bench.prepare()
        let result = try bench.run("cycle", "close", "2026-Q4")
        #expect(result.status == 65)
        #expect(result.stderr.contains("keys.no-hardcoded-keys"))
        #expect(result.stderr.contains("keys.rotation"))
        #expect(!result.stderr.contains("data.pci.segmentation"))
    }

    @Test func aClosedCycleCannotChangeButReadsDefaultToIt() throws {
        let bench = Workbench()
        try bench.prepare()
        try bench.passEverything()
        #expect(try bench.run("evidence", "add", "keys.rotation", "--note", "rotated on 2026-09-01").status == 0)
        #expect(try bench.run("cycle", "close", "2026-Q4").status == 0)
        for arguments in [
            ["review", "keys.rotation", "--status", "fail", "--note", "x", "--cycle", "2026-Q4"],
            ["evidence", "add", "keys.rotation", "--note", "late", "--cycle", "2026-Q4"],
            ["evidence", "withdraw", "1", "--reason", "oops"],
            ["cycle", "close", "2026-Q4"],
        ] {
            let result = try bench.run(arguments)
            #expect(result.status == 65, "\(arguments): \(result)")
        }
        let status = try bench.json("status", "--format", "json")
        #expect(status["cycle"] as? String == "2026-Q4")
        #expect(status["state"] as? String == "closed")
    }

    @Test func aClosedCycleIsJudgedAtItsCloseTimeForever() throws {
        let bench = Workbench()
        try bench.prepare()
        try bench.passEverything()
        #expect(try bench.run("evidence", "add", "keys.rotation", "--note", "rotated").status == 0)
        #expect(try bench.run("cycle", "close", "2026-Q4").status == 0)
        let before = try bench.run("status", "--format", "json")
        bench.setNow("2027-06-01T00:00:00Z")
        let after = try bench.run("status", "--format", "json")
        #expect(before.stdout == after.stdout)
        #expect(after.stdout.contains("\"expired\" : 0"))
    }

    @Test func carryForwardCopiesUnexpiredEvidenceKeepingItsDates() throws {
        let bench = Workbench()
        try bench.prepare()
        try bench.passEverything()
        #expect(try bench.run("evidence", "add", "keys.rotation", "--note", "rotation log", "--as-of", "2026-09-01").status == 0)
        #expect(try bench.run("evidence", "add", "keys.no-hardcoded-keys", "--note", "short lived", "--expires", "2026-10-15").status == 0)
        #expect(try bench.run("evidence", "add", "data.retention", "--note", "policy v2").status == 0)
        #expect(try bench.run("evidence", "withdraw", "3", "--reason", "superseded").status == 0)
        #expect(try bench.run("cycle", "close", "2026-Q4").status == 0)
        bench.setNow("2026-10-20T00:00:00Z")
        let start = try bench.run("cycle", "start", "2027-Q1", "--carry-forward")
        #expect(start.status == 0, "\(start)")
        #expect(start.stdout.contains("Carried forward 1 piece"))
        let list = try bench.json("evidence", "list", "--format", "json")
        let evidence = list["evidence"] as? [[String: Any]] ?? []
        #expect(evidence.count == 1)
        #expect(evidence.first?["item_id"] as? String == "keys.rotation")
        #expect(evidence.first?["effective_at"] as? String == "2026-09-01T00:00:00Z")
        #expect(evidence.first?["expires_at"] as? String == "2026-11-30T00:00:00Z")
        #expect(evidence.first?["carried_from_id"] as? Int == 1)
    }

    @Test func cycleListAndShowDescribeEveryCycle() throws {
        let bench = Workbench()
        try bench.prepare()
        let list = try bench.run("cycle", "list")
        #expect(list.status == 0)
        #expect(list.stdout.contains("2026-Q4"))
        let show = try bench.run("cycle", "show")
        #expect(show.stdout.contains("scope       (none)"))
        #expect(show.stdout.contains("started     2026-10-01T09:00:00Z by lead@example.com"))
    }
}
