import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// Where the peer validators of OSCAL documents are, when this machine has them.
enum OSCALValidators {
    /// `oscal-validate`: check-jsonschema against NIST's OSCAL 1.2.1 JSON schema (it installs
    /// check-jsonschema into /tmp/cj-venv on first use, which needs PyPI).
    static let schemaValidator: String? = SharedData.path("tools/oscal-validate").flatMap { ExternalTool.isExecutable($0) ? $0 : nil }

    /// The `bin` folder of a virtual environment holding compliance-trestle 5.2.0:
    /// `$EVIDENT_TRESTLE_VENV`, else /tmp/trestle-venv (PEERS.md §1 installs it there).
    static let trestleBin: String? = {
        let venv = ProcessInfo.processInfo.environment["EVIDENT_TRESTLE_VENV"] ?? "/tmp/trestle-venv"
        let bin = venv + "/bin"
        return ExternalTool.isExecutable(bin + "/trestle") && ExternalTool.isExecutable(bin + "/python") ? bin : nil
    }()
}

/// `evident report --format oscal` checked by the tools auditors use: NIST's JSON schema
/// (check-jsonschema) and compliance-trestle's OSCAL models. Each test is skipped, with the reason
/// shown, on a machine without the tool; the structural tests in EvidentCoreTests always run.
@Suite(.serialized) struct OSCALValidationTests {
    /// One OSCAL file and the number of findings it must hold.
    struct Document {
        let path: String
        let findings: Int
    }

    /// The demo's closed and open cycles, and a cycle full of hostile text, written as OSCAL.
    static func documents(in bench: Workbench) throws -> [Document] {
        try bench.expectSuccess(bench.run("demo", "--dir", "demo"))
        let demo = ["EVIDENT_DB": "demo/.evident/evident.db", "EVIDENT_NOW": "2026-11-20T10:00:00Z"]
        var documents: [Document] = []
        for cycle in ["2026-Q3", "2026-Q4"] {
            let file = "demo-\(cycle).json"
            try bench.expectSuccess(bench.run("report", "--format", "oscal", "--cycle", cycle, "--out", file, environment: demo))
            documents.append(Document(path: bench.directory.path(file), findings: try reviewedCount(bench, cycle, demo)))
        }
        let hostile = HostileStrings.combined
        try bench.prepare()
        let actor = ["--as", " \(hostile)\n "]
        try bench.expectSuccess(bench.run(["review", "keys.rotation", "--status", "fail", "--note", hostile] + actor))
        try bench.expectSuccess(bench.run(["review", "keys.no-hardcoded-keys", "--status", "partial", "--note", hostile]))
        bench.directory.write("files/\"><img src=x onerror=alert(1)> [x](javascript:y).txt", "content\n")
        try bench.expectSuccess(bench.run(["evidence", "add", "keys.rotation", "files/\"><img src=x onerror=alert(1)> [x](javascript:y).txt"] + actor))
        try bench.expectSuccess(bench.run("evidence", "add", "keys.rotation", "--url", "https://example.com/a b?q=\"><script>alert(1)</script>#x#y"))
        try bench.expectSuccess(bench.run("evidence", "add", "keys.rotation", "--note", hostile))
        try bench.expectSuccess(bench.run("report", "--format", "oscal", "--out", "hostile.json"))
        documents.append(Document(path: bench.directory.path("hostile.json"), findings: try reviewedCount(bench, nil, [:])))
        documents.append(try bundled(in: bench))
        return documents
    }

    /// A report as an auditor bundle renders it: file evidence with bundle paths (hostile names included).
    static func bundled(in bench: Workbench) throws -> Document {
        let test = try TestWorkspace()
        try test.start(try TestChecklists.minimal())
        try test.attachFile("keys.rotation", name: "rotation log #1 [final].csv", "date,key\n")
        try test.attachFile("keys.rotation", name: "second.txt", "more\n")
        try test.review("keys.rotation", .pass, "rotated")
        var report = try test.report()
        let section = try #require(report.sections.firstIndex { $0.id == "keys" })
        let item = try #require(report.sections[section].items.firstIndex { $0.id == "keys.rotation" })
        for index in report.sections[section].items[item].evidence.indices {
            let evidence = report.sections[section].items[item].evidence[index]
            report.sections[section].items[item].evidence[index].bundlePath =
                "evidence/keys.rotation/\(evidence.sha256.prefix(12))-\(evidence.name ?? "file")"
        }
        let path = bench.directory.write("bundled.json", try OSCALAssessmentResults.render(report))
        return Document(path: path, findings: 1)
    }

    /// Items reviewed pass, partial or fail in `cycle`: each must have a finding.
    static func reviewedCount(_ bench: Workbench, _ cycle: String?, _ environment: [String: String]) throws -> Int {
        let result = try bench.run(["status", "--format", "json"] + (cycle.map { ["--cycle", $0] } ?? []), environment: environment)
        let status = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let counts = try #require(status["counts"] as? [String: Int])
        return counts["pass"]! + counts["partial"]! + counts["fail"]!
    }

    /// A copy of `document` that no validator may accept: a finding state outside OSCAL's two.
    static func brokenCopy(of document: Document, in bench: Workbench) throws -> String {
        let text = try String(contentsOfFile: document.path, encoding: .utf8)
        #expect(text.contains("\"state\" : \"satisfied\""))
        return bench.directory.write("broken.json", text.replacingOccurrences(of: "\"state\" : \"satisfied\"", with: "\"state\" : \"maybe\""))
    }

    @Test(.enabled(
        if: OSCALValidators.schemaValidator != nil,
        "needs shared/tools/oscal-validate (check-jsonschema and NIST's OSCAL 1.2.1 schema); set EVIDENT_SHARED to the shared folder"))
    func theDocumentsValidateAgainstNISTsSchema() throws {
        let validator = try #require(OSCALValidators.schemaValidator)
        let bench = Workbench()
        let documents = try Self.documents(in: bench)
        let result = try ExternalTool.run(validator, ["assessment-results"] + documents.map(\.path), in: bench.directory.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("ok -- validation done"), "\(result)")
        let broken = try ExternalTool.run(validator, ["assessment-results", try Self.brokenCopy(of: documents[0], in: bench)], in: bench.directory.url)
        #expect(broken.status != 0, "the schema check must catch a bad state: \(broken)")
    }

    @Test(.enabled(
        if: OSCALValidators.trestleBin != nil,
        "needs compliance-trestle 5.2.0 in /tmp/trestle-venv (shared/data/PEERS.md §1) or EVIDENT_TRESTLE_VENV"))
    func complianceTrestleImportsTheDocuments() throws {
        let bin = try #require(OSCALValidators.trestleBin)
        let bench = Workbench()
        let documents = try Self.documents(in: bench)
        let trestleWorkspace = bench.directory.url.appendingPathComponent("trestle-ws")
        try FileManager.default.createDirectory(at: trestleWorkspace, withIntermediateDirectories: true)
        let initialized = try ExternalTool.run(bin + "/trestle", ["init"], in: trestleWorkspace)
        try #require(initialized.status == 0, "\(initialized)")
        for (index, document) in documents.enumerated() {
            let imported = try ExternalTool.run(bin + "/trestle", ["import", "-f", document.path, "-o", "evident-\(index)"], in: trestleWorkspace)
            #expect(imported.status == 0, "trestle import \(document.path): \(imported)")
        }
        let script = """
            import pathlib, sys
            from trestle.oscal.assessment_results import AssessmentResults
            for path in sys.argv[1:]:
                results = AssessmentResults.oscal_read(pathlib.Path(path)).results
                print(len(results), sum(len(result.findings or []) for result in results))
            """
        let read = try ExternalTool.run(bin + "/python", ["-c", script] + documents.map(\.path), in: trestleWorkspace)
        #expect(read.status == 0, "\(read)")
        #expect(read.stdout == documents.map { "1 \($0.findings)\n" }.joined(), "one result; a finding per reviewed item: \(read)")
        let broken = try Self.brokenCopy(of: documents[0], in: bench)
        let refused = try ExternalTool.run(bin + "/trestle", ["import", "-f", broken, "-o", "broken"], in: trestleWorkspace)
        #expect(refused.status != 0, "trestle must refuse a bad state: \(refused)")
    }
}
