import EvidentTestSupport
import Foundation
import Testing

/// `evident demo` builds a sound, complete worked example, the same every time.
@Suite struct DemoCLITests {
    @Test func theDemoBuildsTwoCyclesThatVerify() throws {
        let bench = Workbench()
        let result = try bench.run("demo", "--dir", "demo")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("2026-Q3 (closed)"))
        let environment = ["EVIDENT_DB": "demo/.evident/evident.db", "EVIDENT_NOW": "2026-11-20T10:00:00Z"]
        #expect(try bench.run("verify", environment: environment).status == 0)
        let closed = try bench.run("status", "--cycle", "2026-Q3", "--format", "json", environment: environment)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(closed.stdout.utf8)) as? [String: Any])
        let counts = try #require(document["counts"] as? [String: Int])
        #expect(counts["pending"] == 0 && counts["fail"]! > 0 && counts["partial"]! > 0 && counts["na"]! > 0)
        let open = try bench.run("status", "--format", "json", environment: environment)
        #expect(open.stdout.contains("\"cycle\" : \"2026-Q4\""))
        #expect(open.stdout.contains("\"state\" : \"open\""))
        let expired = try bench.run("evidence", "due", environment: environment)
        #expect(expired.stdout.contains("EXPIRED"))
    }

    @Test func aRerunReplacesTheDemoAndGivesTheSameLog() throws {
        let bench = Workbench()
        #expect(try bench.run("demo", "--dir", "demo").status == 0)
        let environment = ["EVIDENT_DB": "demo/.evident/evident.db"]
        let first = try bench.run("log", "--format", "json", environment: environment).stdout
        #expect(try bench.run("demo", "--dir", "demo").status == 0)
        #expect(try bench.run("log", "--format", "json", environment: environment).stdout == first)
    }

    @Test func theDemoRefusesAFolderItDidNotMake() throws {
        let bench = Workbench()
        bench.directory.write("mine/notes.txt", "precious")
        let result = try bench.run("demo", "--dir", "mine")
        #expect(result.status == 65)
        #expect(bench.directory.read("mine/notes.txt") == "precious")
    }
}
