@testable import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// OSCAL catalogs become checklists that load: structure, text, parameters, withdrawn controls,
/// ids, and every way the input or the output folder can be wrong.
@Suite struct OSCALCatalogImportTests {
    /// Imports `fixture` (under Tests/Fixtures/oscal/) into a new folder; the summary and the checklist read back.
    static func importFixture(_ fixture: String, id: String? = nil) throws -> (CatalogImportSummary, Checklist) {
        let directory = TemporaryDirectory()
        let out = directory.path("checklist")
        let summary = try CatalogImport.oscal(catalog: Fixtures.path("oscal/" + fixture), into: out, id: id, replacing: false)
        let loaded = try ChecklistLoader.load(directory: out)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return (summary, try #require(loaded.checklist))
    }

    static func item(_ id: String, in checklist: Checklist) throws -> ChecklistItem {
        try #require(checklist.items.first { $0.id == id }, "no item \(id)")
    }

    // MARK: - Structure

    @Test func groupsBecomeSectionsAndControlsItems() throws {
        let (summary, checklist) = try Self.importFixture("tricky-catalog.json")
        #expect(summary.controls == 9 && summary.withdrawn == 3 && summary.sections == 4)
        #expect(checklist.id == "tricky-catalog" && checklist.version == "1.0")
        #expect(checklist.title == "Tricky Catalog: edge cases for Evident's importer")
        #expect(checklist.source == "OSCAL catalog 00000000-0000-4000-8000-000000000001, Tricky Catalog: edge cases for Evident's importer 1.0")
        #expect(checklist.sections.map(\.id) == ["controls", "ac", "group-without-id-nested-groups", "ac-2"])
        #expect(checklist.sections[1].description == "The family's overview.")
        #expect(checklist.sections[1].items.map(\.id) == ["ac.ac-1", "ac.ac-1.1", "ac.ac-1.3", "ac.ac-2.1", "ac.ac.1"])
        #expect(!checklist.items.contains { $0.title.contains("Withdrawn enhancement") || $0.title.contains("Gone") })
    }

    @Test func titlesSubsectionsAndReferencesNameTheControl() throws {
        let (_, checklist) = try Self.importFixture("tricky-catalog.json")
        let enhancement = try Self.item("ac.ac-1.1", in: checklist)
        #expect(enhancement.title == "AC-1(1) First enhancement")
        #expect(enhancement.subsection == "AC-1 Policy", "enhancements sit under their control")
        #expect(enhancement.references == ["Tricky Catalog AC-1(1)"])
        #expect(try Self.item("ac.ac-1.3", in: checklist).title == "AC-1(3) Odd id and title")
        #expect(try Self.item("ac.ac-2.1", in: checklist).subsection == "AC-2 Withdrawn control")
        let nested = checklist.sections[2].items
        #expect(nested.map(\.id) == ["group-without-id-nested-groups.s-1", "group-without-id-nested-groups.s-1-2"])
        #expect(nested.map(\.subsection) == ["Subgroup A", "Subgroup B / Deeper"])
    }

    @Test func statementsKeepTheirLabelsAndShowParametersInPlace() throws {
        let (_, checklist) = try Self.importFixture("tricky-catalog.json")
        let policy = try Self.item("ac.ac-1", in: checklist)
        #expect(policy.description == """
            Do the following:

            - **a.** Disseminate to [Assignment: organization-defined personnel or roles]:
              - **1.** [[Selection (one or more): organization-level; system-level with [Assignment: organization-defined frequency]]] policy;
            - **b.** Automatically [Selection: remove; disable] accounts every 90 days, on change, [Assignment: a guideline only], \
            [Assignment: ac-1_prm_7], [Assignment: nowhere] and {{ unknown }}.
            """)
        #expect(try Self.item("controls.loose-1", in: checklist).description == "Set [Assignment: catalog-wide value] before anything else.")
    }

    @Test func guidanceCarriesTheAssessmentObjectivesAndMethods() throws {
        let (_, checklist) = try Self.importFixture("tricky-catalog.json")
        #expect(try Self.item("ac.ac-1", in: checklist).guidance == """
            Guidance paragraph one.

            Guidance paragraph two.

            **Assessment objectives**

            - **AC-01a.** the policy is disseminated to [Assignment: organization-defined personnel or roles];

            **Assessment methods**

            - **Examine:** Access control policy; system security plan
            """)
    }

    @Test func hostileProseRoundTripsUnchanged() throws {
        let (_, checklist) = try Self.importFixture("tricky-catalog.json")
        let description = try #require(try Self.item("ac.ac.1", in: checklist).description)
        #expect(description.hasPrefix("<script>alert(1)</script> \"quotes\" \\back\\slash: # not a comment"))
        #expect(description.hasSuffix("中文\n\n- a list\n- of things"))
    }

    @Test func theBasicExampleCatalogImportsWithAnExplicitID() throws {
        let (summary, checklist) = try Self.importFixture("basic-catalog.json", id: "iso-sample")
        #expect(summary.controls == 4 && summary.sections == 2)
        #expect(checklist.id == "iso-sample")
        #expect(checklist.items.map(\.id) == ["s1.s1.1.1", "s1.s1.1.2", "s2.s2.1.1", "s2.s2.1.2"])
        #expect(checklist.items.allSatisfy { $0.description != nil && $0.guidance != nil })
    }

    // MARK: - Errors

    @Test func badInputIsReportedWithItsPlace() throws {
        let directory = TemporaryDirectory()
        let out = directory.path("out")
        func failure(_ text: String) -> CatalogImportError? {
            let path = directory.write("input.json", text)
            do { _ = try CatalogImport.oscal(catalog: path, into: out, id: nil, replacing: false) } catch {
                return error as? CatalogImportError
            }
            return nil
        }
        let input = directory.path("input.json")
        #expect(failure("{\n  \"catalog\": {\n    \"uuid\": x\n") == .notJSON(path: input, detail: "line 3, column 13: Invalid value"))
        #expect(failure("{\"profile\": {}}") == .notACatalog(path: input, found: ["profile"]))
        #expect(failure("{\"profile\": {}}")?.hint?.contains("profile-resolve") == true)
        #expect(failure("[1, 2]") == .notACatalog(path: input, found: []))
        let untitled = #"{"catalog": {"uuid": "u", "metadata": {"title": "T", "version": "1"}, "groups": [{"id": "g", "title": "G", "controls": [{"id": "c"}]}]}}"#
        #expect(failure(untitled) == .invalidCatalog(path: input, detail: "missing \"title\" in catalog.groups[0].controls[0]"))
        let withdrawn = #"{"catalog": {"uuid": "u", "metadata": {"title": "T", "version": "1"}, "controls": [{"id": "c", "title": "C", "props": [{"name": "status", "value": "withdrawn"}]}]}}"#
        #expect(failure(withdrawn) == .noControls(path: input))
        #expect(!FileManager.default.fileExists(atPath: out), "nothing is written on a failure")
        let missing = directory.path("none.json")
        #expect(throws: CatalogImportError.notFound(path: missing)) {
            try CatalogImport.oscal(catalog: missing, into: out, id: nil, replacing: false)
        }
        #expect(throws: CatalogImportError.invalidID("Bad ID")) {
            try CatalogImport.oscal(catalog: Fixtures.path("oscal/basic-catalog.json"), into: out, id: "Bad ID", replacing: false)
        }
        #expect(CatalogImportError.notFound(path: missing).kind == .missingInput)
        #expect(CatalogImportError.notJSON(path: input, detail: "").kind == .badInput)
    }
}

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
