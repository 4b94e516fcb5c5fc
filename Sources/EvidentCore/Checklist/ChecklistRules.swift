/// The rules of the checklist format (SPEC §2) that are not types: key sets, id shapes, limits.
enum ChecklistRules {
    static let checklistKeys = ["id", "title", "version", "description", "source", "format"]
    static let checklistRequired = ["id", "title", "version"]
    static let sectionFileKeys = ["section", "items"]
    static let sectionKeys = ["id", "title", "description"]
    static let itemKeys = [
        "id", "title", "description", "subsection", "severity", "guidance", "evidence",
        "max_age_days", "references", "source", "checks", "applies_when",
    ]
    static let evidenceKeys = ["kind", "description"]
    static let sourceKeys = ["section", "quote"]

    /// The header file of every checklist directory.
    static let headerFile = "checklist.yaml"
    /// Largest file read; a checklist section of thousands of items stays far below it.
    static let maxFileBytes = 16 * 1024 * 1024

    /// `^[a-z][a-z0-9-]*$`: checklist, section and scope-tag ids.
    static func isName(_ text: String) -> Bool {
        guard let first = text.utf8.first, isLower(first) else { return false }
        return text.utf8.allSatisfy { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
    }

    /// `[a-z0-9][a-z0-9-]*`: one slug of an item id.
    static func isSlug(some text: Substring) -> Bool {
        guard let first = text.utf8.first, isLower(first) || isDigit(first) else { return false }
        return text.utf8.allSatisfy { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
    }

    /// `<section-id>.<slug>[.<slug>…]`, whatever the section.
    static func isItemID(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, isName(String(parts[0])) else { return false }
        return parts.dropFirst().allSatisfy { isSlug(some: $0) }
    }

    private static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
