import EvidentTestSupport
import Foundation
import Testing

/// The spreadsheet round trip of SPEC §4: the CSV `report --format csv` writes reads back; the
/// lead's own files (extra columns, blank rows, `;`, `n/a`) import; anything but UTF-8 is refused.
@Suite struct ReviewCSVCLITests {
    /// Reproduces the report: the CSV that `report --format csv` writes could not be imported back.
    @Test func theReportCSVImportsBackUnchanged() throws {
        let bench = Workbench()
        try bench.prepare()
        try bench.expectSuccess(bench.run("review", "keys.rotation", "--status", "fail", "--note=-5 days late, =overdue"))
        try bench.expectSuccess(bench.run("report", "--format", "csv", "--out", "items.csv"))
        let before = try bench.run("log", "--format", "json").stdout
        let result = try bench.run("review", "import", "items.csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Imported 0 reviews"), "\(result)")
        #expect(result.stdout.contains("2 unchanged"))
        #expect(result.stdout.contains("2 without a verdict skipped"))
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains("warning:") }
        #expect(warnings.count == 1, "one warning names every column not imported: \(result.stderr)")
        #expect(warnings.first?.contains("'section', 'title', 'severity', 'reviewed_by'") == true)
        #expect(try bench.run("log", "--format", "json").stdout == before, "an unchanged round trip records nothing")
        // The lead fills in the spreadsheet and imports it again: only the new verdicts are recorded.
        var edited = bench.directory.read("items.csv")
        edited = edited.replacingOccurrences(of: "data.retention,data,A data retention policy is written and followed,low,pending,",
                                             with: "data.retention,data,A data retention policy is written and followed,low,pass,policy v2")
        bench.directory.write("items.csv", edited)
        let second = try bench.run("review", "import", "items.csv")
        #expect(second.stdout.contains("Imported 1 review"), "\(second)")
        #expect(!second.stderr.contains("pass with no evidence"), "the pass has a note")
        bench.directory.write("bare.csv", "item,status\nkeys.no-hardcoded-keys,pass\n")
        let bare = try bench.run("review", "import", "bare.csv")
        #expect(bare.stderr.contains("1 item passes with no evidence and no note, starting with keys.no-hardcoded-keys"), "\(bare)")
        let status = try bench.json("status", "--format", "json")
        #expect(status["counts"] as? [String: Int] == ["pass": 2, "partial": 0, "fail": 1, "na": 1, "pending": 0])
    }

    /// Reproduces the report: extra columns, blank trailing rows, `;` separators and `n/a` were all
    /// refused. An `Owner` column is read as the items' owners.
    @Test func theLeadsOwnSpreadsheetImports() throws {
        let bench = Workbench()
        try bench.prepare()
        bench.directory.write("lead.csv", "\u{FEFF}Item;Status;Note;Owner;Reviewer\r\nkeys.rotation;Pass;rotated in September;Priya;Lee\r\ndata.retention;N/A;\"no data kept; tokens only\";Sam;Lee\r\nkeys.no-hardcoded-keys;;;Sam;\r\n;;;;\r\n\r\n")
        let result = try bench.run("review", "import", "lead.csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Imported 2 reviews and 3 owners"), "\(result)")
        #expect(result.stderr.contains("not imported: the column 'Reviewer'"))
        #expect(!result.stderr.contains("'Owner'"))
        let report = try bench.json("report", "--format", "json")
        let items = (report["sections"] as? [[String: Any]] ?? []).flatMap { $0["items"] as? [[String: Any]] ?? [] }
        let retention = items.first { $0["id"] as? String == "data.retention" }
        #expect(retention?["status"] as? String == "na")
        #expect(retention?["note"] as? String == "no data kept; tokens only")
        #expect(retention?["owner"] as? String == "Sam")
        let keys = items.first { $0["id"] as? String == "keys.no-hardcoded-keys" }
        #expect(keys?["status"] as? String == "pending")
        #expect(keys?["owner"] as? String == "Sam", "an owner is read from a row without a verdict")
    }

    @Test func aMisspeltHeaderIsNamed() throws {
        let bench = Workbench()
        try bench.prepare()
        bench.directory.write("reviews.csv", "item,stauts,note\nkeys.rotation,pass,ok\n")
        let result = try bench.run("review", "import", "reviews.csv")
        #expect(result.status == 65)
        #expect(result.stderr.contains("reviews.csv:1: error: the header has no 'status' column (is 'stauts' meant to be 'status'?)"))
    }

    /// Reproduces the report: a Windows-1252 CSV was imported with replacement characters.
    @Test func aFileThatIsNotUTF8IsRefusedByRow() throws {
        let bench = Workbench()
        try bench.prepare()
        var bytes = Array("item,status,note\r\nkeys.rotation,pass,ok\r\ndata.retention,pass,gepr".utf8)
        bytes += [0xFC] + Array("ft von M".utf8) + [0xFC] + Array("ller\r\n".utf8)
        bench.directory.write("cp1252.csv", Data(bytes))
        let before = try bench.run("log", "--format", "json").stdout
        let result = try bench.run("review", "import", "cp1252.csv")
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("cp1252.csv:3: error: row 3 is not UTF-8 text (byte 0xFC at column 25)"), "\(result)")
        #expect(result.stderr.contains("CSV UTF-8"))
        #expect(!result.stderr.contains("\u{FFFD}"))
        #expect(try bench.run("log", "--format", "json").stdout == before, "nothing is stored")
        bench.directory.write("utf8.csv", "item,status,note\r\ndata.retention,pass,geprüft von Müller\r\n")
        try bench.expectSuccess(bench.run("review", "import", "utf8.csv"))
        #expect(try bench.run("log", "--item", "data.retention").stdout.contains("geprüft von Müller"))
    }
}
