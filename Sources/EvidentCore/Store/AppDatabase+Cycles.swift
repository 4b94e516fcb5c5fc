import GRDB

/// What a new cycle starts with besides itself: out-of-scope reviews, carried `na` verdicts and
/// carried evidence.
struct CycleStartContent {
    /// Items recorded `na` at start, with the note saying why.
    var outOfScope: [(itemID: String, note: String)] = []
    /// `na` verdicts of the previous cycle carried forward with their notes.
    var carriedVerdicts: [(itemID: String, note: String?)] = []
    /// Evidence of the previous cycle to copy in, keeping effective time and expiry.
    var carried: [Evidence] = []
}

extension AppDatabase {
    /// The cycle named `name`.
    func cycle(named name: String) throws -> Cycle? {
        try read { db in try Cycle.fetchOne(db, sql: Cycle.selection + " WHERE cycle.name = ?", arguments: [name]) }
    }

    /// The cycle with row id `id`.
    func cycle(id: Int64) throws -> Cycle? {
        try read { db in try Self.cycle(db, id: id) }
    }

    /// Every cycle, oldest first.
    func cycles() throws -> [Cycle] {
        try read { db in try Cycle.fetchAll(db, sql: Cycle.selection + " ORDER BY cycle.id") }
    }

    /// The cycle with row id `id`, inside the caller's transaction.
    static func cycle(_ db: Database, id: Int64) throws -> Cycle? {
        try Cycle.fetchOne(db, sql: Cycle.selection + " WHERE cycle.id = ?", arguments: [id])
    }

    /// Creates a cycle with its out-of-scope reviews and carried evidence, all logged, in one transaction.
    func insertCycle(
        name: String, target: String?, version: StoredChecklistVersion, scope: [String], carriedFrom: Int64?,
        content: CycleStartContent, session: Session
    ) throws -> Cycle {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO cycle (name, checklist_id, version_id, version, scope, state, started_at, started_by,
                        carried_from_cycle_id)
                    VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?)
                    """,
                arguments: [name, version.checklistID, version.versionID, version.version, CanonicalJSON.string(scope),
                            session.now, session.actor, carriedFrom])
            let cycleID = db.lastInsertedRowID
            if let target {
                try db.execute(sql: "INSERT INTO cycle_target (cycle_id, target) VALUES (?, ?)", arguments: [cycleID, target])
            }
            try appendAudit(
                db, session: session, action: "cycle.start", cycleID: cycleID, subject: name,
                payload: CycleStartPayload(
                    cycle: name, target: target, checklist: version.checklistID, version: version.version, scope: scope,
                    carriedFrom: carriedFrom, outOfScope: content.outOfScope.count, carried: content.carried.count,
                    carriedVerdicts: content.carriedVerdicts.isEmpty ? nil : content.carriedVerdicts.count))
            for entry in content.outOfScope {
                try insertReview(db, cycleID: cycleID, itemID: entry.itemID, status: .na, note: entry.note, session: session)
            }
            for entry in content.carriedVerdicts {
                try insertReview(db, cycleID: cycleID, itemID: entry.itemID, status: .na, note: entry.note, session: session)
            }
            for evidence in content.carried {
                var copy = evidence
                copy.cycleID = cycleID
                copy.carriedFromID = evidence.id
                copy.addedAt = session.now
                copy.addedBy = session.actor
                try insertEvidence(db, copy, action: "evidence.carry", session: session)
            }
            return try Self.cycle(db, id: cycleID)!
        }
    }

    /// Closes an open cycle and logs it, with the expired evidence its closer accepted, if any.
    func closeCycle(_ cycle: Cycle, acceptedExpired: [Int64], session: Session) throws -> Cycle {
        try write { db in
            try db.execute(
                sql: "UPDATE cycle SET state = 'closed', closed_at = ?, closed_by = ? WHERE id = ?",
                arguments: [session.now, session.actor, cycle.id])
            try appendAudit(
                db, session: session, action: "cycle.close", cycleID: cycle.id, subject: cycle.name,
                payload: CycleClosePayload(cycle: cycle.name, acceptedExpired: acceptedExpired.isEmpty ? nil : acceptedExpired))
            return try Self.cycle(db, id: cycle.id)!
        }
    }

    /// Ends an open cycle started by mistake: it stays in the history, marked abandoned, and logs why.
    func abandonCycle(_ cycle: Cycle, reason: String, session: Session) throws -> Cycle {
        try write { db in
            try db.execute(
                sql: "INSERT INTO cycle_abandonment (cycle_id, reason, at, actor) VALUES (?, ?, ?, ?)",
                arguments: [cycle.id, reason, session.now, session.actor])
            try appendAudit(
                db, session: session, action: "cycle.abandon", cycleID: cycle.id, subject: cycle.name,
                payload: CycleAbandonPayload(cycle: cycle.name, reason: reason))
            return try Self.cycle(db, id: cycle.id)!
        }
    }
}

/// The audit payload of `cycle.close`.
struct CycleClosePayload: Codable {
    let cycle: String
    /// Ids of expired evidence the closer accepted with `--accept-expired`.
    let acceptedExpired: [Int64]?

    enum CodingKeys: String, CodingKey {
        case cycle
        case acceptedExpired = "accepted_expired"
    }
}

/// The audit payload of `cycle.abandon`: `verify` compares it with the abandonment row.
struct CycleAbandonPayload: Codable, Equatable {
    let cycle: String
    let reason: String
}

/// The audit payload of `cycle.start`.
struct CycleStartPayload: Codable {
    let cycle: String
    /// Absent for a cycle without a target, so entries written before targets existed read the same.
    var target: String? = nil
    let checklist: String
    let version: String
    let scope: [String]
    let carriedFrom: Int64?
    let outOfScope: Int
    let carried: Int
    /// `na` verdicts carried forward; absent when none, so earlier entries keep their bytes.
    let carriedVerdicts: Int?

    enum CodingKeys: String, CodingKey {
        case cycle, target, checklist, version, scope, carried
        case carriedVerdicts = "carried_verdicts"
        case carriedFrom = "carried_from_cycle"
        case outOfScope = "out_of_scope"
    }
}
