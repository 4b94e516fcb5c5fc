/// The audit report of one cycle: the one model every report format renders (Markdown, HTML,
/// JSON, CSV, OSCAL). Built from a cycle snapshot; renderers never query the store.
/// Its JSON form is documented in docs/report-json.md and carries `format_version`.
public struct AuditReport: Sendable, Equatable, Codable {
    /// The JSON report's format version; bump it when a field changes meaning or goes away.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var generatedAt: Timestamp
    public var tool: Tool
    public var cycle: CycleInfo
    public var checklist: ChecklistInfo
    /// The time evidence expiry is judged at: the close time of a closed cycle, else the generation time.
    public var judgedAt: Timestamp
    public var summary: Summary
    public var sections: [SectionReport]
    public var signoffs: [SignoffReport]

    /// The program that wrote the report.
    public struct Tool: Sendable, Equatable, Codable {
        public var name: String
        public var version: String
    }

    /// The cycle reported on.
    public struct CycleInfo: Sendable, Equatable, Codable {
        public var name: String
        /// What the cycle assesses, when it names a target.
        public var target: String?
        public var state: Cycle.State
        public var scope: [String]
        public var startedAt: Timestamp
        public var startedBy: String
        public var closedAt: Timestamp?
        public var closedBy: String?
        public var carriedFrom: String?
        /// Why, when and by whom the cycle was abandoned; absent unless it was.
        public var abandoned: Cycle.Abandonment?
    }

    /// The checklist version the cycle pinned.
    public struct ChecklistInfo: Sendable, Equatable, Codable {
        public var id: String
        public var title: String
        public var version: String
        public var description: String?
        public var source: String?
        public var contentHash: String
    }

    /// Totals over the whole cycle.
    public struct Summary: Sendable, Equatable, Codable {
        public var items: Int
        public var counts: StatusCounts
        /// Pass counts 1, partial ½, over items that apply (all but n/a); nil when none apply.
        public var score: Double?
        public var evidence: CycleStatus.EvidenceTotals
        public var itemsWithoutEvidence: Int
        /// Assigned items past their due date that still need work.
        public var overdue: Int
        /// Accepted risks on items still failing or partial: in force, and run out.
        public var exceptions: CycleStatus.ExceptionTotals
        /// Items reviewed `pass` with no evidence that counts at the judging time.
        public var passesWithoutEvidence: Int
    }

    /// One section and its items.
    public struct SectionReport: Sendable, Equatable, Codable {
        public var id: String
        public var title: String
        public var description: String?
        public var counts: StatusCounts
        public var score: Double?
        public var items: [ItemReport]
    }

    /// One item: the requirement, its current review, the history behind it and its evidence.
    public struct ItemReport: Sendable, Equatable, Codable {
        public var id: String
        public var title: String
        public var description: String?
        public var subsection: String?
        public var severity: Severity
        public var status: ItemStatus
        public var note: String?
        public var reviewedBy: String?
        public var reviewedAt: Timestamp?
        /// Who answers for the item, and by when (its latest assignment).
        public var owner: String?
        public var due: Timestamp?
        public var overdue: Bool
        /// The accepted risk in force on the item; its status stays what the review said.
        public var exception: ExceptionReport?
        public var source: SourceQuote?
        public var references: [String]
        public var guidance: String?
        public var expectedEvidence: [ExpectedEvidence]
        public var maxAgeDays: Int?
        public var checks: [String]
        public var appliesWhen: [String]
        public var history: [ReviewReport]
        public var evidence: [EvidenceReport]
        /// Reviewed `pass` with no evidence that counts at the judging time: the pass rests on the
        /// reviewer's word alone, and every report format marks it.
        public var passWithoutEvidence: Bool
    }

    /// An accepted risk as the auditor sees it.
    public struct ExceptionReport: Sendable, Equatable, Codable {
        public var reason: String
        public var approvedBy: String
        public var expiresAt: Timestamp
        /// Whether it has run out at the judging time.
        public var expired: Bool
        /// The status the risk was accepted for.
        public var acceptedStatus: ReviewStatus
        public var recordedBy: String
        public var recordedAt: Timestamp
    }

    /// One review in an item's history.
    public struct ReviewReport: Sendable, Equatable, Codable {
        /// The review's number in the workspace: what its audit entry and sign-off digests name.
        public var id: Int64?
        public var status: ReviewStatus
        public var note: String?
        public var actor: String
        public var at: Timestamp
    }

    /// One piece of evidence as the auditor sees it.
    public struct EvidenceReport: Sendable, Equatable, Codable {
        /// Whether the evidence counts at the judging time.
        public enum State: String, Sendable, Codable {
            case current, expiring, expired, withdrawn
        }

        public var id: Int64
        public var kind: EvidenceKind
        public var name: String?
        public var url: String?
        public var note: String?
        public var sha256: String
        public var size: Int64
        public var redacted: Bool
        public var effectiveAt: Timestamp
        public var expiresAt: Timestamp?
        public var state: State
        public var addedAt: Timestamp
        public var addedBy: String
        public var carriedFrom: String?
        public var withdrawnReason: String?
        /// Where the file is inside an auditor bundle, when it is in one.
        public var bundlePath: String?
    }

    /// A reviewer's signed statement on the cycle.
    public struct SignoffReport: Sendable, Equatable, Codable {
        public var signer: String
        public var statement: String
        public var at: Timestamp
        public var digest: String
        public var signed: Bool
        public var keyFingerprint: String?
        /// Whether the cycle's reviews or evidence changed after the sign-off.
        public var stale: Bool
    }
}
