@testable import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// The OSCAL assessment-results document's structure, without external validators: required
/// fields, UUIDs, determinism, a finding per reviewed item, hashes, and references that resolve.
@Suite struct OSCALAssessmentResultsTests {
    /// Five items, one per status: pass, partial, fail, na (out of scope) and pending.
    static let checklist = Checklist(id: "oscal-test", title: "OSCAL test checklist", version: "2.1", sections: [
        ChecklistSection(id: "keys", title: "Keys", items: [
            ChecklistItem(id: "keys.rotation", title: "Keys are rotated", description: "Every **90** days."),
            ChecklistItem(id: "keys.storage", title: "Keys are stored in a vault", severity: .critical),
            ChecklistItem(id: "keys.revocation", title: "Leaked keys are revoked"),
        ]),
        ChecklistSection(id: "data", title: "Data", items: [
            ChecklistItem(id: "data.pci", title: "Card data is segmented", appliesWhen: ["handles-card-data"]),
            ChecklistItem(id: "data.retention", title: "Data is deleted on time"),
        ]),
    ])

    /// A report over `checklist`, the reviewer called `reviewer` and notes reading `note`.
    static func report(reviewer: String = "lead@example.com", note: String = "checked") throws -> AuditReport {
        let test = try TestWorkspace()
        try test.start(checklist)
        try test.attachFile("keys.rotation", name: "rotation-log.csv", "date,key\n2026-09-01,k1\n")
        try test.attach("keys.rotation", .url("https://tickets.example.com/SEC-1?x=a b"))
        let wrong = try test.attach("keys.rotation", .note("wrong item"))
        _ = try test.workspace.withdrawEvidence(id: wrong, reason: note, purge: false, session: test.session())
        for (item, status) in [("keys.rotation", ReviewStatus.pass), ("keys.storage", .partial), ("keys.revocation", .fail)] {
            _ = try test.workspace.recordReview(itemID: item, status: status, note: note, cycle: nil, session: test.session(reviewer))
        }
        return try test.report()
    }

    static func render(_ report: AuditReport) throws -> (text: String, root: [String: Any]) {
        let text = try OSCALAssessmentResults.render(report)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return (text, try #require(object?["assessment-results"] as? [String: Any]))
    }

    // MARK: - Shape

    @Test func theRequiredFieldsArePresent() throws {
        let report = try Self.report()
        let (_, root) = try Self.render(report)
        let metadata = try #require(root["metadata"] as? [String: Any])
        #expect(metadata["oscal-version"] as? String == "1.2.1")
        #expect(metadata["last-modified"] as? String == report.generatedAt.iso8601)
        #expect(metadata["version"] as? String == "2026-Q4")
        #expect((metadata["title"] as? String)?.isEmpty == false)
        let plan = try #require((root["import-ap"] as? [String: Any])?["href"] as? String)
        #expect(JSONTree.resourceUUIDs(root).contains(String(plan.dropFirst())), "import-ap refers to a back-matter resource")
        let results = try #require(root["results"] as? [[String: Any]])
        #expect(results.count == 1)
        let result = results[0]
        for key in ["uuid", "title", "description", "start", "reviewed-controls"] { #expect(result[key] != nil, "\(key)") }
        #expect(result["end"] == nil, "an open cycle has no end")
        #expect(result["start"] as? String == report.cycle.startedAt.iso8601)
    }

    @Test func everyUUIDIsAUniqueVersion5UUID() throws {
        let (_, root) = try Self.render(try Self.report())
        let own = JSONTree.strings(in: root, key: "uuid")
        #expect(own.count > 10)
        #expect(Set(own).count == own.count, "no two objects share a UUID")
        let references = JSONTree.strings(in: root, matching: { $0.hasSuffix("-uuid") || $0.hasSuffix("-uuids") })
        for uuid in own + references {
            #expect(uuid.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil, "\(uuid)")
        }
        let parties = Set(JSONTree.strings(in: root["metadata"] as Any, key: "uuid"))
        for reference in JSONTree.strings(in: root, matching: { ["actor-uuid", "party-uuid", "party-uuids"].contains($0) }) {
            #expect(parties.contains(reference), "every actor is a party: \(reference)")
        }
    }

    @Test func theSameCycleRendersTheSameBytesInAnyWorkspace() throws {
        let first = try OSCALAssessmentResults.render(try Self.report())
        #expect(try OSCALAssessmentResults.render(try Self.report()) == first)
        let other = try OSCALAssessmentResults.render(try Self.report(note: "another note"))
        #expect(other != first)
    }

    // MARK: - Findings

    @Test func everyReviewedItemHasAFindingWithItsState() throws {
        let (_, root) = try Self.render(try Self.report())
        let result = try #require((root["results"] as? [[String: Any]])?.first)
        let findings = try #require(result["findings"] as? [[String: Any]])
        var states: [String: String] = [:]
        for finding in findings {
            let target = try #require(finding["target"] as? [String: Any])
            #expect(target["type"] as? String == "objective-id")
            let status = try #require(target["status"] as? [String: Any])
            states[try #require(target["target-id"] as? String)] = status["state"] as? String
            #expect(finding["remarks"] as? String == "checked")
        }
        #expect(states == ["keys.rotation": "satisfied", "keys.storage": "not-satisfied", "keys.revocation": "not-satisfied"])
        let selection = try #require(((result["reviewed-controls"] as? [String: Any])?["control-selections"] as? [[String: Any]])?.first)
        #expect(selection["include-all"] != nil)
        #expect(JSONTree.strings(in: selection["exclude-controls"] as Any, key: "control-id") == ["data.pci"], "na is excluded")
        let notApplicable = (result["observations"] as? [[String: Any]] ?? []).filter { ($0["title"] as? String)?.hasPrefix("data.pci") == true }
        #expect(notApplicable.count == 1)
        #expect((notApplicable.first?["remarks"] as? String)?.contains("out of scope") == true, "the na reason is kept")
        #expect((result["remarks"] as? String)?.contains("data.retention") == true, "pending items are named")
        let log = try #require((result["assessment-log"] as? [String: Any])?["entries"] as? [[String: Any]])
        #expect(log.count == 4, "three reviews and the scope's na")
    }

    // MARK: - Evidence

    @Test func evidenceObservationsCarryHashesAndBundlePaths() throws {
        var report = try Self.report()
        let index = try #require(report.sections[0].items[0].evidence.firstIndex { $0.kind == .file })
        let file = report.sections[0].items[0].evidence[index]
        report.sections[0].items[0].evidence[index].bundlePath = "evidence/keys.rotation/\(file.sha256.prefix(12))-rotation-log.csv"
        let (_, root) = try Self.render(report)
        let resources = try #require((root["back-matter"] as? [String: Any])?["resources"] as? [[String: Any]])
        let fileResource = try #require(resources.first { JSONTree.strings(in: $0, key: "value").contains(file.sha256) })
        let link = try #require((fileResource["rlinks"] as? [[String: Any]])?.first)
        #expect(link["href"] as? String == "../evidence/keys.rotation/\(file.sha256.prefix(12))-rotation-log.csv", "relative to oscal/")
        let hash = try #require((link["hashes"] as? [[String: Any]])?.first)
        #expect(hash["algorithm"] as? String == "SHA-256" && hash["value"] as? String == file.sha256)
        for evidence in report.sections[0].items[0].evidence {
            #expect(JSONTree.strings(in: root["back-matter"] as Any, key: "value").contains(evidence.sha256), "every hash is present")
        }
        let resourceIDs = JSONTree.resourceUUIDs(root)
        let result = try #require((root["results"] as? [[String: Any]])?.first)
        let evidenceRefs = JSONTree.strings(in: result["observations"] as Any, key: "href")
        #expect(evidenceRefs.count == 3)
        for href in evidenceRefs { #expect(href.hasPrefix("#") && resourceIDs.contains(String(href.dropFirst())), "\(href)") }
        let observationIDs = Set(JSONTree.strings(in: result["observations"] as Any, key: "uuid"))
        let related = JSONTree.strings(in: result["findings"] as Any, key: "observation-uuid")
        #expect(related.count == 2, "the withdrawn note supports no finding")
        #expect(related.allSatisfy(observationIDs.contains))
        let urlLink = JSONTree.strings(in: resources, key: "href").first { $0.hasPrefix("https:") }
        #expect(urlLink == "https://tickets.example.com/SEC-1?x=a%20b")
    }

    @Test func scanEvidenceIsATestAndTheRestAreExaminations() throws {
        var report = try Self.report()
        report.sections[0].items[0].evidence[0].kind = .scan
        let (_, root) = try Self.render(report)
        let observations = try #require((root["results"] as? [[String: Any]])?.first?["observations"] as? [[String: Any]])
        let methods = observations.map { JSONTree.strings(in: $0, key: "methods") }
        #expect(methods.filter { $0 == ["TEST"] }.count == 1)
        #expect(methods.filter { $0 == ["EXAMINE"] }.count == observations.count - 1)
    }
}
