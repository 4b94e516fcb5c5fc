/// Accepted risks as OSCAL: a risk per exception, its status `deviation-approved` while it holds
/// (`open` once it has run out), its approval in the risk log, and the item's finding pointing at
/// it. The finding keeps its `not-satisfied` state: an exception never turns a failure into a pass.
struct OSCALRisks: Sendable {
    let naming: OSCALNaming

    /// The uuid of `item`'s risk.
    func riskUUID(_ item: AuditReport.ItemReport) -> OSCALUUID { naming.uuid("risk/\(item.id)") }

    /// The risk of `item`'s accepted risk; nil when it has none.
    func risk(_ item: AuditReport.ItemReport) -> OSCALRisk? {
        guard let exception = item.exception else { return nil }
        let approver = OSCALText.inlineName(exception.approvedBy)
        let until = exception.expiresAt.iso8601
        var entries = [OSCALRiskLogEntry(
            uuid: naming.uuid("risk/\(item.id)/approved"),
            title: "Deviation approved",
            description: "Approved by \(approver) until \(until); recorded by \(OSCALText.inlineName(exception.recordedBy)).",
            start: exception.recordedAt.iso8601,
            end: until,
            loggedBy: [OSCALLoggedBy(partyUUID: OSCALNaming.party(exception.recordedBy),
                                     roleID: OSCALRoster.Role.assessmentLead.rawValue)],
            statusChange: "deviation-approved",
            remarks: OSCALText.markdownLiteral(exception.reason))]
        if exception.expired {
            entries.append(OSCALRiskLogEntry(
                uuid: naming.uuid("risk/\(item.id)/expired"), title: "Deviation expired",
                description: "The acceptance ran out at \(until) while the item is still \(item.status.label).",
                start: until, end: nil, loggedBy: nil, statusChange: "open", remarks: nil))
        }
        let props = [
            OSCALProperty.evident("item", item.id),
            OSCALProperty.evident("status", item.status.rawValue),
            OSCALProperty.evident("accepted-status", exception.acceptedStatus.rawValue),
            OSCALProperty.evident("approved-by", exception.approvedBy),
            OSCALProperty.evident("exception-state", exception.expired ? "expired" : "in-force"),
        ].compactMap { $0 }
        return OSCALRisk(
            uuid: riskUUID(item),
            title: OSCALText.markupLine("Accepted risk: \(item.id)", fallback: item.id),
            description: "\(OSCALText.inline(item.id)) is reviewed \(item.status.label) and does not meet its requirement; "
                + "the deviation is accepted by \(approver) until \(until).",
            statement: OSCALText.markdownLiteral(exception.reason),
            props: props,
            status: exception.expired ? "open" : "deviation-approved",
            origins: [OSCALOrigin.party(exception.approvedBy, role: OSCALRoster.Role.riskApprover.rawValue)],
            deadline: until,
            riskLog: OSCALRiskLog(entries: entries))
    }
}

/// An identified risk; for Evident, an accepted failing or partial item.
struct OSCALRisk: Encodable, Sendable {
    var uuid: OSCALUUID
    var title: String
    var description: String
    var statement: String
    var props: [OSCALProperty]?
    var status: String
    var origins: [OSCALOrigin]?
    var deadline: String?
    var riskLog: OSCALRiskLog?

    enum CodingKeys: String, CodingKey {
        case uuid, title, description, statement, props, status, origins, deadline
        case riskLog = "risk-log"
    }
}

/// What was done about a risk, in order.
struct OSCALRiskLog: Encodable, Sendable {
    var entries: [OSCALRiskLogEntry]
}

/// One step of a risk's handling: its approval, its expiry.
struct OSCALRiskLogEntry: Encodable, Sendable {
    var uuid: OSCALUUID
    var title: String?
    var description: String?
    var start: String
    var end: String?
    var loggedBy: [OSCALLoggedBy]?
    var statusChange: String?
    var remarks: String?

    enum CodingKeys: String, CodingKey {
        case uuid, title, description, start, end, remarks
        case loggedBy = "logged-by"
        case statusChange = "status-change"
    }
}

/// A risk a finding rests on.
struct OSCALAssociatedRisk: Encodable, Sendable {
    var riskUUID: OSCALUUID

    enum CodingKeys: String, CodingKey {
        case riskUUID = "risk-uuid"
    }
}
