import EvidentTestSupport
import Foundation
import Testing

/// Reviews: verdicts, notes, history, CSV import (SPEC §4).
@Suite struct ReviewCLITests {
    @Test func aReviewIsRecordedAndHistoryIsKept() throws {
        let bench = Workbench()
        try bench.prepare()
        #expect(try bench.run("review", "keys.rotation", "--status", "fail", "--note", "rotation overdue").status == 0)
        #expect(try bench.run("review", "keys.rotation", "--status", "pass", "--note", "rotated").status == 0)
        let status = try bench.json("status", "--format", "json")
        #expect((status["counts"] as? [String: Int])?["pass"] == 1)
        #expect((status["counts"] as? [String: Int])?["fail"] == 0)
        let log = try bench.json("log", "--item", "keys.rotation", "--format", "json")
        let statuses = (log["entries"] as? [[String: Any]] ?? []).compactMap { ($0["payload"] as? [String: Any])?["status"] as? String }
        #expect(statuses == ["fail", "pass"])
    }

    @Test(arguments: ["na", "fail"])
    func naAndFailNeedANote(status: String) throws {
        let bench = Workbench()
        try bench.prepare()
        let result = try bench.run("review", "keys.rotation", "--status", status)
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("needs a note"))
        let blank = try bench.run("review", "keys.rotation", "--status", status, "--note", "   ")
        #expect(blank.status == 65)
    }

    @Test func aBadStatusIsAUsageError() throws {
        let bench = Workbench()
        try bench.prepare()
        let result = try bench.run("review", "keys.rotation", "--status", "passed")
        #expect(result.status == 64, "\(result)")
    }

    @Test func anUnknownItemSuggestsTheClosest() throws {
        let bench = Workbench()
        try bench.prepare()
        let result = try bench.run("review", "keys.rotaton", "--status", "pass")
        #expect(result.status == 65)
        #expect(result.stderr.contains("unknown item 'keys.rotaton'; did you mean 'keys.rotation'?"))
    }

    @Test func aNoteHoldingACardNumberIsStoredMasked() throws {
        let bench = Workbench()
        try bench.prepare()
        let result = try bench.run("review", "keys.rotation", "--status", "pass", "--note", "tested with 4242 4242 4242 4242")
        #expect(result.status == 0)
        #expect(result.stderr.contains("card …4242"))
        let log = try bench.run("log", "--format", "json")
        #expect(!log.stdout.contains("4242 4242 4242 4242"))
        #expect(log.stdout.contains("tested with card …4242"))
        let database = try Data(contentsOf: URL(fileURLWithPath: bench.databasePath))
        #expect(database.range(of: Data("4242 4242 4242 4242".utf8)) == nil)
    }

    @Test func aCSVImportRecordsEveryRow() throws {
        let bench = Workbench()
        try bench.prepare()
        bench.directory.write("reviews.csv", "item,status,note\r\nkeys.rotation,pass,\"rotated, logged\"\nkeys.no-hardcoded-keys,fail,\"scan found \"\"sk\"\" keys\"\n\ndata.retention,na,not stored\n")
        let result = try bench.run("review", "import", "reviews.csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Imported 3 reviews"))
        let status = try bench.json("status", "--format", "json")
        #expect(status["counts"] as? [String: Int] == ["pass": 1, "partial": 0, "fail": 1, "na": 2, "pending": 0])
    }

    @Test func aCSVWithABadRowChangesNothingAndNamesEveryRow() throws {
        let bench = Workbench()
        try bench.prepare()
        bench.directory.write("reviews.csv", "item,status,note\nkeys.rotation,pass,ok\nkeys.rotaton,pass,ok\ndata.retention,maybe,\nkeys.no-hardcoded-keys,fail,\n")
        let before = try bench.run("log", "--format", "json").stdout
        let result = try bench.run("review", "import", "reviews.csv")
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("reviews.csv:3: error: unknown item 'keys.rotaton'; did you mean 'keys.rotation'?"))
        #expect(result.stderr.contains("reviews.csv:4: error: unknown status 'maybe'"))
        #expect(result.stderr.contains("reviews.csv:5: error: a 'fail' review needs a note saying why"))
        #expect(try bench.run("log", "--format", "json").stdout == before)
    }

    @Test func aCSVWithTheWrongHeaderIsRefused() throws {
        let bench = Workbench()
        try bench.prepare()
        bench.directory.write("reviews.csv", "id,state,note\nkeys.rotation,pass,ok\n")
        let result = try bench.run("review", "import", "reviews.csv")
        #expect(result.status == 65)
        #expect(result.stderr.contains("reviews.csv:1: error: the header has no 'item' column"))
        #expect(result.stderr.contains("reviews.csv:1: error: the header has no 'status' column"))
        let missing = try bench.run("review", "import", "nothing.csv")
        #expect(missing.status == 66)
    }
}
