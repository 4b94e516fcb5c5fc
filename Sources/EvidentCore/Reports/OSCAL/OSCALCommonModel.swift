/// The parts of OSCAL 1.2.1's metadata and back-matter that Evident writes, keys spelt as OSCAL
/// spells them. Optional arrays are nil rather than empty: OSCAL requires at least one element.

/// A name/value pair; Evident's own names carry `ns` = `OSCALText.namespace`. Also read from catalogs.
struct OSCALProperty: Codable, Sendable, Equatable {
    var name: String
    var value: String
    var ns: String?
    var `class`: String?

    /// An Evident property, or nil when `value` is blank (OSCAL property values must not be).
    static func evident(_ name: String, _ value: String?) -> OSCALProperty? {
        guard let value else { return nil }
        let line = OSCALText.line(value, fallback: "")
        return line.isEmpty ? nil : OSCALProperty(name: name, value: line, ns: OSCALText.namespace)
    }
}

/// The document's metadata: title, times, versions, and who took part in which role.
struct OSCALMetadata: Encodable, Sendable {
    var title: String
    var lastModified: String
    var version: String
    var oscalVersion: String
    var props: [OSCALProperty]?
    var roles: [OSCALRole]?
    var parties: [OSCALParty]?
    var responsibleParties: [OSCALResponsibleParty]?
    var remarks: String?

    enum CodingKeys: String, CodingKey {
        case title, version, props, roles, parties, remarks
        case lastModified = "last-modified"
        case oscalVersion = "oscal-version"
        case responsibleParties = "responsible-parties"
    }
}

/// A function a party has in the assessment.
struct OSCALRole: Encodable, Sendable {
    var id: String
    var title: String
    var description: String?
}

/// A person who took part: every actor of the cycle.
struct OSCALParty: Encodable, Sendable {
    var uuid: OSCALUUID
    var type: String
    var name: String
    var emailAddresses: [String]?

    enum CodingKeys: String, CodingKey {
        case uuid, type, name
        case emailAddresses = "email-addresses"
    }
}

/// The parties that held a role.
struct OSCALResponsibleParty: Encodable, Sendable {
    var roleID: String
    var partyUUIDs: [OSCALUUID]

    enum CodingKeys: String, CodingKey {
        case roleID = "role-id"
        case partyUUIDs = "party-uuids"
    }
}

/// Resources the document refers to by `#uuid`: the plan, and one per piece of evidence.
struct OSCALBackMatter: Encodable, Sendable {
    var resources: [OSCALResource]
}

/// One resource: a title, what it is, and where its bytes are (with their hash).
struct OSCALResource: Encodable, Sendable {
    var uuid: OSCALUUID
    var title: String?
    var description: String?
    var props: [OSCALProperty]?
    var rlinks: [OSCALResourceLink]?
    var remarks: String?
}

/// Where a resource's bytes can be fetched, and their digests to check them by.
struct OSCALResourceLink: Encodable, Sendable {
    var href: String
    var mediaType: String?
    var hashes: [OSCALHash]?

    enum CodingKeys: String, CodingKey {
        case href, hashes
        case mediaType = "media-type"
    }
}

/// A digest of a resource's bytes.
struct OSCALHash: Encodable, Sendable {
    var algorithm: String
    var value: String

    /// The SHA-256 hash with hex digest `hex`.
    static func sha256(_ hex: String) -> OSCALHash { OSCALHash(algorithm: "SHA-256", value: hex) }
}

/// A link to another object or document.
struct OSCALLink: Encodable, Sendable {
    var href: String
    var rel: String?
    var text: String?
}

extension Array {
    /// The array, or nil when it is empty: OSCAL arrays hold at least one element or are left out.
    var nonEmpty: [Element]? { isEmpty ? nil : self }
}
