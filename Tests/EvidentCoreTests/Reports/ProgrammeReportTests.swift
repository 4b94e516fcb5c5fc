@testable import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// Owners, accepted risks and targets in the core: the rules, the to-do list, the overview, and
/// the OSCAL risk an exception becomes.
@Suite struct ProgrammeReportTests {
    /// The OSCAL test checklist with keys.revocation failing, assigned, and its risk accepted for 30 days.
    static func workspaceWithException() throws -> TestWorkspace {
        let test = try TestWorkspace()
        try test.start(OSCALAssessmentResultsTests.checklist)
        try test.review("keys.revocation", .fail, "no revocation runbook")
        try test.review("keys.rotation", .pass)
        _ = try test.workspace.assign(itemIDs: ["keys.revocation"], owner: "marc@example.com", due: test.now.adding(days: 7),
                                      cycle: nil, session: test.session())
        _ = try test.workspace.addException(itemID: "keys.revocation", reason: "Runbook due next sprint", expires: test.now.adding(days: 30),
                                            approvedBy: "ciso@example.com", cycle: nil, session: test.session())
        return test
    }

    static func result(_ report: AuditReport) throws -> [String: Any] {
        let (_, root) = try OSCALAssessmentResultsTests.render(report)
        return try #require((root["results"] as? [[String: Any]])?.first)
    }

    @Test func anExceptionIsAnApprovedDeviationAndTheFindingStaysNotSatisfied() throws {
        let test = try Self.workspaceWithException()
        let report = try test.report()
        let item = try #require(report.sections.flatMap(\.items).first { $0.id == "keys.revocation" })
        #expect(item.status == .fail && item.exception?.expired == false && item.owner == "marc@example.com")
        let result = try Self.result(report)
        let risk = try #require((result["risks"] as? [[String: Any]])?.first)
        #expect(risk["status"] as? String == "deviation-approved")
        #expect(risk["statement"] as? String == "Runbook due next sprint")
        let log = try #require((risk["risk-log"] as? [String: Any])?["entries"] as? [[String: Any]])
        #expect(log.map { $0["status-change"] as? String } == ["deviation-approved"])
        let finding = try #require((result["findings"] as? [[String: Any]])?.first {
            ($0["target"] as? [String: Any])?["target-id"] as? String == "keys.revocation"
        })
        #expect(((finding["target"] as? [String: Any])?["status"] as? [String: Any])?["state"] as? String == "not-satisfied")
        #expect((finding["related-risks"] as? [[String: Any]])?.first?["risk-uuid"] as? String == risk["uuid"] as? String)
        let text = try OSCALAssessmentResults.render(report)
        #expect(text.contains(OSCALNaming.party("ciso@example.com").description), "the approver is a party")
    }

    @Test func anExpiredExceptionReopensTheRiskAndIsListedAsDue() throws {
        let test = try Self.workspaceWithException()
        let later = test.now.adding(days: 31)
        let cycle = try test.workspace.resolveCycle(nil, for: .read)
        let report = try test.workspace.report(of: cycle, now: later, toolVersion: "0.0.0-test")
        let risk = try #require((try Self.result(report)["risks"] as? [[String: Any]])?.first)
        #expect(risk["status"] as? String == "open")
        #expect(((risk["risk-log"] as? [String: Any])?["entries"] as? [[String: Any]])?.count == 2)
        let snapshot = try test.workspace.snapshot(of: cycle, now: later)
        #expect(DueException.list(snapshot, within: 0).map(\.item) == ["keys.revocation"])
        let status = CycleStatus(snapshot)
        #expect(status.expiredExceptions.map(\.item) == ["keys.revocation"] && status.exceptions.open == 0)
        let todo = TodoList([snapshot], owner: "MARC@example.com", now: later)
        #expect(todo.entries.map(\.kind) == [.overdue, .expiredException, .failing])
    }

    @Test func onlyAFailingOrPartialItemOfAnOpenCycleTakesAnException() throws {
        let test = try Self.workspaceWithException()
        #expect(throws: ProgrammeError.noException(item: "keys.rotation", status: .pass)) {
            _ = try test.workspace.addException(itemID: "keys.rotation", reason: "r", expires: test.now.adding(days: 1),
                                                approvedBy: "x", cycle: nil, session: test.session())
        }
        #expect(throws: ProgrammeError.self) {
            _ = try test.workspace.addException(itemID: "keys.revocation", reason: "r", expires: test.now.adding(days: -1),
                                                approvedBy: "x", cycle: nil, session: test.session())
        }
        #expect(throws: WorkflowError.self) {
            _ = try test.workspace.assign(itemIDs: ["keys.nope"], owner: "x", due: nil, cycle: nil, session: test.session())
        }
    }

    @Test func theOverviewShowsEachTargetsLatestCycleAndCarryForwardStaysWithinATarget() throws {
        let test = try TestWorkspace()
        let checklist = OSCALAssessmentResultsTests.checklist
        _ = try test.workspace.load([checklist], session: test.session())
        for (name, target) in [("a-1", "alpha"), ("b-1", "beta")] {
            _ = try test.workspace.startCycle(name: name, checklistID: nil, target: target, scope: [], carryForward: false,
                                              session: test.session())
            _ = try test.workspace.addEvidence(EvidenceRequest(itemID: "keys.rotation", source: .note("from \(name)"), cycle: name),
                                               session: test.session())
            for item in checklist.items where item.appliesWhen.isEmpty {
                _ = try test.workspace.recordReview(itemID: item.id, status: .pass, note: nil, cycle: name, session: test.session())
            }
        }
        _ = try test.workspace.closeCycle(name: "b-1", session: test.session())
        let next = try test.workspace.startCycle(name: "b-2", checklistID: nil, target: "beta", scope: [], carryForward: true,
                                                 session: test.session())
        #expect(next.carriedFrom?.name == "b-1" && next.carried == 1)
        let overview = ProgrammeOverview(try test.workspace.programmeSnapshots(now: test.now), generatedAt: test.now, toolVersion: "t")
        #expect(overview.targets.map(\.cycle) == ["a-1", "b-2"])
        #expect(overview.targets.map(\.target) == ["alpha", "beta"])
        let html = try OverviewRenderer.render(overview, as: .html, templates: try TemplateSet.builtIn())
        #expect(html.contains("Content-Security-Policy") && html.contains("alpha") && !html.contains("<script"))
        #expect(throws: ProgrammeError.invalidTarget("no spaces")) {
            _ = try test.workspace.startCycle(name: "c-1", checklistID: nil, target: "no spaces", scope: [], carryForward: false,
                                              session: test.session())
        }
    }
}
