import Foundation

/// Checklist versions with their sections and items: a checklist goes in batches of unnested arrays.
extension PostgresStore {

    static let versionColumns = "id, checklist_id, version, title, content_hash, loaded_at, loaded_by"

    static func version(_ row: PostgresRowValues) -> StoredChecklistVersion {
        StoredChecklistVersion(
            versionID: row.requiredInteger(0), checklistID: row.requiredString(1), version: row.requiredString(2),
            title: row.requiredString(3), contentHash: row.requiredString(4), loadedAt: row.requiredTime(5),
            loadedBy: row.requiredString(6))
    }

    func checklistVersion(checklistID: String, version: String) throws -> StoredChecklistVersion? {
        try link.queryRows(
            "SELECT \(Self.versionColumns) FROM checklist_version WHERE checklist_id = $1 AND version = $2",
            [.text(checklistID), .text(version)]
        ).first.map(Self.version)
    }

    func checklistVersion(id versionID: Int64) throws -> StoredChecklistVersion? {
        try link.queryRows("SELECT \(Self.versionColumns) FROM checklist_version WHERE id = $1", [.integer(versionID)])
            .first.map(Self.version)
    }

    func checklistVersions() throws -> [StoredChecklistVersion] {
        try link.queryRows("SELECT \(Self.versionColumns) FROM checklist_version ORDER BY id").map(Self.version)
    }

    func insertChecklistVersion(_ checklist: Checklist, contentHash: String, content: String?, session: Session) throws -> Int64 {
        let definitionHashes = ChecklistContent.definitionHashes(checklist)
        return try write {
            let versionID = try link.queryRows(
                """
                INSERT INTO checklist_version (checklist_id, version, title, content_hash, content, loaded_at, loaded_by)
                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
                """,
                [.text(checklist.id), .text(checklist.version), .text(checklist.title), .text(contentHash),
                 .text(content ?? CanonicalJSON.string(checklist)), .time(session.now), .text(session.actor)]
            ).first?.requiredInteger(0) ?? 0
            // Sections and items go in batches of unnested arrays: one round trip per thousand rows.
            let sections = checklist.sections
            try link.execute(
                """
                INSERT INTO checklist_section (version_id, position, section_id, title)
                SELECT $1, position - 1, section_id, title FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS s(section_id, title, position)
                """,
                [.integer(versionID), .text(Self.arrayLiteral(sections.map(\.id))), .text(Self.arrayLiteral(sections.map(\.title)))])
            let items = checklist.items
            for start in stride(from: 0, to: items.count, by: 1000) {
                let batch = items[start..<min(start + 1000, items.count)]
                try link.execute(
                    """
                    INSERT INTO checklist_item (version_id, position, item_id, section_id, title, severity, max_age_days,
                        applies_when, checks, definition_hash)
                    SELECT $1, $2 + position - 1, item_id, section_id, title, severity, nullif(max_age, '')::integer,
                        applies_when, checks, definition_hash
                    FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
                        WITH ORDINALITY AS i(item_id, section_id, title, severity, max_age, applies_when, checks, definition_hash, position)
                    """,
                    [.integer(versionID), .integer(Int64(start)),
                     .text(Self.arrayLiteral(batch.map(\.id))), .text(Self.arrayLiteral(batch.map(\.sectionID))),
                     .text(Self.arrayLiteral(batch.map(\.title))), .text(Self.arrayLiteral(batch.map(\.severity.rawValue))),
                     .text(Self.arrayLiteral(batch.map { $0.maxAgeDays.map(String.init) ?? "" })),
                     .text(Self.arrayLiteral(batch.map { CanonicalJSON.string($0.appliesWhen) })),
                     .text(Self.arrayLiteral(batch.map { CanonicalJSON.string($0.checks) })),
                     .text(Self.arrayLiteral(Array(definitionHashes[start..<start + batch.count])))])
            }
            try appendAudit(
                session: session, action: "checklist.load", cycleID: nil, itemID: nil,
                subject: "\(checklist.id) \(checklist.version)",
                payload: ChecklistLoadPayload(
                    checklist: checklist.id, version: checklist.version, contentHash: contentHash,
                    sections: checklist.sections.count, items: checklist.items.count))
            return versionID
        }
    }

    /// A PostgreSQL array literal of `values`, every element quoted and escaped (bound as one text parameter).
    static func arrayLiteral(_ values: [String]) -> String {
        var text = "{"
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            text += "\""
            for character in value.unicodeScalars {
                if character == "\"" || character == "\\" { text += "\\" }
                text.unicodeScalars.append(character)
            }
            text += "\""
        }
        return text + "}"
    }

    func checklistContent(versionID: Int64) throws -> Checklist? {
        try link.queryRows("SELECT content FROM checklist_version WHERE id = $1", [.integer(versionID)])
            .first?.string(0).flatMap { CanonicalJSON.decode(Checklist.self, from: $0) }
    }

    func sections(versionID: Int64) throws -> [ChecklistSectionRecord] {
        try link.queryRows(
            "SELECT version_id, position, section_id, title FROM checklist_section WHERE version_id = $1 ORDER BY position",
            [.integer(versionID)]
        ).map {
            ChecklistSectionRecord(versionID: $0.requiredInteger(0), position: Int($0.requiredInteger(1)),
                                   sectionID: $0.requiredString(2), title: $0.requiredString(3))
        }
    }

    func allItemIDs() throws -> [String] {
        try link.queryRows("SELECT DISTINCT item_id COLLATE \"C\" FROM checklist_item ORDER BY 1").map { $0.requiredString(0) }
    }

    func items(versionID: Int64) throws -> [ChecklistItemRecord] {
        try link.queryRows(
            """
            SELECT version_id, position, item_id, section_id, title, severity, max_age_days, applies_when, checks, definition_hash
            FROM checklist_item WHERE version_id = $1 ORDER BY position
            """, [.integer(versionID)]
        ).map {
            ChecklistItemRecord(
                versionID: $0.requiredInteger(0), position: Int($0.requiredInteger(1)), itemID: $0.requiredString(2),
                sectionID: $0.requiredString(3), title: $0.requiredString(4),
                severity: Severity(rawValue: $0.requiredString(5)) ?? .medium, maxAgeDays: $0.integer(6).map(Int.init),
                appliesWhen: $0.requiredString(7), checks: $0.requiredString(8), definitionHash: $0.requiredString(9))
        }
    }
}
