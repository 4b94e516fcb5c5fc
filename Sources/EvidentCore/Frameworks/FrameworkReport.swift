/// A cycle arranged by one framework's requirements (`report --by`): every requirement the
/// checklist references, with its items, their worst status and evidence, grouped by principal
/// requirement, chapter or family; for frameworks whose full list Evident ships, also the
/// coverage of each group and the requirements no item references. Built from an `AuditReport`,
/// so it shows exactly what the cycle's report shows.
public struct FrameworkReport: Sendable, Equatable, Codable {
    /// The JSON form's format version; bump it when a field changes meaning or goes away.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var framework: Framework
    public var frameworkTitle: String
    public var generatedAt: Timestamp
    public var tool: AuditReport.Tool
    public var cycle: AuditReport.CycleInfo
    public var checklist: AuditReport.ChecklistInfo
    public var judgedAt: Timestamp
    /// Whether coverage is measured against the framework's full list of requirements.
    public var coverageMeasured: Bool
    public var totals: Totals
    public var groups: [GroupReport]
    /// Requirements the checklist references that are not in the framework's list (a typo, or a
    /// withdrawn control), in reading order; always empty when coverage is not measured.
    public var unknownRequirements: [String]

    /// Counts over the whole framework.
    public struct Totals: Sendable, Equatable, Codable {
        /// Requirements in the framework's list; nil when it is not shipped.
        public var requirements: Int?
        /// Requirements at least one item references.
        public var referenced: Int
        /// Referenced requirements whose worst item status is pass.
        public var passing: Int
        /// Requirements whose worst item status is fail.
        public var failing: Int
    }

    /// One principal requirement, chapter or family.
    public struct GroupReport: Sendable, Equatable, Codable {
        public var id: String
        public var title: String
        public var requirementsInFramework: Int?
        public var referenced: Int
        public var passing: Int
        public var requirements: [RequirementReport]
        /// Requirements of the group that no item references; nil when coverage is not measured.
        public var unmapped: [String]?
    }

    /// One requirement and the items that reference it.
    public struct RequirementReport: Sendable, Equatable, Codable {
        public var id: String
        /// The control's title (800-53) or section name (ASVS), when the framework's list is shipped.
        public var title: String?
        /// The worst status among its items: fail, then partial, pending, pass, and n/a only when all are.
        public var status: ItemStatus
        public var items: [ItemReport]
    }

    /// One item as seen from a requirement.
    public struct ItemReport: Sendable, Equatable, Codable {
        public var id: String
        public var section: String
        public var title: String
        public var severity: Severity
        public var status: ItemStatus
        public var note: String?
        public var evidence: [EvidenceReport]
    }

    /// One piece of the item's evidence that is not withdrawn.
    public struct EvidenceReport: Sendable, Equatable, Codable {
        public var id: Int64
        public var kind: EvidenceKind
        /// The file's name, the URL, or the note.
        public var what: String
        public var sha256: String
        public var state: AuditReport.EvidenceReport.State
        public var expiresAt: Timestamp?
    }
}

extension ItemStatus {
    /// How bad a status is for the requirements it serves: fail worst, n/a least.
    var severityOrder: Int {
        switch self {
        case .fail: 0
        case .partial: 1
        case .pending: 2
        case .pass: 3
        case .na: 4
        }
    }
}
