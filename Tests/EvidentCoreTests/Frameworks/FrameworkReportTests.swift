import EvidentCore
import EvidentTestSupport
import Testing

/// Reading references as framework requirements, and a cycle arranged by them.
@Suite struct FrameworkReferenceTests {
    @Test func eachFrameworkReadsItsOwnReferencesOnly() {
        #expect(Framework.pciDSS.requirement(in: "PCI DSS v4.0 3.3.1.2") == "3.3.1.2")
        #expect(Framework.asvs.requirement(in: "OWASP ASVS 4.0.3 V9.1.1") == "V9.1.1")
        #expect(Framework.nist80053.requirement(in: "NIST SP 800-53 rev5 SC-8(1)") == "SC-8(1)")
        #expect(Framework.nist80053.requirement(in: "NIST Special Publication 800-53 Revision 5 AC-2(1)") == "AC-2(1)")
        #expect(Framework.pciDSS.requirement(in: "NIST SP 800-53 rev5 SC-8") == nil)
        #expect(Framework.asvs.requirement(in: "OWASP ASVS 4.0.3 9.1.1") == nil)
        #expect(Framework.nist80053.requirement(in: "NIST SP 800-53 rev5 sc-8") == nil)
        #expect(Framework.pciDSS.requirement(in: "PCI DSS v3.2.1 3.4") == nil)
    }

    @Test func requirementsSortAsPeopleReadThem() {
        let ids = ["AC-10", "AC-2(1)", "AC-2", "3.10.1", "3.4.1", "V10.1.1", "V9.1.1", "10.4.1.1", "10.4.1"]
        #expect(ids.sorted(by: RequirementOrder.precedes) == ["3.4.1", "3.10.1", "10.4.1", "10.4.1.1", "AC-2", "AC-2(1)", "AC-10", "V9.1.1", "V10.1.1"])
    }

    @Test func theShippedListsHaveEveryRequirementInForce() {
        let asvs = FrameworkCatalog.of(.asvs), nist = FrameworkCatalog.of(.nist80053), pci = FrameworkCatalog.of(.pciDSS)
        #expect(asvs.groups.count == 14 && asvs.requirements.count == 278)
        #expect(nist.groups.count == 20 && nist.requirements.count == 1007)
        #expect(nist.requirements.first { $0.id == "SC-8(1)" }?.title == "Cryptographic Protection")
        #expect(pci.groups.count == 12 && !pci.isComplete)
    }

    @Test func everyReferenceOfTheShippedChecklistNamesARequirementInForce() throws {
        let items = try #require(ShippedChecklists.load("liasonpay").checklist).items
        for framework in [Framework.asvs, .nist80053] {
            let known = Set(FrameworkCatalog.of(framework).requirements.map(\.id))
            let unknown = items.flatMap(\.references).compactMap(framework.requirement(in:)).filter { !known.contains($0) }
            #expect(unknown.isEmpty, "\(framework): \(unknown)")
        }
        let unread = items.flatMap(\.references).filter { reference in Framework.allCases.allSatisfy { $0.requirement(in: reference) == nil } }
        #expect(unread.isEmpty, "references no framework reads: \(unread)")
    }
}

/// A cycle of the shipped checklist arranged by each framework.
@Suite struct FrameworkReportTests {
    static func report() throws -> AuditReport {
        let test = try TestWorkspace()
        _ = try test.start(try #require(ShippedChecklists.load("liasonpay").checklist), scope: ["handles-card-data"])
        try test.review("data.tokenization", .pass, "Hosted fields.")
        try test.review("data.pan-unreadable", .fail, "PAN in the refunds table in clear.")
        _ = try test.attach("data.tokenization", .note("Checkout diagram reviewed."))
        try test.review("transport.https-only", .pass, "Scan clean.")
        return try test.report()
    }

    @Test func aRequirementShowsItsItemsAndTheirWorstStatus() throws {
        let view = FrameworkReport.make(from: try Self.report(), by: .pciDSS)
        #expect(!view.coverageMeasured && view.totals.requirements == nil)
        let requirement = try #require(view.groups.flatMap(\.requirements).first { $0.id == "3.5.1" })
        #expect(requirement.items.map(\.id) == ["data.pan-unreadable", "data.tokenization"])
        #expect(requirement.status == .fail)
        #expect(requirement.items.first { $0.id == "data.tokenization" }?.evidence.map(\.what) == ["Checkout diagram reviewed."])
        #expect(view.groups.map(\.id) == view.groups.map(\.id).sorted(by: RequirementOrder.precedes))
        #expect(view.groups.first { $0.id == "3" }?.title == "Protect Stored Account Data")
        #expect(view.unknownRequirements.isEmpty)
    }

    @Test func asvsAndNISTViewsMeasureCoveragePerGroup() throws {
        let report = try Self.report()
        for framework in [Framework.asvs, .nist80053] {
            let view = FrameworkReport.make(from: report, by: framework)
            let catalog = FrameworkCatalog.of(framework)
            #expect(view.coverageMeasured && view.totals.requirements == catalog.requirements.count)
            #expect(view.groups.count == catalog.groups.count)
            for group in view.groups {
                #expect(group.referenced + (group.unmapped?.count ?? -1) == group.requirementsInFramework, "\(group.id)")
            }
            #expect(view.totals.referenced == view.groups.map(\.referenced).reduce(0, +))
        }
        let nist = FrameworkReport.make(from: report, by: .nist80053)
        let transmission = try #require(nist.groups.first { $0.id == "SC" }?.requirements.first { $0.id == "SC-8" })
        #expect(transmission.title == "Transmission Confidentiality and Integrity" && transmission.status == .pass)
        #expect(nist.groups.first { $0.id == "PE" }?.referenced == 0)
    }

    @Test func aReferenceOutsideTheListIsNamedNotCounted() throws {
        var report = try Self.report()
        report.sections[0].items[0].references.append("NIST SP 800-53 rev5 ZZ-99")
        let view = FrameworkReport.make(from: report, by: .nist80053)
        #expect(view.unknownRequirements == ["ZZ-99"])
        #expect(view.totals.referenced == FrameworkReport.make(from: try Self.report(), by: .nist80053).totals.referenced)
    }

    @Test(arguments: [ReportFormat.md, .html, .json, .csv])
    func everyFormatRendersTheRequirementAnAssessorAsksFor(format: ReportFormat) throws {
        let view = FrameworkReport.make(from: try Self.report(), by: .pciDSS)
        let text = try FrameworkRenderer.render(view, as: format, templates: try TemplateSet.builtIn())
        #expect(text.contains("3.5.1") && text.contains("data.pan-unreadable"))
        #expect(try FrameworkRenderer.render(view, as: format, templates: try TemplateSet.builtIn()) == text)
    }

    @Test func theCSVListsUnmappedRequirementsForCoverage() throws {
        let view = FrameworkReport.make(from: try Self.report(), by: .asvs)
        let csv = FrameworkCSV.render(view)
        let lines = csv.split(whereSeparator: \.isNewline)
        #expect(lines.first?.hasPrefix("framework,requirement,group,requirement_title,requirement_status,item") == true)
        let unmapped = lines.filter { $0.contains(",unmapped,") }.count
        #expect(unmapped == view.groups.compactMap(\.unmapped).map(\.count).reduce(0, +) && unmapped > 0)
    }

    @Test func hostileTextIsEscapedInTheHTMLView() throws {
        var report = try Self.report()
        report.sections[2].items[0].title = "<script>alert(1)</script>"
        report.sections[2].items[0].references = ["PCI DSS v4.0 3.3.1"]
        let html = try FrameworkRenderer.render(FrameworkReport.make(from: report, by: .pciDSS), as: .html, templates: try TemplateSet.builtIn())
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;"))
    }
}
