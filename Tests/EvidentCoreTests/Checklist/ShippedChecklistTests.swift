import EvidentCore
import EvidentTestSupport
import Testing

/// The shipped LiasonPay checklist: valid with zero diagnostics, embedded byte for byte, and
/// shaped as SPEC §2 fixes it.
@Suite struct ShippedChecklistTests {
    @Test func theDirectoryValidatesWithZeroDiagnostics() throws {
        let result = try ChecklistLoader.load(directory: Fixtures.repository("Checklists/liasonpay"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.checklist != nil)
    }

    @Test func theEmbeddedCopyIsTheDirectory() throws {
        let fromDirectory = try #require(try ChecklistLoader.load(directory: Fixtures.repository("Checklists/liasonpay")).checklist)
        let embedded = ShippedChecklists.load("liasonpay")
        #expect(embedded.diagnostics.isEmpty, "\(embedded.diagnostics)")
        #expect(embedded.checklist == fromDirectory)
    }

    @Test func itHasTheSpecifiedIdAndSections() throws {
        let checklist = try #require(ShippedChecklists.load("liasonpay").checklist)
        #expect(checklist.id == "liasonpay-security")
        #expect(checklist.sections.map(\.id) == [
            "keys", "transport", "data", "auth", "webhooks", "coding", "monitoring", "assessments", "compliance",
        ])
        #expect(checklist.sections.first?.title == "API Key Management")
        #expect(checklist.sections.first { $0.id == "coding" }?.title == "Secure Coding Practices")
        #expect(checklist.sections.first { $0.id == "monitoring" }?.title == "Security Monitoring and Incident Response")
        #expect(checklist.sections.first { $0.id == "assessments" }?.title == "Regular Security Assessments")
    }

    @Test func itemsCarryTraceabilityAndReferences() throws {
        let items = try #require(ShippedChecklists.load("liasonpay").checklist).items
        #expect(items.allSatisfy { $0.source?.quote != nil && $0.source?.section != nil })
        let referenced = items.filter { !$0.references.isEmpty }.count
        #expect(Double(referenced) >= 0.9 * Double(items.count))
        let prefixes = ["PCI DSS v4.0 ", "OWASP ASVS 4.0.3 V", "NIST SP 800-53 rev5 "]
        #expect(items.flatMap(\.references).allSatisfy { reference in prefixes.contains { reference.hasPrefix($0) } })
    }

    @Test func scopeTagsMarkOnlyCardDataItems() throws {
        let items = try #require(ShippedChecklists.load("liasonpay").checklist).items
        let scoped = items.filter { !$0.appliesWhen.isEmpty }
        #expect(!scoped.isEmpty)
        #expect(scoped.allSatisfy { $0.appliesWhen == [ChecklistFormat.cardDataScope] })
        #expect(scoped.allSatisfy { $0.references.contains { $0.hasPrefix("PCI DSS v4.0 ") } }, "a scope tag stands for PCI DSS's card-data scope")
        let pci = items.filter { $0.subsection == "PCI DSS Compliance" }
        #expect(pci.filter { $0.appliesWhen.isEmpty }.map(\.id) == ["data.pci.annual-validation"], "every merchant validates yearly")
    }

    @Test func keyRotationCarriesTheGuidesPeriodAndWebhooksTheirSignatureRules() throws {
        let items = try #require(ShippedChecklists.load("liasonpay").checklist).items
        let rotation = items.first { $0.source?.quote == "Rotate API keys regularly (every 90 days recommended)" }
        #expect(rotation?.maxAgeDays == 90)
        let signature = items.filter { $0.sectionID == "webhooks" && $0.subsection == "Signature Verification" }
        #expect(signature.count >= 4)
        #expect(signature.contains { $0.checks.contains(DetectorID.webhookSignatureUnsafeCompare.rawValue) })
    }
}
