import Crypto

/// A name-based UUID, RFC 4122 version 5 (SHA-1 of a namespace UUID and a name): the same name
/// always gives the same UUID, so the same report always renders the same OSCAL bytes.
/// OSCAL's schema accepts version 4 and 5 UUIDs only, which rules out a SHA-256-based version 8.
public struct OSCALUUID: Sendable, Hashable, Encodable, CustomStringConvertible {
    /// The sixteen bytes, version and variant bits already set.
    public let bytes: [UInt8]

    /// RFC 4122's namespace for names that are URLs (appendix C).
    public static let urlNamespace = OSCALUUID(bytes: [
        0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8,
    ])

    /// RFC 4122's namespace for names that are domain names (appendix C), for the standard's test vectors.
    public static let dnsNamespace = OSCALUUID(bytes: [
        0x6B, 0xA7, 0xB8, 0x10, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8,
    ])

    /// Evident's own namespace: the version-5 UUID of `urn:evident:oscal` in the URL namespace.
    public static let evidentNamespace = named("urn:evident:oscal", in: urlNamespace)

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// The version-5 UUID of `name` in `namespace` (Evident's by default).
    public static func named(_ name: String, in namespace: OSCALUUID = evidentNamespace) -> OSCALUUID {
        var hasher = Insecure.SHA1()
        hasher.update(data: namespace.bytes)
        hasher.update(data: Array(name.utf8))
        var bytes = Array(hasher.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return OSCALUUID(bytes: bytes)
    }

    /// Lower-case `xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx`.
    public var description: String {
        let hex = Digest.hex(bytes)
        let cuts = [8, 12, 16, 20]
        var text = ""
        for (index, character) in hex.enumerated() {
            if cuts.contains(index) { text.append("-") }
            text.append(character)
        }
        return text
    }

    /// `#uuid`: a reference to the object with this UUID inside the same document.
    public var fragment: String { "#" + description }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The UUIDs of one cycle's assessment results, each named from the cycle's identity and the
/// object's role, so re-rendering the same cycle gives the same UUIDs and other cycles others.
struct OSCALNaming: Sendable {
    /// `checklist/cycle/start`: what tells this cycle apart from every other one.
    let base: String

    /// The naming for the cycle of `report`.
    init(_ report: AuditReport) {
        base = "\(report.checklist.id)/\(report.cycle.name)/\(report.cycle.startedAt.iso8601)"
    }

    /// The UUID of the object called `role` in this cycle's document (`finding/keys.rotation`, …).
    func uuid(_ role: String) -> OSCALUUID { OSCALUUID.named(base + "#" + role) }

    /// The UUID of the party `actor`: the same person has the same UUID in every document.
    static func party(_ actor: String) -> OSCALUUID { OSCALUUID.named("party:" + actor) }
}
