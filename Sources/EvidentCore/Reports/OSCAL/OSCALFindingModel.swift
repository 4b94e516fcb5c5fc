/// OSCAL 1.2.1 observations and findings: what was seen, and what the assessor concluded.

/// Something seen during the assessment: a piece of evidence, or a reviewer's `na` verdict.
struct OSCALObservation: Encodable, Sendable {
    var uuid: OSCALUUID
    var title: String?
    var description: String
    var props: [OSCALProperty]?
    var methods: [String]
    var origins: [OSCALOrigin]?
    var relevantEvidence: [OSCALRelevantEvidence]?
    var collected: String
    var expires: String?
    var remarks: String?

    enum CodingKeys: String, CodingKey {
        case uuid, title, description, props, methods, origins, collected, expires, remarks
        case relevantEvidence = "relevant-evidence"
    }
}

/// A pointer to evidence: `#uuid` of its back-matter resource.
struct OSCALRelevantEvidence: Encodable, Sendable {
    var href: String?
    var description: String
}

/// Who produced an observation or finding.
struct OSCALOrigin: Encodable, Sendable {
    var actors: [OSCALOriginActor]

    /// The party `actor` in role `role`.
    static func party(_ actor: String, role: String) -> OSCALOrigin {
        OSCALOrigin(actors: [OSCALOriginActor(type: "party", actorUUID: OSCALNaming.party(actor), roleID: role)])
    }
}

/// One actor of an origin: always a party (a person) for Evident.
struct OSCALOriginActor: Encodable, Sendable {
    var type: String
    var actorUUID: OSCALUUID
    var roleID: String?

    enum CodingKeys: String, CodingKey {
        case type
        case actorUUID = "actor-uuid"
        case roleID = "role-id"
    }
}

/// The assessor's conclusion on one control: one reviewed checklist item.
struct OSCALFinding: Encodable, Sendable {
    var uuid: OSCALUUID
    var title: String
    var description: String
    var props: [OSCALProperty]?
    var origins: [OSCALOrigin]?
    var target: OSCALFindingTarget
    var relatedObservations: [OSCALRelatedObservation]?
    var relatedRisks: [OSCALAssociatedRisk]? = nil
    var remarks: String?

    enum CodingKeys: String, CodingKey {
        case uuid, title, description, props, origins, target, remarks
        case relatedObservations = "related-observations"
        case relatedRisks = "related-risks"
    }
}

/// The objective a finding is about, and whether it is satisfied.
struct OSCALFindingTarget: Encodable, Sendable {
    var type: String
    var targetID: String
    var title: String?
    var description: String?
    var status: OSCALObjectiveStatus

    enum CodingKeys: String, CodingKey {
        case type, title, description, status
        case targetID = "target-id"
    }
}

/// `satisfied` or `not-satisfied`, and why.
struct OSCALObjectiveStatus: Encodable, Sendable {
    var state: String
    var reason: String?
    var remarks: String?
}

/// An observation a finding rests on.
struct OSCALRelatedObservation: Encodable, Sendable {
    var observationUUID: OSCALUUID

    enum CodingKeys: String, CodingKey {
        case observationUUID = "observation-uuid"
    }
}
