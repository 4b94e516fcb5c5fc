/// Names and text made to fit the checklist format from whatever an imported document holds.
enum Slug {
    /// `text` as a checklist, section or scope id (`^[a-z][a-z0-9-]*$`): lower-case, other
    /// characters as single dashes, `x-` in front when it would not start with a letter.
    static func name(_ text: String) -> String {
        let slug = dashed(text)
        guard let first = slug.first else { return "x" }
        return first.isLetter ? slug : "x-" + slug
    }

    /// `ac-2.1` as item-id slugs (`[a-z0-9][a-z0-9-]*` joined by dots): each dotted part dashed.
    static func itemPath(_ text: String) -> String {
        text.split(separator: ".", omittingEmptySubsequences: true)
            .map { part in let slug = dashed(String(part)); return slug.isEmpty ? "x" : slug }
            .joined(separator: ".")
            .ifEmpty("x")
    }

    /// A checklist id from a title, at most 64 characters, cut at a dash.
    static func checklistID(from title: String) -> String {
        let id = name(title)
        guard id.count > 64 else { return id }
        let cut = id.prefix(64)
        let trimmed = cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut
        return String(trimmed)
    }

    /// `text` on one line: every run of blanks and line breaks one space, the ends trimmed; `fallback` when empty.
    static func oneLine(_ text: String, fallback: String) -> String {
        let utf8 = text.utf8
        let simple = utf8.first != 0x20 && utf8.last != 0x20 && !utf8.isEmpty
            && !zip(utf8, utf8.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
            && utf8.allSatisfy { $0 >= 0x21 && $0 < 0x7F || $0 == 0x20 }
        if simple { return text }
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        return words.isEmpty ? fallback : words.joined(separator: " ")
    }

    /// `text` without leading and trailing spaces, tabs and line breaks.
    static func trimmed(_ text: some StringProtocol) -> Substring {
        let isBlank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let scalars = Substring(text).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }), let last = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return Substring(scalars[first...last])
    }

    /// Lower-case ASCII letters and digits kept, every other run of characters one dash, no dash at the ends.
    private static func dashed(_ text: String) -> String {
        var output = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                if pendingDash, !output.isEmpty { output.append("-") }
                pendingDash = false
                output.append(character)
            } else {
                pendingDash = true
            }
        }
        return output
    }
}

/// Hands out names, each once: a name already taken comes back as `name-2`, `name-3`, …
struct UniqueNames {
    private var taken: Set<String> = []

    /// `name`, or the first free `name-N`; either way taken from now on.
    mutating func claim(_ name: String) -> String {
        var candidate = name
        var suffix = 2
        while taken.contains(candidate) {
            candidate = "\(name)-\(suffix)"
            suffix += 1
        }
        taken.insert(candidate)
        return candidate
    }
}

extension String {
    /// The string, or `fallback` when it is empty.
    func ifEmpty(_ fallback: String) -> String { isEmpty ? fallback : self }
}
