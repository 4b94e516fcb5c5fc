import EvidentTestSupport
import Foundation
import GRDB
import Testing

/// A programme of three targets through a quarter, through the binary: targets, owners and due
/// dates, accepted risks, the overview, closing, carrying forward per target, and diff.
@Suite struct ProgrammeCLITests {
    static let targets = [("2026-Q4-api", "payments-api"), ("2026-Q4-portal", "merchant-portal"), ("2026-Q4-refunds", "refunds-worker")]

    /// Three open cycles of one checklist, one per target.
    private func startProgramme() throws -> Workbench {
        let bench = Workbench(now: "2026-10-01T09:00:00Z")
        try bench.prepare(cycle: nil)
        for (cycle, target) in Self.targets {
            let started = try bench.run("cycle", "start", cycle, "--target", target)
            #expect(started.status == 0, "\(started)")
            #expect(started.stdout.contains("for \(target)"))
        }
        return bench
    }

    @Test func aQuarterOfThreeTargets() throws {
        let bench = try startProgramme()
        let list = try bench.run("cycle", "list")
        for (cycle, target) in Self.targets { #expect(list.stdout.contains(cycle) && list.stdout.contains(target)) }

        // Owners and due dates.
        try bench.expectSuccess(bench.run("assign", "keys.no-hardcoded-keys", "keys.rotation", "--owner", "marc@example.com",
                                          "--due", "2026-10-15", "--cycle", "2026-Q4-api"))
        try bench.expectSuccess(bench.run("assign", "data.retention", "--owner", "ana@example.com", "--due", "2026-12-01",
                                          "--cycle", "2026-Q4-portal"))
        let unknown = try bench.run("assign", "keys.rotaton", "--owner", "marc@example.com", "--cycle", "2026-Q4-api")
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("did you mean 'keys.rotation'?"))
        let several = try bench.run("assign", "keys.rotation", "--owner", "marc@example.com")
        #expect(several.status == 65, "several open cycles: --cycle is needed")

        // Reviews.
        bench.setNow("2026-10-05T09:00:00Z")
        for (cycle, _) in Self.targets {
            try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "pass", "--cycle", cycle))
            try bench.expectSuccess(bench.run("evidence", "add", "keys.rotation", "--note", "Rotated 2026-10-01 in \(cycle)",
                                              "--cycle", cycle))
            try bench.expectSuccess(bench.run("review", "data.retention", "--status", "pass", "--cycle", cycle))
        }
        try bench.expectSuccess(bench.run("review", "keys.no-hardcoded-keys", "--status", "fail", "--note", "key in config.js",
                                          "--cycle", "2026-Q4-api"))
        try bench.expectSuccess(bench.run("review", "keys.no-hardcoded-keys", "--status", "pass", "--cycle", "2026-Q4-portal"))
        try bench.expectSuccess(bench.run("review", "keys.no-hardcoded-keys", "--status", "pass", "--cycle", "2026-Q4-refunds"))
        try bench.expectSuccess(bench.run("review", "data.retention", "--status", "partial", "--note", "draft policy",
                                          "--cycle", "2026-Q4-portal"))

        // Accepted risks: only on a failing or partial item, never changing its status.
        let onPass = try bench.run("exception", "add", "keys.rotation", "--reason", "no", "--expires", "2026-12-31",
                                   "--approved-by", "ciso@example.com", "--cycle", "2026-Q4-api")
        #expect(onPass.status == 65)
        #expect(onPass.stderr.contains("only a failing or partial item"))
        #expect(onPass.stderr.contains("hint:"))
        try bench.expectSuccess(bench.run("exception", "add", "keys.no-hardcoded-keys", "--reason", "Key revoked; rewrite booked for January",
                                          "--expires", "2027-01-31", "--approved-by", "ciso@example.com", "--cycle", "2026-Q4-api"))
        try bench.expectSuccess(bench.run("exception", "add", "data.retention", "--reason", "Policy signed in October",
                                          "--expires", "2026-11-01", "--approved-by", "ciso@example.com", "--cycle", "2026-Q4-portal"))

        // Mid-quarter: the lead's views.
        bench.setNow("2026-11-15T09:00:00Z")
        let todo = try bench.json("todo", "--owner", "marc@example.com", "--format", "json")
        let entries = try #require(todo["entries"] as? [[String: Any]])
        #expect(entries.first?["kind"] as? String == "overdue")
        #expect(entries.first?["item"] as? String == "keys.no-hardcoded-keys")
        #expect(entries.allSatisfy { $0["owner"] as? String == "marc@example.com" })
        let everyone = try bench.json("todo", "--format", "json")
        let kinds = Set((everyone["entries"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String })
        #expect(kinds == ["overdue", "expired-exception", "failing"])

        let exceptions = try bench.json("exception", "list", "--format", "json")
        let listed = try #require(exceptions["exceptions"] as? [[String: Any]])
        #expect(listed.count == 2)
        #expect(listed.first?["expired"] as? Bool == true && listed.first?["target"] as? String == "merchant-portal")

        let portal = try bench.json("status", "--cycle", "2026-Q4-portal", "--format", "json")
        #expect(portal["target"] as? String == "merchant-portal")
        #expect((portal["expired_exceptions"] as? [[String: Any]])?.first?["item"] as? String == "data.retention")
        let due = try bench.run("evidence", "due", "--cycle", "2026-Q4-portal")
        #expect(due.stdout.contains("Accepted risks") && due.stdout.contains("EXPIRED"))

        let overview = try bench.json("overview", "--format", "json")
        let rows = try #require(overview["targets"] as? [[String: Any]])
        #expect(rows.compactMap { $0["target"] as? String } == ["merchant-portal", "payments-api", "refunds-worker"])
        let api = try #require(rows.first { $0["target"] as? String == "payments-api" })
        #expect(api["failing_critical"] as? [String] == ["keys.no-hardcoded-keys"])
        #expect(api["open_exceptions"] as? Int == 1 && api["overdue"] as? Int == 1)
        #expect(rows.first?["expired_exceptions"] as? Int == 1)
        let text = try bench.run("overview")
        #expect(text.status == 0 && text.stdout.contains("payments-api") && text.stdout.contains("keys.no-hardcoded-keys"))
        try bench.expectSuccess(bench.run("overview", "--format", "html", "--out", "overview.html"))
        let page = bench.directory.read("overview.html")
        #expect(page.contains("Content-Security-Policy") && page.contains("merchant-portal") && !page.contains("<script"))

        // The report: the exception beside a status that stays `fail`.
        let report = try bench.json("report", "--cycle", "2026-Q4-api", "--format", "json")
        #expect((report["cycle"] as? [String: Any])?["target"] as? String == "payments-api")
        let item = try #require(((report["sections"] as? [[String: Any]])?.first?["items"] as? [[String: Any]])?
            .first { $0["id"] as? String == "keys.no-hardcoded-keys" })
        #expect(item["status"] as? String == "fail")
        #expect(item["owner"] as? String == "marc@example.com" && item["overdue"] as? Bool == true)
        #expect((item["exception"] as? [String: Any])?["approved_by"] as? String == "ciso@example.com")
        let csv = try bench.run("report", "--cycle", "2026-Q4-api", "--format", "csv").stdout
        #expect(csv.hasPrefix("item,section,title,severity,status,note,owner,due,"))
        #expect(csv.contains("keys.no-hardcoded-keys,keys,No secret API key appears in source code,critical,fail,key in config.js,marc@example.com,2026-10-15,"))
        let oscal = try bench.run("report", "--cycle", "2026-Q4-api", "--format", "oscal").stdout
        #expect(oscal.contains("\"deviation-approved\"") && oscal.contains("\"related-risks\"") && oscal.contains("\"not-satisfied\""))
        for format in ["md", "html"] {
            let rendered = try bench.run("report", "--cycle", "2026-Q4-api", "--format", format).stdout
            #expect(rendered.contains("Accepted risk") && rendered.contains("marc@example.com"), "\(format)")
        }

        // Close every target; a closed cycle takes no assignment and no exception.
        bench.setNow("2026-12-20T09:00:00Z")
        for (cycle, _) in Self.targets {
            try bench.expectSuccess(bench.run("review", "data.pci.segmentation", "--status", "na", "--note", "no card data",
                                              "--cycle", cycle))
            try bench.expectSuccess(bench.run("cycle", "close", cycle))
        }
        #expect(try bench.run("assign", "keys.rotation", "--owner", "x", "--cycle", "2026-Q4-api").status == 65)
        #expect(try bench.run("exception", "add", "keys.no-hardcoded-keys", "--reason", "r", "--expires", "2027-06-30",
                              "--approved-by", "x", "--cycle", "2026-Q4-api").status == 65)

        // Next quarter: each target carries forward its own evidence.
        bench.setNow("2027-01-02T09:00:00Z")
        let next = try bench.run("cycle", "start", "2027-Q1-api", "--target", "payments-api", "--carry-forward")
        #expect(next.stdout.contains("from 2026-Q4-api"), "\(next)")
        let portalNext = try bench.run("cycle", "start", "2027-Q1-portal", "--target", "merchant-portal", "--carry-forward")
        #expect(portalNext.stdout.contains("from 2026-Q4-portal"), "\(portalNext)")
        let carried = try bench.json("evidence", "list", "--cycle", "2027-Q1-portal", "--format", "json")
        #expect("\(carried)".contains("in 2026-Q4-portal") && !"\(carried)".contains("in 2026-Q4-api"))
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "fail", "--note", "missed", "--cycle", "2027-Q1-api"))
        let diff = try bench.json("diff", "2026-Q4-api", "2027-Q1-api", "--format", "json")
        let regressions = diff["regressions"] as? [[String: String]] ?? []
        #expect(regressions.contains { $0["item"] == "keys.rotation" && $0["from"] == "pass" && $0["to"] == "fail" })
        let overviewNext = try bench.json("overview", "--format", "json")
        let cycles = (overviewNext["targets"] as? [[String: Any]] ?? []).compactMap { $0["cycle"] as? String }
        #expect(cycles == ["2027-Q1-portal", "2027-Q1-api", "2026-Q4-refunds"])

        let verified = try bench.run("verify")
        #expect(verified.status == 0, "\(verified)")
        let log = try bench.run("log", "--item", "keys.no-hardcoded-keys")
        #expect(log.stdout.contains("item.assign") && log.stdout.contains("exception.add"))
    }

    @Test func reviewImportReadsOwnersAndDueDates() throws {
        let bench = Workbench()
        try bench.prepare()
        bench.directory.write("sheet.csv", "item,status,note,owner,due\nkeys.rotation,pass,,marc@example.com,2026-11-30\ndata.retention,fail,missing,ana@example.com,\n")
        try bench.expectSuccess(bench.run("review", "import", "sheet.csv"))
        let csv = try bench.run("report", "--format", "csv").stdout
        #expect(csv.contains("keys.rotation,keys,API keys are rotated at least every 90 days,high,pass,,marc@example.com,2026-11-30,"))
        #expect(csv.contains(",fail,missing,ana@example.com,,"))
        bench.directory.write("bad.csv", "item,status,note,owner,due\nkeys.rotation,pass,,marc@example.com,next week\n")
        let bad = try bench.run("review", "import", "bad.csv")
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("bad.csv:2") && bad.stderr.contains("not a date"))
        // Importing the same owners again records nothing new.
        try bench.expectSuccess(bench.run("review", "import", "sheet.csv"))
        let log = try bench.run("log", "--item", "keys.rotation", "--format", "json")
        #expect(log.stdout.components(separatedBy: "item.assign").count - 1 == 1)
    }

    @Test func verifyNamesATamperedAssignmentOrException() throws {
        let bench = try startProgramme()
        try bench.expectSuccess(bench.run("assign", "keys.rotation", "--owner", "marc@example.com", "--cycle", "2026-Q4-api"))
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "fail", "--note", "old", "--cycle", "2026-Q4-api"))
        try bench.expectSuccess(bench.run("exception", "add", "keys.rotation", "--reason", "booked", "--expires", "2026-12-31",
                                          "--approved-by", "ciso@example.com", "--cycle", "2026-Q4-api"))
        #expect(try bench.run("verify").status == 0)
        let queue = try DatabaseQueue(path: bench.databasePath)
        let refused = Result { try queue.write { try $0.execute(sql: "UPDATE risk_exception SET expires_at = '2030-01-01T00:00:00Z'") } }
        #expect((try? refused.get()) == nil, "the table is append-only")
        try queue.write { db in
            for trigger in ["assignment_no_update", "risk_exception_no_update", "cycle_target_no_update"] {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
            try db.execute(sql: "UPDATE assignment SET owner = 'someone-else'")
            try db.execute(sql: "UPDATE risk_exception SET expires_at = '2030-01-01T00:00:00Z'")
            try db.execute(sql: "UPDATE cycle_target SET target = 'elsewhere' WHERE target = 'refunds-worker'")
        }
        let result = try bench.run("verify")
        #expect(result.status == 1)
        #expect(result.stdout.contains("assignment #1 of keys.rotation"))
        #expect(result.stdout.contains("exception #1 of keys.rotation"))
        #expect(result.stdout.contains("cycle 2026-Q4-refunds: its target"))
    }
}
