import Foundation

/// Cycles: started with their out-of-scope reviews and carried evidence, closed and abandoned only with their audit entries.
extension PostgresStore {

    static let cycleSelection = """
        SELECT cycle.id, cycle.name, cycle.checklist_id, cycle.version_id, cycle.version, cycle.scope, cycle.state,
            cycle.started_at, cycle.started_by, cycle.closed_at, cycle.closed_by, cycle.carried_from_cycle_id,
            cycle_target.target, cycle_abandonment.reason, cycle_abandonment.at, cycle_abandonment.actor
        FROM cycle
        LEFT JOIN cycle_target ON cycle_target.cycle_id = cycle.id
        LEFT JOIN cycle_abandonment ON cycle_abandonment.cycle_id = cycle.id
        """

    static func cycle(_ row: PostgresRowValues) -> Cycle {
        let abandonedAt = row.time(14)
        return Cycle(
            id: row.requiredInteger(0), name: row.requiredString(1), checklistID: row.requiredString(2),
            versionID: row.requiredInteger(3), version: row.requiredString(4),
            scope: CanonicalJSON.decode([String].self, from: row.requiredString(5)) ?? [],
            state: abandonedAt == nil ? (Cycle.State(rawValue: row.requiredString(6)) ?? .open) : .abandoned,
            startedAt: row.requiredTime(7), startedBy: row.requiredString(8), closedAt: row.time(9), closedBy: row.string(10),
            carriedFromCycleID: row.integer(11), target: row.string(12),
            abandonment: abandonedAt.map { Cycle.Abandonment(reason: row.requiredString(13), at: $0, by: row.requiredString(15)) })
    }

    func cycle(named name: String) throws -> Cycle? {
        try link.queryRows(Self.cycleSelection + " WHERE cycle.name = $1", [.text(name)]).first.map(Self.cycle)
    }

    func cycle(id: Int64) throws -> Cycle? {
        try link.queryRows(Self.cycleSelection + " WHERE cycle.id = $1", [.integer(id)]).first.map(Self.cycle)
    }

    func cycles() throws -> [Cycle] {
        try link.queryRows(Self.cycleSelection + " ORDER BY cycle.id").map(Self.cycle)
    }

    func insertCycle(
        name: String, target: String?, version: StoredChecklistVersion, scope: [String], carriedFrom: Int64?,
        content: CycleStartContent, session: Session
    ) throws -> Cycle {
        try write {
            let cycleID = try link.queryRows(
                """
                INSERT INTO cycle (name, checklist_id, version_id, version, scope, state, started_at, started_by, carried_from_cycle_id)
                VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8) RETURNING id
                """,
                [.text(name), .text(version.checklistID), .integer(version.versionID), .text(version.version),
                 .text(CanonicalJSON.string(scope)), .time(session.now), .text(session.actor), .integer(carriedFrom)]
            ).first?.requiredInteger(0) ?? 0
            if let target {
                try link.execute("INSERT INTO cycle_target (cycle_id, target) VALUES ($1, $2)", [.integer(cycleID), .text(target)])
            }
            try appendAudit(
                session: session, action: "cycle.start", cycleID: cycleID, itemID: nil, subject: name,
                payload: CycleStartPayload(
                    cycle: name, target: target, checklist: version.checklistID, version: version.version, scope: scope,
                    carriedFrom: carriedFrom, outOfScope: content.outOfScope.count, carried: content.carried.count,
                    carriedVerdicts: content.carriedVerdicts.isEmpty ? nil : content.carriedVerdicts.count))
            for entry in content.outOfScope {
                try insertReview(cycleID: cycleID, itemID: entry.itemID, status: .na, note: entry.note, session: session)
            }
            for entry in content.carriedVerdicts {
                try insertReview(cycleID: cycleID, itemID: entry.itemID, status: .na, note: entry.note, session: session)
            }
            for evidence in content.carried {
                var copy = evidence
                copy.cycleID = cycleID
                copy.carriedFromID = evidence.id
                copy.addedAt = session.now
                copy.addedBy = session.actor
                try insertEvidenceRow(copy, action: "evidence.carry", session: session)
            }
            return try cycle(id: cycleID)!
        }
    }

    func closeCycle(_ cycle: Cycle, acceptedExpired: [Int64], session: Session) throws -> Cycle {
        // The entry first: the server closes a cycle only in the transaction that logs it.
        try write {
            try appendAudit(
                session: session, action: "cycle.close", cycleID: cycle.id, itemID: nil, subject: cycle.name,
                payload: CycleClosePayload(cycle: cycle.name, acceptedExpired: acceptedExpired.isEmpty ? nil : acceptedExpired))
            try link.execute(
                "UPDATE cycle SET state = 'closed', closed_at = $1, closed_by = $2 WHERE id = $3",
                [.time(session.now), .text(session.actor), .integer(cycle.id)])
            return try self.cycle(id: cycle.id)!
        }
    }

    func abandonCycle(_ cycle: Cycle, reason: String, session: Session) throws -> Cycle {
        try write {
            try link.execute(
                "INSERT INTO cycle_abandonment (cycle_id, reason, at, actor) VALUES ($1, $2, $3, $4)",
                [.integer(cycle.id), .text(reason), .time(session.now), .text(session.actor)])
            try appendAudit(
                session: session, action: "cycle.abandon", cycleID: cycle.id, itemID: nil, subject: cycle.name,
                payload: CycleAbandonPayload(cycle: cycle.name, reason: reason))
            return try self.cycle(id: cycle.id)!
        }
    }
}
