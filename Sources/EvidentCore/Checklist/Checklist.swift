/// A checklist: requirements grouped in sections, loaded from a directory of YAML files (SPEC §2).
public struct Checklist: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var version: String
    public var description: String?
    /// Free text: where the requirements come from.
    public var source: String?
    /// The checklist format's version (`ChecklistFormat.current` today).
    public var format: Int
    /// Sections in file-name order.
    public var sections: [ChecklistSection]

    public init(
        id: String, title: String, version: String, description: String? = nil, source: String? = nil,
        format: Int = ChecklistFormat.current, sections: [ChecklistSection]
    ) {
        self.id = id
        self.title = title
        self.version = version
        self.description = description
        self.source = source
        self.format = format
        self.sections = sections
    }

    /// Every item, section by section, in checklist order.
    public var items: [ChecklistItem] { sections.flatMap(\.items) }
}

/// One section of a checklist: one YAML file.
public struct ChecklistSection: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var description: String?
    public var items: [ChecklistItem]

    public init(id: String, title: String, description: String? = nil, items: [ChecklistItem]) {
        self.id = id
        self.title = title
        self.description = description
        self.items = items
    }
}

/// One requirement: a testable statement to review and back with evidence.
public struct ChecklistItem: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var description: String?
    public var subsection: String?
    public var severity: Severity
    public var guidance: String?
    public var evidence: [ExpectedEvidence]
    public var maxAgeDays: Int?
    public var references: [String]
    public var source: SourceQuote?
    public var checks: [String]
    public var appliesWhen: [String]

    public init(
        id: String, title: String, description: String? = nil, subsection: String? = nil,
        severity: Severity = .medium, guidance: String? = nil, evidence: [ExpectedEvidence] = [],
        maxAgeDays: Int? = nil, references: [String] = [], source: SourceQuote? = nil,
        checks: [String] = [], appliesWhen: [String] = []
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.subsection = subsection
        self.severity = severity
        self.guidance = guidance
        self.evidence = evidence
        self.maxAgeDays = maxAgeDays
        self.references = references
        self.source = source
        self.checks = checks
        self.appliesWhen = appliesWhen
    }

    enum CodingKeys: String, CodingKey {
        case id, title, description, subsection, severity, guidance, evidence
        case maxAgeDays = "max_age_days"
        case references, source, checks
        case appliesWhen = "applies_when"
    }

    /// The section id: the part of the item id before the first dot.
    public var sectionID: String { String(id.prefix { $0 != "." }) }
}

/// How much harm an unmet requirement can do.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case critical, high, medium, low

    /// Critical first.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A kind of evidence: an uploaded file, a link, a written note or an automated scan result.
public enum EvidenceKind: String, Sendable, Codable, CaseIterable {
    case file, url, note, scan
}

/// Evidence an item expects, as the checklist author describes it.
public struct ExpectedEvidence: Sendable, Equatable, Codable {
    public var kind: EvidenceKind
    public var description: String?

    public init(kind: EvidenceKind, description: String? = nil) {
        self.kind = kind
        self.description = description
    }
}

/// Where in the source document an item comes from: the heading path and the exact sentence.
public struct SourceQuote: Sendable, Equatable, Codable {
    public var section: String?
    public var quote: String?

    public init(section: String? = nil, quote: String? = nil) {
        self.section = section
        self.quote = quote
    }
}

/// The checklist format's versions; the one place its defaults live.
public enum ChecklistFormat {
    /// The format this Evident writes and the default when `format` is left out.
    public static let current = 1
    /// Every format this Evident reads.
    public static let supported: Set<Int> = [1]
    /// The scope tag the shipped checklist uses for PCI DSS items.
    public static let cardDataScope = "handles-card-data"
}
