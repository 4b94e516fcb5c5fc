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

extension ChecklistRules {
    /// The format's rules that a `Checklist` value built in code (by an import) could still break:
    /// id shapes and uniqueness, section ids as item prefixes, one-line non-empty titles, positive
    /// ages, known detectors and probes. The loader checks all of these too; this spares a writer's output a
    /// second parse. Empty when the value would load as it is.
    static func problems(of checklist: Checklist) -> [String] {
        var problems: [String] = []
        if !isName(checklist.id) { problems.append("checklist id '\(checklist.id)'") }
        if !isOneLine(checklist.title) { problems.append("checklist title") }
        var sections = Set<String>(), items = Set<String>()
        if checklist.sections.isEmpty { problems.append("no sections") }
        for section in checklist.sections {
            if !isName(section.id) || !sections.insert(section.id).inserted { problems.append("section id '\(section.id)'") }
            if section.title.allSatisfy(\.isWhitespace) { problems.append("section '\(section.id)' title") }
            if section.items.isEmpty { problems.append("section '\(section.id)' has no items") }
            for item in section.items {
                if !isItemID(item.id) || !item.id.hasPrefix(section.id + ".") || !items.insert(item.id).inserted {
                    problems.append("item id '\(item.id)'")
                }
                if !isOneLine(item.title) || (item.subsection.map { !isOneLine($0) } ?? false) { problems.append("item '\(item.id)' title") }
                if let days = item.maxAgeDays, days <= 0 { problems.append("item '\(item.id)' max_age_days") }
                if !item.checks.allSatisfy({ CheckIDs.isKnown($0) || CheckPattern.isValid($0) }) { problems.append("item '\(item.id)' checks") }
                if !item.appliesWhen.allSatisfy(isName) { problems.append("item '\(item.id)' applies_when") }
            }
        }
        return problems
    }

    private static func isOneLine(_ text: String) -> Bool {
        !text.allSatisfy(\.isWhitespace) && !text.contains(where: \.isNewline)
    }
}
