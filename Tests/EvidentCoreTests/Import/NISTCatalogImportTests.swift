@testable import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// NIST's own catalogs, from the shared data folder: the full SP 800-53 rev5 catalog and the
/// resolved LOW and HIGH baselines import completely and load without a diagnostic.
@Suite struct NISTCatalogImportTests {
    static func importCatalog(_ path: String) throws -> (CatalogImportSummary, Checklist) {
        let directory = TemporaryDirectory()
        let summary = try CatalogImport.oscal(catalog: path, into: directory.path("out"), id: nil, replacing: false)
        let loaded = try ChecklistLoader.load(directory: directory.path("out"))
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.prefix(5))")
        return (summary, try #require(loaded.checklist))
    }

    @Test(.enabled(if: SharedData.nistCatalog != nil, "needs shared/data/oscal/catalog (set EVIDENT_SHARED)"))
    func theFullSP80053CatalogImportsEveryActiveControl() throws {
        let (summary, checklist) = try Self.importCatalog(try #require(SharedData.nistCatalog))
        #expect(summary.controls == 1007 && summary.withdrawn == 182)
        #expect(checklist.items.count == 1007)
        #expect(checklist.sections.map(\.id) == ["ac", "at", "au", "ca", "cm", "cp", "ia", "ir", "ma", "mp", "pe", "pl", "pm", "ps", "pt",
                                                 "ra", "sa", "sc", "si", "sr"])
        #expect(checklist.id == "nist-special-publication-800-53-revision-5" && checklist.version == "5.0.1")
        let accounts = try #require(checklist.items.first { $0.id == "ac.ac-2.1" })
        #expect(accounts.title == "AC-2(1) Automated System Account Management")
        #expect(accounts.references == ["NIST Special Publication 800-53 Revision 5 AC-2(1)"])
        #expect(accounts.description == "Support the management of system accounts using [Assignment: organization-defined automated mechanisms].")
        let policy = try #require(checklist.items.first { $0.id == "ac.ac-1" })
        #expect(policy.description?.contains("- **1.** [Selection (one or more): Organization-level; Mission/business process-level; System-level] access control policy that:") == true)
        #expect(checklist.items.allSatisfy { $0.description != nil && $0.guidance != nil })
        let unresolved = checklist.items.filter { ($0.description ?? "").contains("{{") || ($0.guidance ?? "").contains("{{") }
        #expect(unresolved.isEmpty, "every parameter is shown in place: \(unresolved.map(\.id).prefix(5))")
    }

    @Test(.enabled(if: SharedData.nistCatalog != nil, "needs shared/data/oscal/catalog (set EVIDENT_SHARED)"))
    func theResolvedBaselinesImportWithTheirAssessmentObjectives() throws {
        let low = try #require(SharedData.path("data/oscal/catalog/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json"))
        let high = try #require(SharedData.path("data/oscal/catalog/NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json"))
        let (lowSummary, lowChecklist) = try Self.importCatalog(low)
        #expect(lowSummary.controls == 149 && lowSummary.sections == 18)
        #expect(lowChecklist.items.first?.guidance?.contains("**Assessment objectives**") == true)
        #expect(lowChecklist.items.first?.guidance?.contains("- **Examine:** Access control policy and procedures") == true)
        let (highSummary, _) = try Self.importCatalog(high)
        #expect(highSummary.controls == 370 && highSummary.sections == 18)
    }
}
