import EvidentCore
import Foundation

/// A workspace in a temporary folder driven in-process, with a clock that advances a minute per step.
public final class TestWorkspace: @unchecked Sendable {
    // Unchecked: a test workspace belongs to one test and is used from that test's task only.
    public let directory = TemporaryDirectory()
    public let workspace: Workspace
    private var clock: Timestamp

    /// A fresh workspace whose clock starts at `start`.
    public init(start: String = "2026-10-01T09:00:00Z") throws {
        clock = Timestamp(iso8601: start)!
        workspace = try Workspace.initialize(
            at: WorkspaceLocation(databasePath: directory.path(".evident/evident.db")),
            session: Session(actor: "lead@example.com", now: clock)).0
    }

    /// The next session: the same actor (or `actor`), a minute later.
    public func session(_ actor: String = "lead@example.com") -> Session {
        clock = clock.adding(seconds: 60)
        return Session(actor: actor, now: clock)
    }

    /// The current time of the test clock.
    public var now: Timestamp { clock }

    /// Loads `checklist` and starts `cycle` on it.
    @discardableResult
    public func start(_ checklist: Checklist, cycle: String = "2026-Q4", scope: [String] = []) throws -> Cycle {
        _ = try workspace.load([checklist], session: session())
        return try workspace.startCycle(name: cycle, checklistID: checklist.id, scope: scope, carryForward: false, session: session()).cycle
    }

    /// Records a review in the open cycle.
    public func review(_ item: String, _ status: ReviewStatus, _ note: String? = nil) throws {
        _ = try workspace.recordReview(itemID: item, status: status, note: note, cycle: nil, session: session())
    }

    /// Attaches evidence to an item of the open cycle; returns its id.
    @discardableResult
    public func attach(_ item: String, _ source: EvidenceSource, asOf: String? = nil, expires: String? = nil) throws -> Int64 {
        let request = EvidenceRequest(itemID: item, source: source, asOf: asOf.flatMap(Timestamp.init(iso8601:)),
                                      expires: expires.flatMap(Timestamp.init(iso8601:)))
        return try workspace.addEvidence(request, session: session()).evidence.id
    }

    /// Writes a file in the workspace folder and attaches it.
    @discardableResult
    public func attachFile(_ item: String, name: String, _ text: String) throws -> Int64 {
        try attach(item, .file(path: directory.write("files/" + name, text)))
    }

    /// The report of the only open (or last closed) cycle, generated at the test clock.
    public func report() throws -> AuditReport {
        try workspace.report(of: try workspace.resolveCycle(nil, for: .read), now: clock, toolVersion: "0.0.0-test")
    }
}

/// Checklists built in code, for tests that need shapes the YAML format forbids or hostile text.
public enum TestChecklists {
    /// The fixture checklist `minimal`, loaded from its YAML.
    public static func minimal() throws -> Checklist {
        guard let checklist = try ChecklistLoader.load(directory: Fixtures.path("checklists/minimal")).checklist else {
            throw EvidentFailure(.internalError, "the minimal fixture does not load")
        }
        return checklist
    }

    /// A checklist of `count` items over `sections` sections, for scale.
    public static func generated(items count: Int, sections: Int = 20) -> Checklist {
        let perSection = max(1, count / sections)
        let built = (0..<sections).map { section in
            ChecklistSection(id: "s\(section)", title: "Section \(section)", items: (0..<perSection).map { index in
                ChecklistItem(
                    id: "s\(section).item-\(index)", title: "Requirement \(index) of section \(section) holds",
                    severity: Severity.allCases[index % 4], guidance: "Check it and attach evidence.\n\n- one\n- two",
                    maxAgeDays: 90, references: ["NIST SP 800-53 rev5 AC-\(index % 20 + 1)"],
                    source: SourceQuote(section: "Section \(section)", quote: "Requirement \(index)"))
            })
        }
        return Checklist(id: "generated", title: "Generated checklist", version: "1", sections: built)
    }
}
