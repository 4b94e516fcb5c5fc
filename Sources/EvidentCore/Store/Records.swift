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

/// Shared column naming: snake_case columns are camelCase properties, `_id` is `ID`
/// (`carried_from_cycle_id` → `carriedFromCycleID`).
protocol SnakeCaseRecord: FetchableRecord, Decodable {}

extension SnakeCaseRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
        .custom { column in ColumnKey(stringValue: ColumnKey.property(forColumn: column)) }
    }
}

/// The coding key of a column.
struct ColumnKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    /// `carried_from_cycle_id` → `carriedFromCycleID`.
    static func property(forColumn column: String) -> String {
        let parts = column.split(separator: "_")
        guard let first = parts.first else { return column }
        return String(first) + parts.dropFirst().map { $0 == "id" ? "ID" : $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

extension Cycle: SnakeCaseRecord, TableRecord {
    public static let databaseTableName = "cycle"
}

extension Review: SnakeCaseRecord, TableRecord {
    public static let databaseTableName = "review"
}

extension Evidence: SnakeCaseRecord, TableRecord {
    public static let databaseTableName = "evidence"
}

extension AuditEntry: SnakeCaseRecord, TableRecord {
    public static let databaseTableName = "audit_log"
}

/// A stored checklist version: what `checklist list` and cycles refer to.
struct ChecklistVersionRecord: SnakeCaseRecord, TableRecord, Sendable {
    static let databaseTableName = "checklist_version"
    var id: Int64
    var checklistID: String
    var version: String
    var title: String
    var contentHash: String
    var loadedAt: Timestamp
    var loadedBy: String
}

/// One section of a stored checklist version.
struct ChecklistSectionRecord: SnakeCaseRecord, TableRecord, Sendable {
    static let databaseTableName = "checklist_section"
    var versionID: Int64
    var position: Int
    var sectionID: String
    var title: String
}

/// One item of a stored checklist version, with what status and expiry need.
struct ChecklistItemRecord: SnakeCaseRecord, TableRecord, Sendable {
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

    /// The scope tags the item needs.
    var scopeTags: [String] { CanonicalJSON.decode([String].self, from: appliesWhen) ?? [] }

    /// The detectors whose results are evidence for the item.
    var detectorIDs: [String] { CanonicalJSON.decode([String].self, from: checks) ?? [] }
}
