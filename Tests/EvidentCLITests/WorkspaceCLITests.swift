import EvidentTestSupport
import Foundation
import Testing

/// `init`, the workspace location rules, and checklist loading with versions (SPEC §2–§3).
@Suite struct WorkspaceCLITests {
    @Test func initCreatesTheDatabaseAndVaultAndIsIdempotent() throws {
        let bench = Workbench()
        let first = try bench.run("init")
        #expect(first.status == 0, "\(first)")
        #expect(FileManager.default.fileExists(atPath: bench.databasePath))
        #expect(FileManager.default.fileExists(atPath: bench.directory.path(".evident/vault")))
        let second = try bench.run("init")
        #expect(second.status == 0)
        #expect(second.stdout.contains("already exists"))
        let log = try bench.json("log", "--format", "json")
        #expect((log["entries"] as? [Any])?.count == 1)
    }

    @Test func everyOtherCommandNeedsAWorkspace() throws {
        let bench = Workbench()
        for arguments in [["status"], ["checklist", "list"], ["cycle", "list"], ["log"], ["verify"], ["evidence", "list"]] {
            let result = try bench.run(arguments)
            #expect(result.status == 66, "\(arguments): \(result)")
            #expect(result.stderr.contains("run `evident init`"), "\(arguments): \(result)")
        }
    }

    @Test func dbFlagAndEnvironmentChooseTheWorkspace() throws {
        let bench = Workbench()
        #expect(try bench.run("init", "--db", "custom/place.db").status == 0)
        #expect(FileManager.default.fileExists(atPath: bench.directory.path("custom/place.db")))
        #expect(FileManager.default.fileExists(atPath: bench.directory.path("custom/vault")))
        let viaEnvironment = try bench.run("checklist", "list", environment: ["EVIDENT_DB": "custom/place.db"])
        #expect(viaEnvironment.status == 0, "\(viaEnvironment)")
        #expect(try bench.run("checklist", "list").status == 66)
    }

    @Test func loadingIdenticalContentIsANoOpAndANewVersionBecomesCurrent() throws {
        let bench = Workbench()
        try bench.prepare(cycle: nil)
        let copy = bench.directory.path("minimal")
        let again = try bench.run("checklist", "load", copy)
        #expect(again.status == 0)
        #expect(again.stdout.contains("identical content"))
        let header = bench.directory.read("minimal/checklist.yaml").replacingOccurrences(of: "\"1.0.0\"", with: "\"1.1.0\"")
        bench.directory.write("minimal/checklist.yaml", header)
        #expect(try bench.run("checklist", "load", copy).status == 0)
        let list = try bench.json("checklist", "list", "--format", "json")
        let entry = (list["checklists"] as? [[String: Any]])?.first
        #expect(entry?["id"] as? String == "demo-checklist")
        #expect(entry?["version"] as? String == "1.1.0")
        #expect(entry?["versions"] as? Int == 2)
        #expect(entry?["sections"] as? Int == 2)
        #expect(entry?["items"] as? Int == 4)
    }

    @Test func changedContentUnderALoadedVersionMustBumpTheVersion() throws {
        let bench = Workbench()
        try bench.prepare(cycle: nil)
        let section = bench.directory.read("minimal/02-data.yaml").replacingOccurrences(of: "severity: low", with: "severity: high")
        bench.directory.write("minimal/02-data.yaml", section)
        let result = try bench.run("checklist", "load", bench.directory.path("minimal"))
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("bump the version"))
    }

    @Test func anInvalidChecklistLoadsNothing() throws {
        let bench = Workbench()
        try bench.prepare(cycle: nil)
        let copy = Fixtures.copyChecklist("minimal", into: bench.directory, as: "other")
        bench.directory.write("other/checklist.yaml", "id: other\ntitle: Other\nversion: \"1\"\n")
        bench.directory.write("other/03-bad.yaml", "section: {id: bad, title: Bad}\nitems: []\n")
        let result = try bench.run("checklist", "load", copy)
        #expect(result.status == 65, "\(result)")
        let list = try bench.json("checklist", "list", "--format", "json")
        #expect((list["checklists"] as? [Any])?.count == 1)
    }

    @Test func checklistShowPrintsAnItemInFull() throws {
        let bench = Workbench()
        try bench.prepare(cycle: nil)
        let result = try bench.run("checklist", "show", "keys.rotation")
        #expect(result.status == 0)
        #expect(result.stdout.contains("API keys are rotated at least every 90 days"))
        let unknown = try bench.run("checklist", "show", "keys.rotaton")
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("did you mean 'keys.rotation'?"))
    }
}
