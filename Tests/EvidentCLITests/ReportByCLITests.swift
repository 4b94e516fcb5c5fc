import EvidentTestSupport
import Foundation
import Testing

/// `report --by pci-dss|asvs|nist-800-53`: a cycle arranged by a framework's requirements, on the
/// shipped checklist and on NIST's own catalog imported as a checklist.
@Suite struct ReportByCLITests {
    /// The shipped checklist in a card-data cycle: the PAN item failed, tokenisation passed with a note.
    func shippedCycle() throws -> Workbench {
        let bench = Workbench()
        try bench.expectSuccess(bench.run("init"))
        try bench.expectSuccess(bench.run("checklist", "load", "liasonpay"))
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4", "--scope", "handles-card-data"))
        try bench.expectSuccess(bench.run("review", "data.pan-unreadable", "--status", "fail", "--note", "PAN in the refunds table"))
        try bench.expectSuccess(bench.run("review", "data.tokenization", "--status", "pass", "--note", "hosted fields"))
        try bench.expectSuccess(bench.run("evidence", "add", "data.tokenization", "--note", "Checkout diagram v3 reviewed"))
        return bench
    }

    @Test func showMeThreeFiveOneInEveryFormat() throws {
        let bench = try shippedCycle()
        let json = try bench.json("report", "--by", "pci-dss", "--format", "json")
        #expect(json["framework"] as? String == "pci-dss" && json["coverage_measured"] as? Bool == false)
        let requirements = (json["groups"] as? [[String: Any]] ?? []).flatMap { $0["requirements"] as? [[String: Any]] ?? [] }
        let pan = try #require(requirements.first { $0["id"] as? String == "3.5.1" })
        #expect(pan["status"] as? String == "fail")
        let items = pan["items"] as? [[String: Any]] ?? []
        #expect(items.compactMap { $0["id"] as? String } == ["data.pan-unreadable", "data.tokenization"])
        let evidence = items.last?["evidence"] as? [[String: Any]]
        #expect(evidence?.first?["what"] as? String == "Checkout diagram v3 reviewed")

        let markdown = try bench.run("report", "--by", "pci-dss")
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("## 3 Protect Stored Account Data"))
        #expect(markdown.stdout.contains("| 3.5.1 | ✗ FAIL | data.pan-unreadable — "))
        let html = try bench.run("report", "--by", "pci-dss", "--format", "html", "--out", "pci.html")
        #expect(html.status == 0 && html.stderr.contains("PCI DSS v4.0 view"))
        #expect(bench.directory.read("pci.html").contains("<tr id=\"req-3-5-1\">"))
        let csv = try bench.run("report", "--by", "pci-dss", "--format", "csv")
        #expect(csv.stdout.contains("pci-dss,3.5.1,3,,fail,data.pan-unreadable,"))
    }

    @Test func asvsAndNISTViewsShowCoverageAndWhatIsLeftUnmapped() throws {
        let bench = try shippedCycle()
        let asvs = try bench.json("report", "--by", "asvs", "--format", "json")
        let totals = try #require(asvs["totals"] as? [String: Int])
        #expect(totals["requirements"] == 278 && (totals["referenced"] ?? 0) > 40)
        let groups = asvs["groups"] as? [[String: Any]] ?? []
        #expect(groups.count == 14)
        let unmapped = groups.map { ($0["unmapped"] as? [String] ?? []).count }.reduce(0, +)
        #expect(unmapped + (totals["referenced"] ?? 0) == 278)
        let nist = try bench.run("report", "--by", "nist-800-53")
        #expect(nist.stdout.contains("| SC System and Communications Protection | 139 |"))
        #expect(nist.stdout.contains("Not referenced by any item ("))
        #expect(nist.stdout.contains("| SC-8 Transmission Confidentiality and Integrity | … PENDING | transport.https-only — "))
    }

    @Test func oscalAndUnknownFrameworksAreUsageErrors() throws {
        let bench = try shippedCycle()
        let oscal = try bench.run("report", "--by", "asvs", "--format", "oscal")
        #expect(oscal.status == 64 && oscal.stderr.contains("--by writes md, html, json or csv"))
        #expect(try bench.run("report", "--by", "iso-27001").status == 64)
    }

    @Test(.enabled(if: SharedData.nistCatalog != nil, "needs shared/data/oscal/catalog (set EVIDENT_SHARED)"))
    func theImportedSP80053CatalogCoversItself() throws {
        let bench = Workbench()
        try bench.expectSuccess(bench.run("checklist", "import", "--from", "oscal", try #require(SharedData.nistCatalog), "--out", "nist"))
        try bench.expectSuccess(bench.run("init"))
        try bench.expectSuccess(bench.run("checklist", "load", "nist"))
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4"))
        try bench.expectSuccess(bench.run("review", "ac.ac-2.1", "--status", "fail", "--note", "no automation yet"))
        let view = try bench.json("report", "--by", "nist-800-53", "--format", "json")
        #expect(view["totals"] as? [String: Int] == ["requirements": 1007, "referenced": 1007, "passing": 0, "failing": 1])
        #expect((view["unknown_requirements"] as? [String])?.isEmpty == true)
        let groups = view["groups"] as? [[String: Any]] ?? []
        #expect(groups.allSatisfy { ($0["unmapped"] as? [String])?.isEmpty == true })
        let accounts = groups.first { $0["id"] as? String == "AC" }?["requirements"] as? [[String: Any]] ?? []
        #expect(accounts.first { $0["id"] as? String == "AC-2(1)" }?["status"] as? String == "fail")
        let markdown = try bench.run("report", "--by", "nist-800-53", "--format", "md")
        #expect(markdown.stdout.contains("Coverage: 1007 of the 1007 requirements in force (100%)."))
    }
}
