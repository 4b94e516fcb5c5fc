import Foundation

/// Writes a checklist as the directory format of SPEC §2: `checklist.yaml` and one numbered file
/// per section (`01-keys.yaml`, …), which `ChecklistLoader` reads back as the same `Checklist`.
/// The checklist must already be valid (ids, non-blank text, one-line titles): it is not re-checked here.
public enum ChecklistWriter {
    /// The files of `checklist`, header first, sections in order.
    public static func files(_ checklist: Checklist) -> [(name: String, text: String)] {
        let width = max(2, String(checklist.sections.count).count)
        var files = [(name: ChecklistRules.headerFile, text: header(checklist))]
        for (index, section) in checklist.sections.enumerated() {
            let number = String(index + 1)
            let prefix = String(repeating: "0", count: width - number.count) + number
            files.append((name: "\(prefix)-\(section.id).yaml", text: sectionFile(section)))
        }
        return files
    }

    /// `files` as `ChecklistLoader.load(files:directory:)` takes them, for checking without a disk.
    public static func checklistFiles(_ files: [(name: String, text: String)], directory: String) -> [ChecklistFile] {
        files.map { file in
            ChecklistFile(name: file.name, path: ChecklistLoader.joinedPath(directory, file.name), bytes: Array(file.text.utf8))
        }
    }

    // MARK: - Files

    /// `checklist.yaml`.
    static func header(_ checklist: Checklist) -> String {
        var yaml = YAMLText()
        yaml.field("id", checklist.id, indent: 0)
        yaml.field("title", checklist.title, indent: 0)
        yaml.quotedField("version", checklist.version, indent: 0)
        yaml.field("description", checklist.description, indent: 0)
        yaml.field("source", checklist.source, indent: 0)
        yaml.line("format: \(checklist.format)")
        return yaml.text
    }

    /// One section file: the `section` mapping, then its items.
    static func sectionFile(_ section: ChecklistSection) -> String {
        var yaml = YAMLText()
        yaml.line("section:")
        yaml.field("id", section.id, indent: 2)
        yaml.field("title", section.title, indent: 2)
        yaml.field("description", section.description, indent: 2)
        yaml.line("items:")
        for item in section.items { write(item, to: &yaml) }
        return yaml.text
    }

    private static func write(_ item: ChecklistItem, to yaml: inout YAMLText) {
        yaml.line("  - id: " + YAMLScalar.value(item.id, indent: 6))
        yaml.field("title", item.title, indent: 4)
        yaml.field("description", item.description, indent: 4)
        yaml.field("subsection", item.subsection, indent: 4)
        if item.severity != .medium { yaml.field("severity", item.severity.rawValue, indent: 4) }
        yaml.field("guidance", item.guidance, indent: 4)
        if !item.evidence.isEmpty {
            yaml.line("    evidence:")
            for expected in item.evidence {
                yaml.line("      - kind: " + expected.kind.rawValue)
                yaml.field("description", expected.description, indent: 8)
            }
        }
        if let days = item.maxAgeDays { yaml.line("    max_age_days: \(days)") }
        yaml.list("references", item.references, indent: 4)
        if let source = item.source {
            yaml.line("    source:")
            yaml.field("section", source.section, indent: 6)
            yaml.field("quote", source.quote, indent: 6)
        }
        yaml.list("checks", item.checks, indent: 4)
        yaml.list("applies_when", item.appliesWhen, indent: 4)
    }
}

/// A YAML document built line by line, with every value written by `YAMLScalar`.
private struct YAMLText {
    private(set) var text = ""

    /// Appends `line` and a line break.
    mutating func line(_ line: String) {
        text += line
        text += "\n"
    }

    /// `key: value` at `indent` spaces, nothing when `value` is nil.
    mutating func field(_ key: String, _ value: String?, indent: Int) {
        guard let value else { return }
        line(String(repeating: " ", count: indent) + key + ": " + YAMLScalar.value(value, indent: indent + 2))
    }

    /// `key: "value"`: always quoted, for values that only look like names or numbers (versions).
    mutating func quotedField(_ key: String, _ value: String, indent: Int) {
        line(String(repeating: " ", count: indent) + key + ": " + YAMLScalar.doubleQuoted(value))
    }

    /// `key:` and one `- value` line per element; nothing for an empty list.
    mutating func list(_ key: String, _ values: [String], indent: Int) {
        guard !values.isEmpty else { return }
        let padding = String(repeating: " ", count: indent)
        line(padding + key + ":")
        for value in values { line(padding + "  - " + YAMLScalar.value(value, indent: indent + 4)) }
    }
}
