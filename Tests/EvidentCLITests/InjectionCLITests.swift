import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// The shared hostile strings go through every text field — checklist text, notes, file names,
/// links, statements, the actor's name — and come out inert in every output format.
@Suite struct InjectionCLITests {
    static func hostileWorkbench() throws -> Workbench {
        let hostile = HostileStrings.combined
        let item = ChecklistItem(
            id: "keys.hostile", title: HostileStrings.oneLine, description: hostile, subsection: HostileStrings.oneLine, guidance: hostile,
            evidence: [ExpectedEvidence(kind: .note, description: hostile)], references: [hostile],
            source: SourceQuote(section: hostile, quote: hostile), checks: ["hardcoded-api-key"])
        let checklist = Checklist(
            id: "hostile", title: HostileStrings.oneLine, version: "1", description: hostile, source: hostile,
            sections: [ChecklistSection(id: "keys", title: hostile, description: hostile, items: [
                item, ChecklistItem(id: "keys.other", title: "Another requirement"),
            ])])
        let bench = Workbench()
        try ChecklistWriter.write(checklist, to: bench.directory.path("hostile"), replacing: false)
        let actor = ["--as", "mallory \u{1B}[31m<script>x</script>"]
        try bench.expectSuccess(bench.run(["init"] + actor))
        try bench.expectSuccess(bench.run(["checklist", "load", "hostile"] + actor))
        try bench.expectSuccess(bench.run(["cycle", "start", "c1"] + actor))
        try bench.expectSuccess(bench.run(["review", "keys.hostile", "--status", "fail", "--note", hostile] + actor))
        try bench.expectSuccess(bench.run(["assign", "keys.hostile", "--owner", HostileStrings.oneLine, "--due", "2026-09-01"] + actor))
        try bench.expectSuccess(bench.run(["exception", "add", "keys.hostile", "--reason", hostile, "--expires", "2027-01-01",
                                           "--approved-by", HostileStrings.oneLine] + actor))
        bench.directory.write("huge.csv", "item,status,note\nkeys.other,partial,\"" + HostileStrings.huge.replacingOccurrences(of: "\"", with: "\"\"") + "\"\n")
        try bench.expectSuccess(bench.run(["review", "import", "huge.csv"] + actor))
        try bench.expectSuccess(bench.run(["evidence", "add", "keys.hostile", "--note", hostile] + actor))
        try bench.expectSuccess(bench.run(["evidence", "add", "keys.hostile", "--url", "https://example.com/?q=\"><script>alert(1)</script>&x=javascript:alert(1)"] + actor))
        let fileName = "\"><img src=x onerror=alert(1)>\u{202E}fdp.txt"
        bench.directory.write(fileName, "content\n")
        try bench.expectSuccess(bench.run(["evidence", "add", "keys.hostile", fileName] + actor))
        bench.directory.write("src/app.js", "// \(HostileStrings.script)\nconst k = \"sk_live_" + "abcdefghijklmnop4242\";\n")
        try bench.expectSuccess(bench.run(["scan", "src", "--attach"] + actor))
        try bench.expectSuccess(bench.run(["signoff", "c1", "--statement", hostile] + actor))
        try bench.expectSuccess(bench.run(["cycle", "start", "c2"] + actor))
        return bench
    }

    @Test func noOutputCarriesActiveContent() throws {
        let bench = try Self.hostileWorkbench()
        let outputs: [(String, HostileStrings.Medium, [String])] = [
            ("md", .markdown, ["report", "--cycle", "c1", "--format", "md"]), ("html", .html, ["report", "--cycle", "c1", "--format", "html"]),
            ("json", .json, ["report", "--cycle", "c1", "--format", "json"]), ("csv", .csv, ["report", "--cycle", "c1", "--format", "csv"]),
            ("oscal", .json, ["report", "--cycle", "c1", "--format", "oscal"]),
            ("status", .terminal, ["status", "--cycle", "c1"]), ("status json", .json, ["status", "--cycle", "c1", "--format", "json"]),
            ("log", .terminal, ["log"]), ("log json", .json, ["log", "--format", "json"]),
            ("evidence list", .terminal, ["evidence", "list", "--cycle", "c1"]), ("evidence show", .terminal, ["evidence", "show", "3"]),
            ("checklist show", .terminal, ["checklist", "show", "keys.hostile"]), ("checklist list", .terminal, ["checklist", "list"]),
            ("cycle show", .terminal, ["cycle", "show", "c1"]),
            ("diff text", .terminal, ["diff", "c1", "c2"]), ("diff md", .markdown, ["diff", "c1", "c2", "--format", "md"]),
            ("diff html", .html, ["diff", "c1", "c2", "--format", "html"]),
            ("todo", .terminal, ["todo", "--cycle", "c1"]), ("todo json", .json, ["todo", "--cycle", "c1", "--format", "json"]),
            ("exception list", .terminal, ["exception", "list", "--cycle", "c1"]),
            ("exception list json", .json, ["exception", "list", "--cycle", "c1", "--format", "json"]),
            ("overview", .terminal, ["overview"]), ("overview json", .json, ["overview", "--format", "json"]),
            ("overview html", .html, ["overview", "--format", "html"]),
        ]
        for (name, medium, arguments) in outputs {
            let result = try bench.run(arguments)
            #expect(result.status == 0, "\(name): \(result.stderr.prefix(300))")
            if medium == .json { #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "\(name) is not JSON") }
            let found = HostileStrings.activeContent(in: result.stdout, medium: medium) + HostileStrings.activeContent(in: result.stderr, medium: .terminal)
            #expect(found.isEmpty, "\(name) carries \(found)")
            #expect(!result.stdout.contains("abcdefghijklmnop4242"), "\(name) leaks the key")
        }
    }

    @Test func theBundleCarriesNoActiveContentEither() throws {
        let bench = try Self.hostileWorkbench()
        try bench.expectSuccess(bench.run("export", "c1", "--out", "b.zip"))
        #expect(try bench.run("verify", "--bundle", "b.zip", "--unsigned").status == 0)
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        unzip.arguments = ["python3", "-c", "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); [open(sys.argv[2]+'/'+n.replace('/','_'),'wb').write(z.read(n)) for n in z.namelist()]",
                           bench.directory.path("b.zip"), bench.path]
        try unzip.run()
        unzip.waitUntilExit()
        let media: [(String, HostileStrings.Medium)] = [
            ("report.html", .html), ("report.md", .markdown), ("results.json", .json), ("signoffs.json", .json),
            ("audit-log.jsonl", .json), ("oscal_assessment-results.json", .json),
        ]
        for (name, medium) in media {
            let text = bench.directory.read(name)
            #expect(!text.isEmpty, "\(name) was not extracted")
            #expect(HostileStrings.activeContent(in: text, medium: medium).isEmpty, "\(name)")
        }
    }
}
