import Foundation
import GRDB

// One GRDB record conformance per table; columns are the snake_case forms of the properties.

extension Timestamp: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso8601.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Timestamp? {
        String.fromDatabaseValue(dbValue).flatMap(Timestamp.init(iso8601:))
    }
}

extension ReviewStatus: DatabaseValueConvertible {}
extension EvidenceKind: DatabaseValueConvertible {}
extension Cycle.State: DatabaseValueConvertible {}
extension Severity: DatabaseValueConvertible {}

// Rows are decoded by hand: GRDB's Codable decoding maps every column name on every row, which
// dominates reading a 10,000-item cycle.

extension Cycle: FetchableRecord, TableRecord {
    public static let databaseTableName = "cycle"

    /// Every cycle column, its target and its abandonment when there is one (read through `selection`).
    public init(row: Row) throws {
        let abandonedAt: Timestamp? = row["abandoned_at"]
        self.init(
            id: row["id"], name: row["name"], checklistID: row["checklist_id"], versionID: row["version_id"],
            version: row["version"], scope: CanonicalJSON.decode([String].self, from: row["scope"]) ?? [],
            state: abandonedAt == nil ? row["state"] : .abandoned, startedAt: row["started_at"], startedBy: row["started_by"],
            closedAt: row["closed_at"], closedBy: row["closed_by"], carriedFromCycleID: row["carried_from_cycle_id"],
            target: row["target"],
            abandonment: abandonedAt.map { Cycle.Abandonment(reason: row["abandon_reason"], at: $0, by: row["abandoned_by"]) })
    }

    /// Every cycle column with its target (`cycle_target`) and its abandonment (`cycle_abandonment`),
    /// if any, for `SELECT … FROM cycle`: what `Cycle(row:)` reads.
    static let selection = """
        SELECT cycle.*, cycle_target.target AS target, cycle_abandonment.reason AS abandon_reason,
            cycle_abandonment.at AS abandoned_at, cycle_abandonment.actor AS abandoned_by
        FROM cycle
        LEFT JOIN cycle_target ON cycle_target.cycle_id = cycle.id
        LEFT JOIN cycle_abandonment ON cycle_abandonment.cycle_id = cycle.id
        """
}

extension Assignment: FetchableRecord, TableRecord {
    public static let databaseTableName = "assignment"

    public init(row: Row) throws {
        self.init(id: row["id"], cycleID: row["cycle_id"], itemID: row["item_id"], owner: row["owner"], dueAt: row["due_at"],
                  actor: row["actor"], at: row["at"])
    }
}

extension RiskException: FetchableRecord, TableRecord {
    public static let databaseTableName = "risk_exception"

    public init(row: Row) throws {
        self.init(id: row["id"], cycleID: row["cycle_id"], itemID: row["item_id"], itemStatus: row["item_status"],
                  reason: row["reason"], approvedBy: row["approved_by"], expiresAt: row["expires_at"], actor: row["actor"],
                  at: row["at"])
    }
}

extension Review: FetchableRecord, TableRecord {
    public static let databaseTableName = "review"

    public init(row: Row) throws {
        self.init(id: row["id"], cycleID: row["cycle_id"], itemID: row["item_id"], status: row["status"],
                  note: row["note"], actor: row["actor"], at: row["at"])
    }
}

extension Evidence: FetchableRecord, TableRecord {
    public static let databaseTableName = "evidence"

    public init(row: Row) throws {
        self.init(
            id: row["id"], cycleID: row["cycle_id"], itemID: row["item_id"], kind: row["kind"], digest: row["digest"],
            size: row["size"], fileName: row["file_name"], url: row["url"], note: row["note"], redacted: row["redacted"],
            effectiveAt: row["effective_at"], expiresAt: row["expires_at"], addedAt: row["added_at"], addedBy: row["added_by"],
            carriedFromID: row["carried_from_id"], withdrawnAt: row["withdrawn_at"], withdrawnBy: row["withdrawn_by"],
            withdrawReason: row["withdraw_reason"], purgedAt: row["purged_at"])
    }
}

extension AuditEntry: FetchableRecord, TableRecord {
    public static let databaseTableName = "audit_log"

    public init(row: Row) throws {
        self.init(seq: row["seq"], at: row["at"], actor: row["actor"], action: row["action"], cycleID: row["cycle_id"],
                  itemID: row["item_id"], subject: row["subject"], payload: row["payload"],
                  previousHash: row["previous_hash"], hash: row["hash"])
    }
}

/// A stored checklist version: what `checklist list` and cycles refer to.
struct ChecklistVersionRecord: FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "checklist_version"
    var id: Int64
    var checklistID: String
    var version: String
    var title: String
    var contentHash: String
    var loadedAt: Timestamp
    var loadedBy: String

    init(row: Row) throws {
        id = row["id"]
        checklistID = row["checklist_id"]
        version = row["version"]
        title = row["title"]
        contentHash = row["content_hash"]
        loadedAt = row["loaded_at"]
        loadedBy = row["loaded_by"]
    }
}

/// One section of a stored checklist version.
struct ChecklistSectionRecord: FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "checklist_section"
    var versionID: Int64
    var position: Int
    var sectionID: String
    var title: String

    init(row: Row) throws {
        versionID = row["version_id"]
        position = row["position"]
        sectionID = row["section_id"]
        title = row["title"]
    }
}

/// One item of a stored checklist version, with what status and expiry need.
struct ChecklistItemRecord: FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "checklist_item"
    var versionID: Int64
    var position: Int
    var itemID: String
    var sectionID: String
    var title: String
    var severity: Severity
    var maxAgeDays: Int?
    var appliesWhen: String
    var checks: String
    var definitionHash: String

    init(row: Row) throws {
        versionID = row["version_id"]
        position = row["position"]
        itemID = row["item_id"]
        sectionID = row["section_id"]
        title = row["title"]
        severity = row["severity"]
        maxAgeDays = row["max_age_days"]
        appliesWhen = row["applies_when"]
        checks = row["checks"]
        definitionHash = row["definition_hash"]
    }

    /// The scope tags the item needs.
    var scopeTags: [String] { Self.strings(appliesWhen) }

    /// The detectors whose results are evidence for the item.
    var detectorIDs: [String] { Self.strings(checks) }

    /// A stored JSON list of names; most are empty, which needs no decoder.
    private static func strings(_ json: String) -> [String] {
        json == "[]" ? [] : CanonicalJSON.decode([String].self, from: json) ?? []
    }
}
