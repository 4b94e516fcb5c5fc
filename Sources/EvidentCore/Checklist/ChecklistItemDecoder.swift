/// Reads one item mapping of a section file, reporting every rule it breaks.
enum ChecklistItemDecoder {
    /// The item and the mark of its id; nil when it cannot be identified or lacks a title.
    static func item(
        _ node: YAMLNode, sectionID: String?, diagnostics: inout FileDiagnostics
    ) -> (ChecklistItem, SourceMark)? {
        let idText = itemIDPeek(node)
        let context = idText.map { "item '\($0)'" } ?? "item"
        guard let fields = MappingFields(
            node, context: context, allowed: ChecklistRules.itemKeys, required: ["id", "title"],
            diagnostics: &diagnostics
        ) else { return nil }

        var id = fields.string("id", diagnostics: &diagnostics)
        if let text = id {
            if !ChecklistRules.isItemID(text) {
                diagnostics.error(
                    "item id '\(text)' must be '<section-id>.<slug>', each slug lower-case letters, digits and dashes",
                    at: fields.mark(of: "id"))
                id = nil
            } else if let sectionID, !text.hasPrefix(sectionID + ".") {
                diagnostics.error("item id '\(text)' must start with its section id: '\(sectionID).'", at: fields.mark(of: "id"))
                id = nil
            }
        }
        let title = fields.string("title", diagnostics: &diagnostics)
        if let title { ChecklistDecoder.checkOneLine(title, key: "title", fields: fields, diagnostics: &diagnostics) }
        let subsection = fields.string("subsection", diagnostics: &diagnostics)
        if let subsection { ChecklistDecoder.checkOneLine(subsection, key: "subsection", fields: fields, diagnostics: &diagnostics) }

        var item = ChecklistItem(id: id ?? "", title: title ?? "")
        item.description = fields.string("description", diagnostics: &diagnostics)
        item.subsection = subsection
        item.guidance = fields.string("guidance", diagnostics: &diagnostics)
        if let text = fields.string("severity", diagnostics: &diagnostics) {
            item.severity = enumValue(text, key: "severity", fields: fields, diagnostics: &diagnostics) ?? .medium
        }
        item.evidence = expectedEvidence(fields, context: context, diagnostics: &diagnostics)
        if let (days, mark) = fields.integer("max_age_days", diagnostics: &diagnostics) {
            if days > 0 { item.maxAgeDays = days } else {
                diagnostics.error("'max_age_days' in \(context) must be a positive number of days, found \(days)", at: mark)
            }
        }
        item.references = fields.strings("references", diagnostics: &diagnostics).map(\.text)
        item.source = sourceQuote(fields, context: context, diagnostics: &diagnostics)
        item.checks = checks(fields, diagnostics: &diagnostics)
        item.appliesWhen = scopeTags(fields, context: context, diagnostics: &diagnostics)
        guard id != nil, title != nil else { return nil }
        return (item, fields.mark(of: "id"))
    }

    /// The item's id when it is readable text, for messages about the rest of the item.
    private static func itemIDPeek(_ node: YAMLNode) -> String? {
        guard case let .mapping(pairs) = node.content else { return nil }
        let pair = pairs.first { $0.key.scalarText == "id" }
        guard let value = pair?.value, value.scalarType == .string else { return nil }
        return value.scalarText
    }

    /// A value of a closed set, reported with "did you mean" and the allowed values.
    static func enumValue<Value: RawRepresentable & CaseIterable>(
        _ text: String, key: String, fields: MappingFields, diagnostics: inout FileDiagnostics
    ) -> Value? where Value.RawValue == String {
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        diagnostics.error(
            "unknown \(key) '\(text)' in \(fields.context)\(Suggestion.didYouMean(text, in: allowed)) (one of: \(allowed.joined(separator: ", ")))",
            at: fields.mark(of: key))
        return nil
    }

    private static func expectedEvidence(
        _ fields: MappingFields, context: String, diagnostics: inout FileDiagnostics
    ) -> [ExpectedEvidence] {
        guard let elements = fields.list("evidence", diagnostics: &diagnostics) else { return [] }
        return elements.compactMap { element in
            guard let entry = MappingFields(
                element, context: "an evidence entry of \(context)", allowed: ChecklistRules.evidenceKeys,
                required: ["kind"], diagnostics: &diagnostics
            ) else { return nil }
            let description = entry.string("description", diagnostics: &diagnostics)
            guard let kindText = entry.string("kind", diagnostics: &diagnostics),
                  let kind: EvidenceKind = enumValue(kindText, key: "kind", fields: entry, diagnostics: &diagnostics)
            else { return nil }
            return ExpectedEvidence(kind: kind, description: description)
        }
    }

    private static func sourceQuote(
        _ fields: MappingFields, context: String, diagnostics: inout FileDiagnostics
    ) -> SourceQuote? {
        guard let node = fields["source"], let source = MappingFields(
            node, context: "'source' of \(context)", allowed: ChecklistRules.sourceKeys, required: [],
            diagnostics: &diagnostics
        ) else { return nil }
        let quote = SourceQuote(
            section: source.string("section", diagnostics: &diagnostics),
            quote: source.string("quote", diagnostics: &diagnostics))
        return quote.section == nil && quote.quote == nil ? nil : quote
    }

    private static func checks(_ fields: MappingFields, diagnostics: inout FileDiagnostics) -> [String] {
        let known = CheckIDs.known
        return fields.strings("checks", diagnostics: &diagnostics).compactMap { text, mark in
            if CheckIDs.isKnown(text) { return text }
            if text.contains(":") {
                if CheckPattern.isValid(text) { return text }
                diagnostics.error(
                    "'\(text)' in 'checks' of \(fields.context) is not a scanner rule pattern: write TOOL:RULE-ID, "
                        + "letters, digits, '.', '-', '_' and '*' in the tool name (e.g. semgrep:*sql-injection*)",
                    at: mark)
                return nil
            }
            diagnostics.error(
                "unknown detector '\(text)' in 'checks' of \(fields.context)\(Suggestion.didYouMean(text, in: known)) (one of: \(known.joined(separator: ", ")); or another scanner's rule as TOOL:RULE-ID)",
                at: mark)
            return nil
        }
    }

    private static func scopeTags(
        _ fields: MappingFields, context: String, diagnostics: inout FileDiagnostics
    ) -> [String] {
        fields.strings("applies_when", diagnostics: &diagnostics).compactMap { text, mark in
            if ChecklistRules.isName(text) { return text }
            diagnostics.error(
                "scope tag '\(text)' in 'applies_when' of \(context) must be lower-case letters, digits and dashes, starting with a letter",
                at: mark)
            return nil
        }
    }
}
