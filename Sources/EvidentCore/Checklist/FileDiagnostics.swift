/// The diagnostics of one file, collected while its nodes are checked.
struct FileDiagnostics {
    /// The file as the user named it.
    let file: String
    private(set) var all: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// Records an error at `mark` (the whole file when nil).
    mutating func error(_ message: String, at mark: SourceMark?) {
        all.append(Diagnostic(.error, message, file: file, line: mark?.line, column: mark?.column))
    }

    /// Records a warning at `mark` (the whole file when nil).
    mutating func warning(_ message: String, at mark: SourceMark?) {
        all.append(Diagnostic(.warning, message, file: file, line: mark?.line, column: mark?.column))
    }
}

/// A YAML mapping whose keys were checked against the keys a place allows: unknown, duplicate,
/// non-text and missing required keys are reported once, then values are read by name.
struct MappingFields {
    /// What the mapping is, for messages: "item 'keys.rotate'", "section", "checklist.yaml".
    let context: String
    let mark: SourceMark
    private var values: [String: YAMLNode] = [:]

    /// Checks `node` is a mapping with only `allowed` keys and every `required` one; nil when it is no mapping.
    init?(
        _ node: YAMLNode, context: String, allowed: [String], required: [String],
        diagnostics: inout FileDiagnostics
    ) {
        self.context = context
        self.mark = node.mark
        guard case let .mapping(pairs) = node.content else {
            diagnostics.error("\(context) must be a mapping, found \(node.typeDescription)", at: node.mark)
            return nil
        }
        var firstSeen: [String: SourceMark] = [:]
        for pair in pairs {
            guard let key = pair.key.scalarText, pair.key.scalarType != .null || !key.isEmpty else {
                diagnostics.error("keys in \(context) must be plain names, found \(pair.key.typeDescription)", at: pair.key.mark)
                continue
            }
            if let first = firstSeen[key] {
                diagnostics.error("duplicate key '\(key)' in \(context); first given at line \(first.line)", at: pair.key.mark)
                continue
            }
            firstSeen[key] = pair.key.mark
            guard allowed.contains(key) else {
                let suggestion = Suggestion.closest(to: key, in: allowed)
                let help = suggestion.map { "; did you mean '\($0)'?" } ?? " (allowed: \(allowed.joined(separator: ", ")))"
                diagnostics.error("unknown key '\(key)' in \(context)\(help)", at: pair.key.mark)
                continue
            }
            values[key] = pair.value
        }
        for key in required where firstSeen[key] == nil {
            diagnostics.error("\(context) is missing the required key '\(key)'", at: node.mark)
        }
    }

    /// The raw node of `key`, when present.
    subscript(key: String) -> YAMLNode? { values[key] }

    /// The text of `key`; reports anything but a (non-empty, when `nonEmpty`) string.
    func string(_ key: String, nonEmpty: Bool = true, diagnostics: inout FileDiagnostics) -> String? {
        guard let node = values[key] else { return nil }
        guard node.scalarType == .string, let text = node.scalarText else {
            var message = "'\(key)' in \(context) must be text, found \(node.typeDescription)"
            if let text = node.scalarText, node.scalarType == .integer || node.scalarType == .number || node.scalarType == .boolean {
                message += "; put it in quotes: \(key): \"\(text)\""
            }
            diagnostics.error(message, at: node.mark)
            return nil
        }
        if nonEmpty, text.allSatisfy(\.isWhitespace) {
            diagnostics.error("'\(key)' in \(context) must not be empty", at: node.mark)
            return nil
        }
        return text
    }

    /// The integer of `key`; reports anything but an integer.
    func integer(_ key: String, diagnostics: inout FileDiagnostics) -> (value: Int, mark: SourceMark)? {
        guard let node = values[key] else { return nil }
        guard node.scalarType == .integer, let text = node.scalarText, let value = Int(text) else {
            diagnostics.error("'\(key)' in \(context) must be a whole number, found \(node.typeDescription)", at: node.mark)
            return nil
        }
        return (value, node.mark)
    }

    /// The elements of the list under `key`; reports anything but a list.
    func list(_ key: String, diagnostics: inout FileDiagnostics) -> [YAMLNode]? {
        guard let node = values[key] else { return nil }
        guard case let .sequence(elements) = node.content else {
            diagnostics.error("'\(key)' in \(context) must be a list, found \(node.typeDescription)", at: node.mark)
            return nil
        }
        return elements
    }

    /// The texts of the list under `key`; reports a non-list and every element that is not text.
    func strings(_ key: String, diagnostics: inout FileDiagnostics) -> [(text: String, mark: SourceMark)] {
        guard let elements = list(key, diagnostics: &diagnostics) else { return [] }
        var texts: [(String, SourceMark)] = []
        for element in elements {
            guard element.scalarType == .string, let text = element.scalarText, !text.allSatisfy(\.isWhitespace) else {
                diagnostics.error("every entry of '\(key)' in \(context) must be non-empty text, found \(element.typeDescription)", at: element.mark)
                continue
            }
            texts.append((text, element.mark))
        }
        return texts
    }

    /// The mark of `key`'s value, else of the mapping.
    func mark(of key: String) -> SourceMark { values[key]?.mark ?? mark }
}
