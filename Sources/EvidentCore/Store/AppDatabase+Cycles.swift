import GRDB

/// What a new cycle starts with besides itself: out-of-scope reviews and carried evidence.
struct CycleStartContent {
    /// Items recorded `na` at start, with the note saying why.
    var outOfScope: [(itemID: String, note: String)] = []
    /// Evidence of the previous cycle to copy in, keeping effective time and expiry.
    var carried: [Evidence] = []
}

extension AppDatabase {
    /// The cycle named `name`.
    func cycle(named name: String) throws -> Cycle? {
        try read { db in try Cycle.filter(Column("name") == name).fetchOne(db) }
    }

    /// The cycle with row id `id`.
    func cycle(id: Int64) throws -> Cycle? {
        try read { db in try Cycle.fetchOne(db, key: id) }
    }

    /// Every cycle, oldest first.
    func cycles() throws -> [Cycle] {
        try read { db in try Cycle.order(Column("id")).fetchAll(db) }
    }

    /// Creates a cycle with its out-of-scope reviews and carried evidence, all logged, in one transaction.
    func insertCycle(
        name: String, version: StoredChecklistVersion, scope: [String], carriedFrom: Int64?,
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
            try appendAudit(
                db, session: session, action: "cycle.start", cycleID: cycleID, subject: name,
                payload: CycleStartPayload(
                    cycle: name, checklist: version.checklistID, version: version.version, scope: scope,
                    carriedFrom: carriedFrom, outOfScope: content.outOfScope.count, carried: content.carried.count))
            for entry in content.outOfScope {
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
            return try Cycle.fetchOne(db, key: cycleID)!
        }
    }

    /// Closes an open cycle and logs it.
    func closeCycle(_ cycle: Cycle, session: Session) throws -> Cycle {
        try write { db in
            try db.execute(
                sql: "UPDATE cycle SET state = 'closed', closed_at = ?, closed_by = ? WHERE id = ?",
                arguments: [session.now, session.actor, cycle.id])
            try appendAudit(
                db, session: session, action: "cycle.close", cycleID: cycle.id, subject: cycle.name,
                payload: ["cycle": cycle.name])
            return try Cycle.fetchOne(db, key: cycle.id)!
        }
    }
}

/// The audit payload of `cycle.start`.
struct CycleStartPayload: Codable {
    let cycle: String
    let checklist: String
    let version: String
    let scope: [String]
    let carriedFrom: Int64?
    let outOfScope: Int
    let carried: Int

    enum CodingKeys: String, CodingKey {
        case cycle, checklist, version, scope, carried
        case carriedFrom = "carried_from_cycle"
        case outOfScope = "out_of_scope"
    }
}
