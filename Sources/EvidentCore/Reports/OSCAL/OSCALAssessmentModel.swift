/// The parts of OSCAL 1.2.1's assessment-results model that Evident writes, keys spelt as OSCAL
/// spells them (https://pages.nist.gov/OSCAL/reference/1.2.1/assessment-results/json-reference/).

/// The whole file: `{"assessment-results": {...}}`.
struct OSCALAssessmentResultsDocument: Encodable, Sendable {
    var assessmentResults: OSCALAssessmentResultsBody

    enum CodingKeys: String, CodingKey {
        case assessmentResults = "assessment-results"
    }
}

/// The assessment results of one cycle.
struct OSCALAssessmentResultsBody: Encodable, Sendable {
    var uuid: OSCALUUID
    var metadata: OSCALMetadata
    var importAP: OSCALImportAP
    var results: [OSCALResult]
    var backMatter: OSCALBackMatter?

    enum CodingKeys: String, CodingKey {
        case uuid, metadata, results
        case importAP = "import-ap"
        case backMatter = "back-matter"
    }
}

/// The assessment plan the results follow (for Evident: the pinned checklist version).
struct OSCALImportAP: Encodable, Sendable {
    var href: String
    var remarks: String?
}

/// One result: one cycle, with its scope, review log, observations and findings.
struct OSCALResult: Encodable, Sendable {
    var uuid: OSCALUUID
    var title: String
    var description: String
    var start: String
    var end: String?
    var props: [OSCALProperty]?
    var reviewedControls: OSCALReviewedControls
    var attestations: [OSCALAttestation]?
    var assessmentLog: OSCALAssessmentLog?
    var observations: [OSCALObservation]?
    var risks: [OSCALRisk]?
    var findings: [OSCALFinding]?
    var remarks: String?

    enum CodingKeys: String, CodingKey {
        case uuid, title, description, start, end, props, attestations, observations, risks, findings, remarks
        case reviewedControls = "reviewed-controls"
        case assessmentLog = "assessment-log"
    }
}

/// Which controls (checklist items) the result covers.
struct OSCALReviewedControls: Encodable, Sendable {
    var description: String?
    var controlSelections: [OSCALControlSelection]

    enum CodingKeys: String, CodingKey {
        case description
        case controlSelections = "control-selections"
    }
}

/// All controls, less the excluded ones.
struct OSCALControlSelection: Encodable, Sendable {
    var description: String?
    var includeAll: OSCALIncludeAll
    var excludeControls: [OSCALSelectControl]?
    var remarks: String?

    enum CodingKeys: String, CodingKey {
        case description, remarks
        case includeAll = "include-all"
        case excludeControls = "exclude-controls"
    }
}

/// `{}`: every control of the plan.
struct OSCALIncludeAll: Encodable, Sendable {}

/// One control by id.
struct OSCALSelectControl: Encodable, Sendable {
    var controlID: String

    enum CodingKeys: String, CodingKey {
        case controlID = "control-id"
    }
}

/// A signed statement about the result: an Evident sign-off.
struct OSCALAttestation: Encodable, Sendable {
    var responsibleParties: [OSCALResponsibleParty]?
    var parts: [OSCALAssessmentPart]

    enum CodingKeys: String, CodingKey {
        case parts
        case responsibleParties = "responsible-parties"
    }
}

/// A named piece of prose with properties.
struct OSCALAssessmentPart: Encodable, Sendable {
    var uuid: OSCALUUID?
    var name: String
    var title: String?
    var props: [OSCALProperty]?
    var prose: String?
}

/// What happened during the assessment, in order: every review recorded in the cycle.
struct OSCALAssessmentLog: Encodable, Sendable {
    var entries: [OSCALLogEntry]
}

/// One review.
struct OSCALLogEntry: Encodable, Sendable {
    var uuid: OSCALUUID
    var title: String
    var start: String
    var props: [OSCALProperty]?
    var loggedBy: [OSCALLoggedBy]?
    var remarks: String?

    enum CodingKeys: String, CodingKey {
        case uuid, title, start, props, remarks
        case loggedBy = "logged-by"
    }
}

/// Who recorded a log entry, in which role.
struct OSCALLoggedBy: Encodable, Sendable {
    var partyUUID: OSCALUUID
    var roleID: String?

    enum CodingKeys: String, CodingKey {
        case partyUUID = "party-uuid"
        case roleID = "role-id"
    }
}
