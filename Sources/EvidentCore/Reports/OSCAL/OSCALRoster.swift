/// Everyone who took part in a cycle, as OSCAL parties, and the roles they held.
struct OSCALRoster: Sendable {
    /// The roles Evident assigns, in the order the metadata lists them.
    enum Role: String, CaseIterable, Sendable {
        case assessmentLead = "assessment-lead"
        case assessor
        case evidenceCollector = "evidence-collector"
        case signatory
        case riskApprover = "risk-approver"

        var title: String {
            switch self {
            case .assessmentLead: "Assessment lead"
            case .assessor: "Assessor"
            case .evidenceCollector: "Evidence collector"
            case .signatory: "Signatory"
            case .riskApprover: "Risk approver"
            }
        }

        var description: String {
            switch self {
            case .assessmentLead: "Started or closed the review cycle."
            case .assessor: "Recorded a review (pass, partial, fail or n/a) of a checklist item."
            case .evidenceCollector: "Attached evidence to a checklist item."
            case .signatory: "Signed off the review cycle."
            case .riskApprover: "Approved an accepted risk (a deviation) on a failing or partial checklist item."
            }
        }
    }

    /// Actors per role, each list sorted.
    private(set) var actors: [Role: Set<String>] = [:]

    /// The roster of `report`: cycle lead, reviewers, evidence collectors and signers.
    init(_ report: AuditReport) {
        add(report.cycle.startedBy, as: .assessmentLead)
        if let closedBy = report.cycle.closedBy { add(closedBy, as: .assessmentLead) }
        for item in report.sections.flatMap(\.items) {
            for review in item.history { add(review.actor, as: .assessor) }
            if let reviewer = item.reviewedBy { add(reviewer, as: .assessor) }
            for evidence in item.evidence { add(evidence.addedBy, as: .evidenceCollector) }
            if let exception = item.exception {
                add(exception.approvedBy, as: .riskApprover)
                add(exception.recordedBy, as: .assessmentLead)
            }
        }
        for signoff in report.signoffs { add(signoff.signer, as: .signatory) }
    }

    private mutating func add(_ actor: String, as role: Role) {
        actors[role, default: []].insert(actor)
    }

    /// The roles that someone held.
    var roles: [OSCALRole] {
        Role.allCases.filter { actors[$0] != nil }.map { OSCALRole(id: $0.rawValue, title: $0.title, description: $0.description) }
    }

    /// One person per distinct actor, sorted by name.
    var parties: [OSCALParty] {
        let everyone = Set(actors.values.flatMap { $0 })
        return everyone.sorted().map { actor in
            OSCALParty(
                uuid: OSCALNaming.party(actor), type: "person", name: OSCALText.line(actor, fallback: "unknown"),
                emailAddresses: Self.isEmailAddress(actor) ? [actor] : nil)
        }
    }

    /// For each role held, the parties that held it.
    var responsibleParties: [OSCALResponsibleParty] {
        Role.allCases.compactMap { role in
            guard let holders = actors[role] else { return nil }
            return OSCALResponsibleParty(roleID: role.rawValue, partyUUIDs: holders.sorted().map(OSCALNaming.party))
        }
    }

    /// Whether `text` is plainly an e-mail address (`local@domain.tld`, no blanks), so OSCAL's
    /// email format holds; other actor names stay names only.
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
        else { return false }
        let allowedLocal = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        let allowedDomain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        return parts[0].allSatisfy(allowedLocal.contains) && parts[1].allSatisfy(allowedDomain.contains)
            && !parts[1].contains("..")
    }
}
