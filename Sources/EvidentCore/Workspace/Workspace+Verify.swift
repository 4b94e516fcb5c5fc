/// What `evident verify` found in a workspace: problems make it fail, notes do not.
public struct WorkspaceVerification: Sendable, Equatable {
    /// Breaks of integrity: a changed vault file, a broken audit chain, a row its log entry disowns.
    public var problems: [String] = []
    /// Things worth knowing that are not breaks: files left by interrupted writes, unused vault files.
    public var notes: [String] = []
    public var auditEntries = 0
    public var vaultFiles = 0

    public var isSound: Bool { problems.isEmpty }
}

extension Workspace {
    /// Checks the database's integrity, the audit chain, that every review and evidence row matches
    /// the log entry that recorded it, and re-hashes every vault file evidence needs.
    public func verify(progress: WorkProgress = .none) throws -> WorkspaceVerification {
        var result = WorkspaceVerification()
        let integrity = try database.integrityCheck()
        if integrity != ["ok"] { result.problems += integrity.map { "database integrity: \($0)" } }
        let entries = try database.auditEntries()
        result.auditEntries = entries.count
        result.problems += AuditChain.check(entries).map(\.description)
        result.problems += try rowsAgainstLog(entries)
        result.problems += try programmeRowsAgainstLog(entries)
        let evidence = try database.allEvidence()
        let needed = Set(evidence.filter { $0.hasVaultFile && $0.purgedAt == nil }.map(\.digest))
        for digest in needed.sorted() {
            result.vaultFiles += 1
            progress.update("verifying vault files", done: Int64(result.vaultFiles), total: Int64(needed.count))
            do throws(VaultError) {
                try vault.check(digest)
            } catch {
                result.problems.append(error.errorDescription ?? "vault file \(digest) is unusable")
            }
        }
        let known = Set(evidence.map(\.digest))
        for digest in try vault.storedDigests() where !known.contains(digest) {
            result.notes.append("vault file \(digest) belongs to no evidence (left by an interrupted add; harmless)")
        }
        for leftover in vault.incompleteWrites() {
            result.notes.append("vault/\(leftover) is an unfinished write (harmless; safe to delete)")
        }
        return result
    }

    /// Problems where a review or evidence row differs from the audit entry that recorded it.
    private func rowsAgainstLog(_ entries: [AuditEntry]) throws -> [String] {
        var problems: [String] = []
        var reviewEntries: [Int64: ReviewPayload] = [:]
        var evidenceEntries: [Int64: EvidencePayload] = [:]
        var withdrawals: [Int64: WithdrawPayload] = [:]
        var signoffEntries: [Int64: SignoffPayload] = [:]
        var abandonments: [Int64: CycleAbandonPayload] = [:]
        for entry in entries {
            switch entry.action {
            case "cycle.abandon":
                if let cycleID = entry.cycleID, let payload = CanonicalJSON.decode(CycleAbandonPayload.self, from: entry.payload) {
                    abandonments[cycleID] = payload
                }
            case "review.record":
                if let payload = CanonicalJSON.decode(ReviewPayload.self, from: entry.payload) { reviewEntries[payload.reviewID] = payload }
            case "evidence.add", "evidence.carry":
                if let payload = CanonicalJSON.decode(EvidencePayload.self, from: entry.payload) { evidenceEntries[payload.evidenceID] = payload }
            case "signoff.add":
                if let payload = CanonicalJSON.decode(SignoffPayload.self, from: entry.payload) { signoffEntries[payload.signoffID] = payload }
            case "evidence.withdraw":
                if let payload = CanonicalJSON.decode(WithdrawPayload.self, from: entry.payload) { withdrawals[payload.evidenceID] = payload }
            default:
                break
            }
        }
        for review in try database.allReviews() where reviewEntries[review.id] != ReviewPayload(review) {
            problems.append("review #\(review.id) of \(review.itemID) differs from the audit log entry that recorded it")
        }
        for evidence in try database.allEvidence() {
            if evidenceEntries[evidence.id] != EvidencePayload(evidence) {
                problems.append("evidence #\(evidence.id) of \(evidence.itemID) differs from the audit log entry that recorded it")
            }
            if evidence.isWithdrawn != (withdrawals[evidence.id] != nil)
                || (evidence.isWithdrawn && withdrawals[evidence.id]?.reason != evidence.withdrawReason) {
                problems.append("evidence #\(evidence.id) of \(evidence.itemID): its withdrawal does not match the audit log")
            }
        }
        let cycles = try database.cycles()
        for cycle in cycles where (cycle.abandonment.map { CycleAbandonPayload(cycle: cycle.name, reason: $0.reason) }) != abandonments[cycle.id] {
            problems.append("cycle \(cycle.name): its abandonment does not match the audit log")
        }
        let names = Dictionary(uniqueKeysWithValues: cycles.map { ($0.id, $0.name) })
        for signoff in try database.allSignoffs() {
            if signoffEntries[signoff.id] != SignoffPayload(signoff) {
                problems.append("sign-off #\(signoff.id) differs from the audit log entry that recorded it")
            }
            if signoff.signature != nil, !signoff.signatureHolds(cycle: names[signoff.cycleID] ?? "") {
                problems.append("sign-off #\(signoff.id) by \(signoff.signer): its signature does not hold")
            }
        }
        return problems
    }

    /// The audit log, oldest first, optionally one cycle's or one item's entries. An item no loaded
    /// checklist has is an error with a "did you mean", never an empty log.
    public func auditLog(cycle name: String?, itemID: String?) throws -> [AuditEntry] {
        let cycle = try name.map { try resolveCycle($0, for: .read) }
        if let itemID {
            if let cycle { try checkItemID(itemID, in: cycle) } else {
                let known = try database.allItemIDs()
                guard known.contains(itemID) else {
                    throw WorkflowError.unknownItem(itemID, suggestion: Suggestion.closest(to: itemID, in: known))
                }
            }
        }
        return try database.auditEntries(cycleID: cycle?.id, itemID: itemID)
    }
}
