import Dispatch
import Foundation

extension AuditReport {
    /// The report of `snapshot`, whose full checklist is `checklist`.
    /// - Parameters:
    ///   - carriedFrom: the cycle name each carried evidence came from, by the origin evidence's id.
    ///   - generatedAt: the clock, passed in so a test (or `EVIDENT_NOW`) pins it.
    ///   - toolVersion: Evident's version, passed in for the same reason.
    public init(
        snapshot: CycleSnapshot, checklist: Checklist, carriedFrom: [Int64: String], signoffs: [SignoffReport],
        generatedAt: Timestamp, toolVersion: String, carriedFromCycle: String?
    ) {
        let soon = snapshot.judgedAt.adding(days: CycleStatus.soonDays)
        let status = CycleStatus(snapshot)
        formatVersion = Self.currentFormatVersion
        self.generatedAt = generatedAt
        tool = Tool(name: "Evident", version: toolVersion)
        let cycle = snapshot.cycle
        self.cycle = CycleInfo(
            name: cycle.name, target: cycle.target, state: cycle.state, scope: cycle.scope, startedAt: cycle.startedAt,
            startedBy: cycle.startedBy, closedAt: cycle.closedAt, closedBy: cycle.closedBy, carriedFrom: carriedFromCycle,
            abandoned: cycle.abandonment)
        self.checklist = ChecklistInfo(
            id: checklist.id, title: checklist.title, version: checklist.version, description: checklist.description,
            source: checklist.source, contentHash: snapshot.version.contentHash)
        judgedAt = snapshot.judgedAt
        summary = Summary(
            items: status.items, counts: status.counts, score: status.counts.score, evidence: status.evidence,
            itemsWithoutEvidence: status.itemsWithoutEvidence, overdue: status.overdue.count, exceptions: status.exceptions,
            passesWithoutEvidence: snapshot.items.filter { snapshot.passesWithoutEvidence($0.itemID) }.count)
        let historyByItem = Dictionary(grouping: snapshot.reviews, by: \.itemID)
        let evidenceByItem = Dictionary(grouping: snapshot.evidence, by: \.itemID)
        sections = checklist.sections.map { section in
            var counts = StatusCounts()
            let items = section.items.map { item in
                let latest = snapshot.latestReview(of: item.id)
                let assignment = snapshot.assignment(of: item.id)
                counts.add(ItemStatus(latest?.status))
                return ItemReport(
                    id: item.id, title: item.title, description: item.description, subsection: item.subsection,
                    severity: item.severity, status: ItemStatus(latest?.status), note: latest?.note,
                    reviewedBy: latest?.actor, reviewedAt: latest?.at, owner: assignment?.owner, due: assignment?.dueAt,
                    overdue: snapshot.isOverdue(item.id),
                    exception: snapshot.exception(of: item.id).map { Self.exceptionReport($0, judgedAt: snapshot.judgedAt) },
                    source: item.source, references: item.references,
                    guidance: item.guidance, expectedEvidence: item.evidence, maxAgeDays: item.maxAgeDays,
                    checks: item.checks, appliesWhen: item.appliesWhen,
                    history: (historyByItem[item.id] ?? []).map { ReviewReport(id: $0.id, status: $0.status, note: $0.note, actor: $0.actor, at: $0.at) },
                    evidence: (evidenceByItem[item.id] ?? []).map {
                        Self.evidenceReport($0, judgedAt: snapshot.judgedAt, soon: soon, carriedFrom: carriedFrom)
                    },
                    passWithoutEvidence: snapshot.passesWithoutEvidence(item.id))
            }
            return SectionReport(id: section.id, title: section.title, description: section.description, counts: counts,
                                 score: counts.score, items: items)
        }
        self.signoffs = signoffs
    }

    static func exceptionReport(_ exception: RiskException, judgedAt: Timestamp) -> ExceptionReport {
        ExceptionReport(
            reason: exception.reason, approvedBy: exception.approvedBy, expiresAt: exception.expiresAt,
            expired: exception.isExpired(at: judgedAt), acceptedStatus: exception.itemStatus, recordedBy: exception.actor,
            recordedAt: exception.at)
    }

    static func evidenceReport(_ evidence: Evidence, judgedAt: Timestamp, soon: Timestamp, carriedFrom: [Int64: String]) -> EvidenceReport {
        let state: EvidenceReport.State =
            if evidence.isWithdrawn { .withdrawn }
            else if evidence.isExpired(at: judgedAt) { .expired }
            else if evidence.isExpired(at: soon) { .expiring }
            else { .current }
        return EvidenceReport(
            id: evidence.id, kind: evidence.kind, name: evidence.fileName, url: evidence.url, note: evidence.note,
            sha256: evidence.digest, size: evidence.size, redacted: evidence.redacted, effectiveAt: evidence.effectiveAt,
            expiresAt: evidence.expiresAt, state: state, addedAt: evidence.addedAt, addedBy: evidence.addedBy,
            carriedFrom: evidence.carriedFromID.flatMap { carriedFrom[$0] }, withdrawnReason: evidence.withdrawReason,
            bundlePath: nil)
    }
}

extension Workspace {
    /// The audit report of `cycle`, generated at `now` by Evident `toolVersion`.
    public func report(of cycle: Cycle, now: Timestamp, toolVersion: String) throws -> AuditReport {
        // The checklist's stored JSON (megabytes for 10,000 items) is decoded on the other core
        // while the cycle's rows are read.
        let decoded = ResultSlot<Checklist>()
        let decoding = DispatchGroup()
        DispatchQueue.global().async(group: decoding) { [self] in
            decoded.set(Result { try self.checklist(versionID: cycle.versionID) })
        }
        let read = Result { try self.snapshot(of: cycle, now: now) }
        decoding.wait()
        let snapshot = try read.get()
        let checklist = try decoded.get()
        var carriedFrom: [Int64: String] = [:]
        var names: [Int64: String] = [:]
        for evidence in snapshot.evidence {
            guard let origin = evidence.carriedFromID, let source = try database.evidence(id: origin) else { continue }
            if names[source.cycleID] == nil { names[source.cycleID] = try database.cycle(id: source.cycleID)?.name }
            carriedFrom[origin] = names[source.cycleID]
        }
        let previous = try cycle.carriedFromCycleID.flatMap { try database.cycle(id: $0)?.name }
        return AuditReport(
            snapshot: snapshot, checklist: checklist, carriedFrom: carriedFrom, signoffs: try signoffReports(of: snapshot),
            generatedAt: now, toolVersion: toolVersion, carriedFromCycle: previous)
    }

    /// The sign-offs of a cycle as the report shows them.
    func signoffReports(of snapshot: CycleSnapshot) throws -> [AuditReport.SignoffReport] {
        try signoffStates(of: snapshot).map { state in
            let signoff = state.signoff
            return AuditReport.SignoffReport(
                signer: signoff.signer, statement: signoff.statement, at: signoff.at, digest: signoff.digest,
                signed: signoff.signature != nil, keyFingerprint: signoff.keyFingerprint, stale: state.stale)
        }
    }
}

/// A result one thread sets and another reads after waiting for it.
final class ResultSlot<Value: Sendable>: @unchecked Sendable {
    // Unchecked: `result` is only touched under `lock`.
    private let lock = NSLock()
    private var result: Result<Value, any Error>?

    func set(_ result: Result<Value, any Error>) { lock.withLock { self.result = result } }

    /// The value set, or the error it holds; set must have happened before.
    func get() throws -> Value { try lock.withLock { result! }.get() }
}
