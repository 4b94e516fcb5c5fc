/// The record behind a workspace: checklist versions, cycles, reviews, evidence rows, programme
/// entries, sign-offs and the audit log. Two implementations keep it — `AppDatabase` (SQLite, one
/// lead's file) and `PostgresStore` (a team's server) — and the workspace talks to this interface
/// alone, so every rule above the store is written once. Each write is one transaction that
/// appends its audit entries to the one chain; every read sees one consistent snapshot.
protocol RecordStore: Sendable {
    /// Which kind of store this is, for messages and `verify`.
    var backend: StoreBackend { get }

    // MARK: Workspace and audit log
    /// Records the workspace's creation once; returns whether this call created it.
    func recordCreation(session: Session) throws -> Bool
    /// The store's own consistency check: `["ok"]` when sound.
    func integrityCheck() throws -> [String]
    /// The audit log, oldest first, optionally one cycle's or one item's entries.
    func auditEntries(cycleID: Int64?, itemID: String?) throws -> [AuditEntry]
    /// Every entry numbered `first` through `last`, in order.
    func auditEntries(seqFrom first: Int64, through last: Int64) throws -> [AuditEntry]

    // MARK: Checklists
    func checklistVersion(checklistID: String, version: String) throws -> StoredChecklistVersion?
    func checklistVersion(id versionID: Int64) throws -> StoredChecklistVersion?
    func checklistVersions() throws -> [StoredChecklistVersion]
    func insertChecklistVersion(_ checklist: Checklist, contentHash: String, content: String?, session: Session) throws -> Int64
    func checklistContent(versionID: Int64) throws -> Checklist?
    func sections(versionID: Int64) throws -> [ChecklistSectionRecord]
    func allItemIDs() throws -> [String]
    func items(versionID: Int64) throws -> [ChecklistItemRecord]

    // MARK: Cycles
    func cycle(named name: String) throws -> Cycle?
    func cycle(id: Int64) throws -> Cycle?
    func cycles() throws -> [Cycle]
    func insertCycle(
        name: String, target: String?, version: StoredChecklistVersion, scope: [String], carriedFrom: Int64?,
        content: CycleStartContent, session: Session) throws -> Cycle
    func closeCycle(_ cycle: Cycle, acceptedExpired: [Int64], session: Session) throws -> Cycle
    func abandonCycle(_ cycle: Cycle, reason: String, session: Session) throws -> Cycle

    // MARK: Reviews
    func insertReviews(_ entries: [ReviewEntry], cycleID: Int64, session: Session) throws -> [Review]
    func insertReviews(_ reviews: [ReviewEntry], assignments: [AssignmentEntry], cycleID: Int64, session: Session) throws -> [Review]
    func reviews(cycleID: Int64) throws -> [Review]
    func allReviews() throws -> [Review]

    // MARK: Evidence
    func insertEvidence(_ evidence: Evidence, session: Session) throws -> Evidence
    func insertEvidence(_ evidence: [Evidence], session: Session) throws -> [Evidence]
    func evidence(id: Int64) throws -> Evidence?
    func evidence(cycleID: Int64, itemID: String?) throws -> [Evidence]
    func allEvidence() throws -> [Evidence]
    func withdrawEvidence(_ evidence: Evidence, reason: String, session: Session) throws -> Evidence
    func markPurged(_ evidence: [Evidence], session: Session) throws
    func evidenceSharingFile(digest: String, excluding id: Int64) throws -> [Evidence]

    // MARK: Programme
    func insertAssignments(_ entries: [AssignmentEntry], cycleID: Int64, session: Session) throws -> [Assignment]
    func assignments(cycleID: Int64) throws -> [Assignment]
    func allAssignments() throws -> [Assignment]
    func insertException(_ entry: ExceptionEntry, cycleID: Int64, session: Session) throws -> RiskException
    func exceptions(cycleID: Int64) throws -> [RiskException]
    func allExceptions() throws -> [RiskException]

    // MARK: Sign-offs
    func insertSignoff(_ signoff: Signoff, cycleName: String, session: Session) throws -> Signoff
    func signoffs(cycleID: Int64) throws -> [Signoff]
    func signers(publicKey: String) throws -> [String]
    func allSignoffs() throws -> [Signoff]
}

extension RecordStore {
    func auditEntries() throws -> [AuditEntry] { try auditEntries(cycleID: nil, itemID: nil) }
    func auditEntries(cycleID: Int64?) throws -> [AuditEntry] { try auditEntries(cycleID: cycleID, itemID: nil) }
    func evidence(cycleID: Int64) throws -> [Evidence] { try evidence(cycleID: cycleID, itemID: nil) }
    func insertChecklistVersion(_ checklist: Checklist, contentHash: String, session: Session) throws -> Int64 {
        try insertChecklistVersion(checklist, contentHash: contentHash, content: nil, session: session)
    }
}

/// Which store keeps a workspace's record.
public enum StoreBackend: String, Sendable {
    /// The embedded default: one SQLite file and a vault folder beside it.
    case sqlite
    /// A team store on a PostgreSQL server, evidence files included.
    case postgres
}
