import GRDB

/// A checklist version as stored: its row, and where it stands among the checklist's versions.
public struct StoredChecklistVersion: Sendable, Equatable {
    public let versionID: Int64
    public let checklistID: String
    public let version: String
    public let title: String
    public let contentHash: String
    public let loadedAt: Timestamp
    public let loadedBy: String
}

extension AppDatabase {
    /// The version of `checklistID` named `version`, if loaded.
    func checklistVersion(checklistID: String, version: String) throws -> StoredChecklistVersion? {
        try read { db in
            try ChecklistVersionRecord
                .filter(Column("checklist_id") == checklistID && Column("version") == version)
                .fetchOne(db).map(Self.stored)
        }
    }

    /// The version with row id `versionID`.
    func checklistVersion(id versionID: Int64) throws -> StoredChecklistVersion? {
        try read { db in try ChecklistVersionRecord.fetchOne(db, key: versionID).map(Self.stored) }
    }

    /// Every loaded version, oldest first.
    func checklistVersions() throws -> [StoredChecklistVersion] {
        try read { db in try ChecklistVersionRecord.order(Column("id")).fetchAll(db).map(Self.stored) }
    }

    /// Stores a new version of `checklist` with its sections and items, and logs the load.
    /// `content` is its canonical JSON when the caller already has it (encoding a large checklist twice is slow).
    func insertChecklistVersion(_ checklist: Checklist, contentHash: String, content: String? = nil, session: Session) throws -> Int64 {
        let definitionHashes = ChecklistContent.definitionHashes(checklist)
        return try write { db in
            try db.execute(
                sql: """
                    INSERT INTO checklist_version (checklist_id, version, title, content_hash, content, loaded_at, loaded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [checklist.id, checklist.version, checklist.title, contentHash,
                            content ?? CanonicalJSON.string(checklist), session.now, session.actor])
            let versionID = db.lastInsertedRowID
            for (position, section) in checklist.sections.enumerated() {
                try db.execute(
                    sql: "INSERT INTO checklist_section (version_id, position, section_id, title) VALUES (?, ?, ?, ?)",
                    arguments: [versionID, position, section.id, section.title])
            }
            let insertItem = try db.makeStatement(sql: """
                INSERT INTO checklist_item (version_id, position, item_id, section_id, title, severity, max_age_days,
                    applies_when, checks, definition_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (position, item) in checklist.items.enumerated() {
                try insertItem.execute(arguments: [
                    versionID, position, item.id, item.sectionID, item.title, item.severity, item.maxAgeDays,
                    CanonicalJSON.string(item.appliesWhen), CanonicalJSON.string(item.checks),
                    definitionHashes[position],
                ])
            }
            try appendAudit(
                db, session: session, action: "checklist.load", subject: "\(checklist.id) \(checklist.version)",
                payload: ChecklistLoadPayload(
                    checklist: checklist.id, version: checklist.version, contentHash: contentHash,
                    sections: checklist.sections.count, items: checklist.items.count))
            return versionID
        }
    }

    /// The full checklist of a stored version, decoded from its canonical content.
    func checklistContent(versionID: Int64) throws -> Checklist? {
        let text = try read { db in
            try String.fetchOne(db, sql: "SELECT content FROM checklist_version WHERE id = ?", arguments: [versionID])
        }
        return text.flatMap { CanonicalJSON.decode(Checklist.self, from: $0) }
    }

    /// The sections of a stored version, in order.
    func sections(versionID: Int64) throws -> [ChecklistSectionRecord] {
        try read { db in
            try ChecklistSectionRecord.filter(Column("version_id") == versionID).order(Column("position")).fetchAll(db)
        }
    }

    /// Every item id of every loaded checklist version, sorted.
    func allItemIDs() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT item_id FROM checklist_item ORDER BY item_id") }
    }

    /// The items of a stored version, in order.
    func items(versionID: Int64) throws -> [ChecklistItemRecord] {
        try read { db in
            try ChecklistItemRecord.filter(Column("version_id") == versionID).order(Column("position")).fetchAll(db)
        }
    }

    private static func stored(_ record: ChecklistVersionRecord) -> StoredChecklistVersion {
        StoredChecklistVersion(
            versionID: record.id, checklistID: record.checklistID, version: record.version, title: record.title,
            contentHash: record.contentHash, loadedAt: record.loadedAt, loadedBy: record.loadedBy)
    }
}

/// The audit payload of `checklist.load`.
struct ChecklistLoadPayload: Codable {
    let checklist: String
    let version: String
    let contentHash: String
    let sections: Int
    let items: Int

    enum CodingKeys: String, CodingKey {
        case checklist, version, sections, items
        case contentHash = "content_hash"
    }
}
