import Foundation

/// Turns a control's parts into Markdown: parameters shown in place the way NIST prints them
/// (`[Assignment: organization-defined frequency]`, `[Selection (one or more): a; b]`), statement
/// items as a nested list that keeps their labels (`a.`, `1.`).
struct OSCALProse: Sendable {
    /// Every parameter of the catalog by id (ids are unique in a catalog).
    let parameters: [String: OSCALParameter]

    /// Parameters nested in other parameters' choices deeper than this are shown by id.
    private static let maxDepth = 8

    // MARK: - Parameters

    /// `prose` with each `{{ insert: param, ID }}` replaced by the parameter's text.
    func text(_ prose: String, depth: Int = 0) -> String {
        let bytes = Array(prose.utf8)
        guard var open = Self.find([0x7B, 0x7B], in: bytes, from: 0) else { return prose }
        var output = ""
        var copied = 0
        while let close = Self.find([0x7D, 0x7D], in: bytes, from: open + 2) {
            if let id = Self.parameterID(in: bytes[open + 2..<close]) {
                output += String(decoding: bytes[copied..<open], as: UTF8.self) + parameter(id, depth: depth)
                copied = close + 2
            }
            guard let next = Self.find([0x7B, 0x7B], in: bytes, from: close + 2) else { break }
            open = next
        }
        return output + String(decoding: bytes[copied...], as: UTF8.self)
    }

    /// The index of the first `pattern` in `bytes` at or after `start`.
    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard pattern.count <= bytes.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    /// The id in ` insert: param, ID `, nil for any other kind of insert.
    static func parameterID(in inside: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: inside, as: UTF8.self)
        let fields = text.split(separator: ",", maxSplits: 1)
        guard fields.count == 2, fields[0].filter({ $0 != " " }) == "insert:param" else { return nil }
        let id = Slug.trimmed(fields[1])
        return id.isEmpty ? nil : String(id)
    }

    /// The parameter's values when a profile set them, else its choices, else its label.
    func parameter(_ id: String, depth: Int) -> String {
        guard depth < Self.maxDepth, let parameter = parameters[id] else { return "[Assignment: \(id)]" }
        if let values = parameter.values, !values.isEmpty {
            return values.map { text($0, depth: depth + 1) }.joined(separator: ", ")
        }
        if let select = parameter.select {
            let choices = (select.choice ?? []).map { text($0, depth: depth + 1) }.joined(separator: "; ")
            let how = select.howMany == "one-or-more" ? " (one or more)" : ""
            return "[Selection\(how): \(choices)]"
        }
        if let label = parameter.label { return "[Assignment: \(text(label, depth: depth + 1))]" }
        if let guideline = parameter.guidelines?.first?.prose { return "[Assignment: \(text(guideline, depth: depth + 1))]" }
        return "[Assignment: \(id)]"
    }

    // MARK: - Parts

    /// A part's own prose, then its sub-parts as a nested list: a statement and its items.
    func markdown(_ part: OSCALPart) -> String {
        var blocks: [String] = []
        if let prose = part.prose.map(Slug.trimmed), !prose.isEmpty { blocks.append(text(String(prose))) }
        let children = part.parts ?? []
        if !children.isEmpty { blocks.append(list(children, indent: 0).joined(separator: "\n")) }
        return blocks.joined(separator: "\n\n")
    }

    /// One list entry per part, `- **label** prose`, sub-parts indented beneath.
    func list(_ parts: [OSCALPart], indent: Int) -> [String] {
        let padding = String(repeating: " ", count: indent)
        var lines: [String] = []
        for part in parts {
            let label = part.label.map { "**\($0)** " } ?? ""
            let prose = text(String(Slug.trimmed(part.prose ?? "")))
            let proseLines = prose.split(separator: "\n", omittingEmptySubsequences: false)
            let first = label + (proseLines.first.map(String.init) ?? "")
            lines.append(padding + "- " + (first.hasSuffix(" ") ? String(first.dropLast()) : first))
            for line in proseLines.dropFirst() { lines.append(line.isEmpty ? "" : padding + "  " + line) }
            lines += list(part.parts ?? [], indent: indent + 2)
        }
        return lines
    }

    /// SP 800-53A methods, one line each: `- **Examine:** policy; procedures; …`.
    func methods(_ parts: [OSCALPart]) -> [String] {
        parts.map { part in
            let method = (part.property("method") ?? part.title ?? part.name).capitalized
            let objects = (part.parts ?? []).compactMap(\.prose).flatMap { prose in
                prose.split(separator: "\n").map(Slug.trimmed).filter { !$0.isEmpty }
            }
            return "- **\(method):** " + text(objects.joined(separator: "; "))
        }
    }
}
