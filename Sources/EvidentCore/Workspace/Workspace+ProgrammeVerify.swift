extension Workspace {
    /// Problems where a cycle's target, an assignment or an accepted risk differs from the audit
    /// entry that recorded it.
    func programmeRowsAgainstLog(_ entries: [AuditEntry]) throws -> [String] {
        var targets: [Int64: String?] = [:]
        var assignments: [Int64: AssignmentPayload] = [:]
        var exceptions: [Int64: ExceptionPayload] = [:]
        for entry in entries {
            switch entry.action {
            case "cycle.start":
                if let cycleID = entry.cycleID, let payload = CanonicalJSON.decode(CycleStartPayload.self, from: entry.payload) {
                    targets[cycleID] = .some(payload.target)
                }
            case "item.assign":
                if let payload = CanonicalJSON.decode(AssignmentPayload.self, from: entry.payload) {
                    assignments[payload.assignmentID] = payload
                }
            case "exception.add":
                if let payload = CanonicalJSON.decode(ExceptionPayload.self, from: entry.payload) {
                    exceptions[payload.exceptionID] = payload
                }
            default:
                break
            }
        }
        var problems: [String] = []
        for cycle in try database.cycles() where targets[cycle.id].map({ $0 != cycle.target }) ?? (cycle.target != nil) {
            problems.append("cycle \(cycle.name): its target differs from the audit log entry that started it")
        }
        for assignment in try database.allAssignments() where assignments[assignment.id] != AssignmentPayload(assignment) {
            problems.append("assignment #\(assignment.id) of \(assignment.itemID) differs from the audit log entry that recorded it")
        }
        for exception in try database.allExceptions() where exceptions[exception.id] != ExceptionPayload(exception) {
            problems.append("exception #\(exception.id) of \(exception.itemID) differs from the audit log entry that recorded it")
        }
        return problems
    }
}
