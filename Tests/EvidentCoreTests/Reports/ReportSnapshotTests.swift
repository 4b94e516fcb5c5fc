import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// Each report format against its checked-in expected output. Re-record with
/// `RECORD_SNAPSHOTS=1 swift test --filter ReportSnapshotTests` after an intended change.
@Suite struct ReportSnapshotTests {
    /// The fixture workspace every expected output is made from: every status, every evidence kind,
    /// an expired and a withdrawn piece, a carried-forward cycle, owners with a due date passed and
    /// an accepted risk.
    static func fixtureReport() throws -> AuditReport {
        let test = try TestWorkspace()
        try test.start(try TestChecklists.minimal(), cycle: "2026-Q3")
        try test.attachFile("keys.no-hardcoded-keys", name: "scan.txt", "no findings\n")
        try test.attach("keys.rotation", .note("Rotated on 2026-09-30."), asOf: "2026-07-01")
        try test.review("keys.no-hardcoded-keys", .pass, "Scan clean.")
        try test.review("keys.rotation", .fail, "Rotation overdue.")
        try test.review("data.retention", .partial, "Policy drafted, not approved.")
        _ = try test.workspace.closeCycle(name: "2026-Q3", acceptExpired: true, session: test.session())
        _ = try test.workspace.startCycle(name: "2026-Q4", checklistID: nil, scope: ["handles-card-data"], carryForward: true, session: test.session())
        try test.review("keys.rotation", .pass, "Rotated; log attached.")
        try test.review("data.pci.segmentation", .na, "No card data in this system.")
        let wrong = try test.attach("keys.rotation", .url("https://kms.example.com/keys/42"))
        _ = try test.workspace.withdrawEvidence(id: wrong, reason: "Wrong key.", purge: false, session: test.session())
        try test.attach("keys.rotation", .url("https://kms.example.com/keys/7/rotations"), expires: "2026-12-31")
        try test.review("data.retention", .partial, "Approved for payments only.")
        _ = try test.workspace.assign(
            itemIDs: ["data.retention", "keys.no-hardcoded-keys"], owner: "ana@example.com", due: test.now.adding(days: -1),
            cycle: nil, session: test.session())
        _ = try test.workspace.addException(
            itemID: "data.retention", reason: "Other products follow next quarter.", expires: test.now.adding(days: 90),
            approvedBy: "ciso@example.com", cycle: nil, session: test.session())
        return try test.report()
    }

    @Test(arguments: [ReportFormat.md, .html, .json, .csv])
    func matchesTheExpectedOutput(format: ReportFormat) throws {
        let rendered = try ReportRenderer.render(try Self.fixtureReport(), as: format, templates: try TemplateSet.builtIn())
        let path = Fixtures.path("reports/fixture.\(format.rawValue)")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try Data(rendered.utf8).write(to: URL(fileURLWithPath: path))
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(rendered == expected, "re-record with RECORD_SNAPSHOTS=1 if the change is intended")
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let templates = try TemplateSet.builtIn()
        for format in [ReportFormat.md, .html, .json, .csv] {
            let first = try ReportRenderer.render(try Self.fixtureReport(), as: format, templates: templates)
            let second = try ReportRenderer.render(try Self.fixtureReport(), as: format, templates: templates)
            #expect(first == second, "\(format)")
        }
    }
}
