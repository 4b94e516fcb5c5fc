import EvidentTestSupport
import Foundation
import Testing

/// `evident checklist import --from oscal` as a user runs it: the summary, a checklist that
/// validates and loads, and the exit codes of SPEC §7 for every kind of mistake.
@Suite struct ChecklistImportCLITests {
    @Test func anImportedCatalogValidatesLoadsAndReports() throws {
        let bench = Workbench()
        let catalog = Fixtures.path("oscal/tricky-catalog.json")
        let imported = try bench.run("checklist", "import", "--from", "oscal", catalog, "--out", "tricky")
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout.hasPrefix("Imported 9 controls in 4 sections from \(catalog) into tricky (validated)"))
        #expect(imported.stderr.isEmpty)
        #expect(try bench.run("checklist", "validate", "tricky").status == 0)
        try bench.expectSuccess(bench.run("init"))
        try bench.expectSuccess(bench.run("checklist", "load", "tricky"))
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4"))
        let report = try bench.run("report")
        #expect(report.status == 0)
        #expect(report.stdout.contains("### ac.ac-1.1"))
    }

    @Test func loadImportsStraightIntoTheWorkspace() throws {
        let bench = Workbench()
        try bench.expectSuccess(bench.run("init"))
        let catalog = Fixtures.path("oscal/tricky-catalog.json")
        let imported = try bench.run("checklist", "import", "--from", "oscal", catalog, "--load")
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout.contains("Imported 9 controls in 4 sections from \(catalog) (validated)"))
        #expect(imported.stdout.contains("; it is now the current version."))
        #expect(!FileManager.default.fileExists(atPath: bench.directory.path("tricky")))
        let again = try bench.run("checklist", "import", "--from", "oscal", catalog, "--load", "--out", "tricky")
        #expect(again.stdout.contains("is already loaded with identical content"), "the same value as a directory load: \(again)")
        try bench.expectSuccess(bench.run("checklist", "load", "tricky"))
        let list = try bench.json("checklist", "list", "--format", "json")
        #expect((list["checklists"] as? [[String: Any]])?.first?["versions"] as? Int == 1)
    }

    @Test func loadNeedsAWorkspaceAndSomethingToDo() throws {
        let bench = Workbench()
        let catalog = Fixtures.path("oscal/basic-catalog.json")
        let nowhere = try bench.run("checklist", "import", "--from", "oscal", catalog, "--load", "--out", "basic")
        #expect(nowhere.status == 66 && nowhere.stderr.contains("evident init"), "\(nowhere)")
        #expect(!FileManager.default.fileExists(atPath: bench.directory.path("basic")), "nothing is written when the load cannot happen")
        #expect(try bench.run("checklist", "import", "--from", "oscal", catalog).status == 64)
    }

    @Test func mistakesExitWithTheirCodes() throws {
        let bench = Workbench()
        let catalog = Fixtures.path("oscal/basic-catalog.json")
        #expect(try bench.run("checklist", "import", "--from", "xml", catalog, "--out", "a").status == 64)
        #expect(try bench.run("checklist", "import", catalog, "--out", "a").status == 64, "--from is required")
        #expect(try bench.run("checklist", "import", "--from", "oscal", catalog, "--out", "a", "--id", "Not_An_ID").status == 64)
        let missing = try bench.run("checklist", "import", "--from", "oscal", "nowhere.json", "--out", "a")
        #expect(missing.status == 66 && missing.stderr.contains("nowhere.json"), "\(missing)")
        bench.directory.write("broken.json", "{\"catalog\": [1,,2]}")
        let broken = try bench.run("checklist", "import", "--from", "oscal", "broken.json", "--out", "a")
        #expect(broken.status == 65 && broken.stderr.contains("broken.json is not JSON: line 1, column"), "\(broken)")
        bench.directory.write("a/notes.txt", "mine")
        let occupied = try bench.run("checklist", "import", "--from", "oscal", catalog, "--out", "a")
        #expect(occupied.status == 65 && occupied.stderr.contains("--force"), "\(occupied)")
        #expect(try bench.run("checklist", "import", "--from", "oscal", catalog, "--out", "a", "--force").status == 65)
        let unwritable = try bench.run("checklist", "import", "--from", "oscal", catalog, "--out", "a/notes.txt/checklist")
        #expect(unwritable.status == 74, "\(unwritable)")
        #expect(bench.directory.read("a/notes.txt") == "mine")
    }

    @Test func forceReplacesAnEarlierImport() throws {
        let bench = Workbench()
        try bench.expectSuccess(bench.run("checklist", "import", "--from", "oscal", Fixtures.path("oscal/tricky-catalog.json"), "--out", "c"))
        let replaced = try bench.run("checklist", "import", "--from", "oscal", Fixtures.path("oscal/basic-catalog.json"), "--out", "c", "--force")
        #expect(replaced.status == 0, "\(replaced)")
        let validated = try bench.run("checklist", "validate", "c")
        #expect(validated.stdout.contains("2 sections, 4 items"), "the earlier sections are gone: \(validated)")
    }

    @Test(.enabled(if: SharedData.nistCatalog != nil, "needs shared/data/oscal/catalog (set EVIDENT_SHARED)"))
    func theSP80053CatalogGoesFromImportToReportInThreeCommands() throws {
        let bench = Workbench()
        try bench.expectSuccess(bench.run("init"))
        let imported = try bench.run("checklist", "import", "--from", "oscal", try #require(SharedData.nistCatalog), "--load", "--id", "nist-800-53")
        #expect(imported.stdout.contains("Imported 1007 controls in 20 sections"), "\(imported)")
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4"))
        try bench.expectSuccess(bench.run("review", "ac.ac-2.1", "--status", "pass", "--note", "automated via the IdP"))
        let status = try bench.json("status", "--format", "json")
        #expect(status["items"] as? Int == 1007)
        #expect(status["checklist"] as? String == "nist-800-53")
        let report = try bench.run("report", "--format", "md", "--out", "report.md")
        #expect(report.status == 0)
        #expect(bench.directory.read("report.md").contains("### ac.ac-2.1"))
    }
}
