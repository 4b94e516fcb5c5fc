import EvidentTestSupport
import Foundation
import GRDB
import Testing

/// Abandoned cycles in a programme of targets, and the spreadsheet round trip with owners: what
/// cycle hygiene and the programme views must agree on.
@Suite struct AbandonedProgrammeCLITests {
    /// Reviews every item of `cycle` that is still pending: `pass` with a note.
    private func passPending(_ bench: Workbench, cycle: String) throws {
        let status = try bench.json("status", "--cycle", cycle, "--format", "json")
        for item in status["pending"] as? [String] ?? [] {
            try bench.expectSuccess(bench.run("review", item, "--status", "pass", "--note", "checked", "--cycle", cycle))
        }
    }

    @Test func anAbandonedCycleTakesNoOwnerExceptionOrSignoff() throws {
        let bench = Workbench()
        try bench.prepare(cycle: nil)
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4-api", "--target", "payments-api"))
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4-typo", "--target", "payments-api"))
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "fail", "--note", "late", "--cycle", "2026-Q4-typo"))
        try bench.expectSuccess(bench.run("cycle", "abandon", "2026-Q4-typo", "--reason", "started twice"))
        for arguments in [
            ["assign", "keys.rotation", "--owner", "marc@example.com", "--cycle", "2026-Q4-typo"],
            ["exception", "add", "keys.rotation", "--reason", "booked", "--expires", "2026-12-31", "--approved-by", "ciso@example.com",
             "--cycle", "2026-Q4-typo"],
        ] {
            let result = try bench.run(arguments)
            #expect(result.status == 65, "\(arguments): \(result)")
            #expect(result.stderr.contains("was abandoned"), "\(arguments): \(result)")
        }
        let signoff = try bench.run("signoff", "2026-Q4-typo", "--statement", "Reviewed")
        #expect(signoff.status == 65, "\(signoff)")
        #expect(signoff.stderr.contains("cycle '2026-Q4-typo' was abandoned; an abandoned cycle cannot be signed off"), "\(signoff)")
        #expect(signoff.stderr.contains("hint:"))
        try bench.expectSuccess(bench.run("signoff", "2026-Q4-api", "--statement", "Reviewed"))

        // The database refuses the rows too, whoever writes them.
        let queue = try DatabaseQueue(path: bench.databasePath)
        let cycleID = try #require(try queue.read { try Int64.fetchOne($0, sql: "SELECT id FROM cycle WHERE name = '2026-Q4-typo'") })
        let now = "2026-10-01T09:00:00Z"
        for sql in [
            "INSERT INTO assignment (cycle_id, item_id, owner, due_at, actor, at) VALUES (\(cycleID), 'keys.rotation', 'x', NULL, 'x', '\(now)')",
            "INSERT INTO risk_exception (cycle_id, item_id, item_status, reason, approved_by, expires_at, actor, at) "
                + "VALUES (\(cycleID), 'keys.rotation', 'fail', 'r', 'x', '2026-12-31T00:00:00Z', 'x', '\(now)')",
            "INSERT INTO signoff (cycle_id, signer, statement, at, digest) VALUES (\(cycleID), 'x', 's', '\(now)', 'd')",
        ] {
            let refused = Result { try queue.write { try $0.execute(sql: sql) } }
            guard case let .failure(error) = refused else {
                Issue.record("accepted on an abandoned cycle: \(sql)")
                continue
            }
            #expect("\(error)".contains("abandoned cycle"), "\(error)")
        }
        #expect(try bench.run("verify").status == 0)
    }

    @Test func overviewTodoAndCarryForwardSkipAbandonedCycles() throws {
        let bench = Workbench(now: "2026-07-01T09:00:00Z")
        try bench.prepare(cycle: nil)
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q3-api", "--target", "payments-api"))
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q3-portal", "--target", "merchant-portal"))
        try bench.expectSuccess(bench.run("review", "data.retention", "--status", "na", "--note", "no data kept", "--cycle", "2026-Q3-api"))
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "na", "--note", "portal holds no keys",
                                          "--cycle", "2026-Q3-portal"))
        try passPending(bench, cycle: "2026-Q3-api")
        try passPending(bench, cycle: "2026-Q3-portal")
        bench.setNow("2026-09-30T09:00:00Z")
        try bench.expectSuccess(bench.run("cycle", "close", "2026-Q3-api"))
        bench.setNow("2026-09-30T10:00:00Z")
        try bench.expectSuccess(bench.run("cycle", "close", "2026-Q3-portal"))

        // A later cycle of each target, started and abandoned, plus a target with nothing else.
        bench.setNow("2026-10-01T09:00:00Z")
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4-api-typo", "--target", "payments-api"))
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4-refunds", "--target", "refunds-worker"))
        try bench.expectSuccess(bench.run("assign", "keys.rotation", "--owner", "marc@example.com", "--due", "2026-10-15",
                                          "--cycle", "2026-Q4-api-typo"))
        try bench.expectSuccess(bench.run("cycle", "abandon", "2026-Q4-api-typo", "--reason", "wrong checklist"))
        try bench.expectSuccess(bench.run("cycle", "abandon", "2026-Q4-refunds", "--reason", "service retired"))

        bench.setNow("2026-11-01T09:00:00Z")
        let overview = try bench.json("overview", "--format", "json")
        let rows = try #require(overview["targets"] as? [[String: Any]])
        #expect(rows.compactMap { $0["cycle"] as? String } == ["2026-Q3-portal", "2026-Q3-api"], "\(rows)")
        let todo = try bench.json("todo", "--format", "json")
        let entries = todo["entries"] as? [[String: Any]] ?? []
        #expect(!entries.contains { $0["cycle"] as? String == "2026-Q4-api-typo" }, "the overdue item of an abandoned cycle is no work: \(entries)")
        let marc = try bench.json("todo", "--owner", "marc@example.com", "--format", "json")["entries"] as? [[String: Any]]
        #expect(marc?.isEmpty == true, "\(marc ?? [])")

        // Carry-forward: the last closed cycle of the same target, never the abandoned one nor another target's.
        let start = try bench.run("cycle", "start", "2026-Q4-api", "--target", "payments-api", "--carry-forward")
        #expect(start.status == 0, "\(start)")
        #expect(start.stdout.contains("Carried forward 1 n/a verdict with its note from 2026-Q3-api"), "\(start)")
        let report = try bench.json("report", "--cycle", "2026-Q4-api", "--format", "json")
        let items = (report["sections"] as? [[String: Any]] ?? []).flatMap { $0["items"] as? [[String: Any]] ?? [] }
        func item(_ id: String) -> [String: Any]? { items.first { $0["id"] as? String == id } }
        #expect(item("data.retention")?["status"] as? String == "na")
        #expect(item("data.retention")?["note"] as? String == "no data kept")
        #expect(item("keys.rotation")?["status"] as? String == "pending", "the portal's n/a stays with the portal")
        let refunds = try bench.run("cycle", "start", "2026-Q4-refunds-b", "--target", "refunds-worker", "--carry-forward")
        #expect(refunds.stderr.contains("nothing to carry forward: no closed cycle of demo-checklist for refunds-worker yet"), "\(refunds)")
        #expect(try bench.run("verify").status == 0)
    }

    @Test func theReportCSVRoundTripsOwnersAndDueDates() throws {
        let bench = Workbench()
        try bench.prepare(cycle: nil)
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4-api", "--target", "payments-api"))
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4-portal", "--target", "merchant-portal"))
        try bench.expectSuccess(bench.run("assign", "keys.rotation", "--owner", "=marc@example.com", "--due", "2026-11-30",
                                          "--cycle", "2026-Q4-api"))
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "fail", "--note", "late", "--cycle", "2026-Q4-api"))
        try bench.expectSuccess(bench.run("report", "--cycle", "2026-Q4-api", "--format", "csv", "--out", "items.csv"))
        let header = bench.directory.read("items.csv").split(separator: "\n").first.map(String.init)
        #expect(header?.hasPrefix("item,section,title,severity,status,note,owner,due,") == true, "\(header ?? "")")

        // Back into the same cycle: nothing changes, and owner and due are not named as ignored.
        let before = try bench.run("log", "--format", "json").stdout
        let same = try bench.run("review", "import", "items.csv", "--cycle", "2026-Q4-api")
        #expect(same.status == 0, "\(same)")
        #expect(same.stdout.contains("Imported 0 reviews into cycle 2026-Q4-api"), "\(same)")
        #expect(!same.stderr.contains("'owner'") && !same.stderr.contains("'due'"), "\(same)")
        #expect(try bench.run("log", "--format", "json").stdout == before, "an unchanged round trip records nothing")

        // Into another target's cycle: the verdict, the owner (its formula guard removed) and the due date.
        let other = try bench.run("review", "import", "items.csv", "--cycle", "2026-Q4-portal")
        #expect(other.stdout.contains("Imported 1 review and 1 owner into cycle 2026-Q4-portal"), "\(other)")
        let csv = try bench.run("report", "--cycle", "2026-Q4-portal", "--format", "csv").stdout
        #expect(csv.contains(",fail,late,'=marc@example.com,2026-11-30,"), "\(csv)")

        // A spreadsheet's own export: BOM, `;`, quoted fields, an owner without a verdict.
        bench.directory.write("lead.csv", "\u{FEFF}Item;Status;Owner;Due\r\ndata.retention;;\"Ana; data team\";2026-12-01\r\n")
        let lead = try bench.run("review", "import", "lead.csv", "--cycle", "2026-Q4-portal")
        #expect(lead.status == 0, "\(lead)")
        #expect(lead.stdout.contains("Imported 0 reviews and 1 owner"), "\(lead)")
        let status = try bench.json("report", "--cycle", "2026-Q4-portal", "--format", "json")
        let items = (status["sections"] as? [[String: Any]] ?? []).flatMap { $0["items"] as? [[String: Any]] ?? [] }
        let retention = items.first { $0["id"] as? String == "data.retention" }
        #expect(retention?["owner"] as? String == "Ana; data team")
        #expect((retention?["due"] as? String)?.hasPrefix("2026-12-01") == true)
        bench.directory.write("orphan.csv", "item,status,owner,due\nkeys.rotaton,,marc@example.com,\ndata.retention,,,2026-12-01\n")
        let orphan = try bench.run("review", "import", "orphan.csv", "--cycle", "2026-Q4-portal")
        #expect(orphan.status == 65)
        #expect(orphan.stderr.contains("orphan.csv:2: error: unknown item 'keys.rotaton'"), "\(orphan)")
        #expect(orphan.stderr.contains("orphan.csv:3: error: a due date needs an owner in the same row"), "\(orphan)")
        #expect(try bench.run("verify").status == 0)
    }
}
