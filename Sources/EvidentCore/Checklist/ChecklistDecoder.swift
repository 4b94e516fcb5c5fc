/// Turns composed YAML nodes into checklist values, reporting every rule broken (SPEC §2).
enum ChecklistDecoder {
    /// The fields of `checklist.yaml`.
    struct Header: Sendable {
        var id: String
        var title: String
        var version: String
        var description: String?
        var source: String?
        var format: Int
    }

    /// Reads `checklist.yaml`; nil when a required field is missing or wrong.
    static func header(_ root: YAMLNode, diagnostics: inout FileDiagnostics) -> Header? {
        guard let fields = MappingFields(
            root, context: "checklist.yaml", allowed: ChecklistRules.checklistKeys,
            required: ChecklistRules.checklistRequired, diagnostics: &diagnostics
        ) else { return nil }
        let id = fields.string("id", diagnostics: &diagnostics)
        if let id, !ChecklistRules.isName(id) {
            diagnostics.error("checklist id '\(id)' must be lower-case letters, digits and dashes, starting with a letter", at: fields.mark(of: "id"))
        }
        let title = fields.string("title", diagnostics: &diagnostics)
        if let title { checkOneLine(title, key: "title", fields: fields, diagnostics: &diagnostics) }
        let version = fields.string("version", diagnostics: &diagnostics)
        let description = fields.string("description", diagnostics: &diagnostics)
        let source = fields.string("source", diagnostics: &diagnostics)
        var format = ChecklistFormat.current
        if let (value, mark) = fields.integer("format", diagnostics: &diagnostics) {
            if ChecklistFormat.supported.contains(value) {
                format = value
            } else {
                let known = ChecklistFormat.supported.sorted().map(String.init).joined(separator: ", ")
                diagnostics.error("unsupported checklist format \(value); this Evident reads format \(known)", at: mark)
            }
        }
        guard let id, ChecklistRules.isName(id), let title, let version else { return nil }
        return Header(id: id, title: title, version: version, description: description, source: source, format: format)
    }

    /// Reads a section file: its `section` mapping and its items, each item with the mark of its id.
    static func section(
        _ root: YAMLNode, diagnostics: inout FileDiagnostics
    ) -> (section: ChecklistSection, idMark: SourceMark, marks: [String: SourceMark])? {
        guard let file = MappingFields(
            root, context: "a section file", allowed: ChecklistRules.sectionFileKeys,
            required: ChecklistRules.sectionFileKeys, diagnostics: &diagnostics
        ) else { return nil }
        var sectionID: String?
        var title: String?
        var description: String?
        var idMark = file.mark
        if let node = file["section"], let fields = MappingFields(
            node, context: "section", allowed: ChecklistRules.sectionKeys, required: ["id", "title"],
            diagnostics: &diagnostics
        ) {
            sectionID = fields.string("id", diagnostics: &diagnostics)
            idMark = fields.mark(of: "id")
            if let id = sectionID, !ChecklistRules.isName(id) {
                diagnostics.error("section id '\(id)' must be lower-case letters, digits and dashes, starting with a letter", at: fields.mark(of: "id"))
                sectionID = nil
            }
            title = fields.string("title", diagnostics: &diagnostics)
            description = fields.string("description", diagnostics: &diagnostics)
        }
        var items: [ChecklistItem] = []
        var marks: [String: SourceMark] = [:]
        if let elements = file.list("items", diagnostics: &diagnostics) {
            if elements.isEmpty {
                diagnostics.error("'items' must list at least one item", at: file.mark(of: "items"))
            }
            for element in elements {
                guard let (item, mark) = ChecklistItemDecoder.item(element, sectionID: sectionID, diagnostics: &diagnostics)
                else { continue }
                if let first = marks[item.id] {
                    diagnostics.error("duplicate item id '\(item.id)'; first defined at line \(first.line)", at: mark)
                    continue
                }
                marks[item.id] = mark
                items.append(item)
            }
        }
        guard let sectionID, let title else { return nil }
        return (ChecklistSection(id: sectionID, title: title, description: description, items: items), idMark, marks)
    }

    /// Reports a value that spans lines where the format wants one line.
    static func checkOneLine(_ text: String, key: String, fields: MappingFields, diagnostics: inout FileDiagnostics) {
        if text.contains(where: \.isNewline) {
            diagnostics.error("'\(key)' in \(fields.context) must be one line", at: fields.mark(of: key))
        }
    }
}
