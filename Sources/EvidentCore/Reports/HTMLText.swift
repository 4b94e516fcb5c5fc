/// HTML escaping, and a small, safe subset of Markdown for guidance and descriptions: everything is
/// escaped first, then only paragraphs, line breaks, bullet and numbered lists, `code` and
/// **bold** are recognised — no raw HTML, no links, no images, nothing that loads or runs.
public enum HTMLText {
    /// `text` with `& < > " '` as entities, control and direction-override characters replaced.
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\n", "\t": output.unicodeScalars.append(scalar)
            case _ where TextSanitizer.isControl(scalar) || TerminalText.isBidiControl(scalar):
                output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Safe HTML for Markdown-ish `text` (see the type's description).
    public static func markdown(_ text: String) -> String {
        let source = text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        var blocks: [String] = []
        var lines: [Substring] = []
        func flush() {
            guard !lines.isEmpty else { return }
            if lines.allSatisfy({ $0.hasPrefix("- ") || $0.hasPrefix("* ") }) {
                blocks.append("<ul>" + lines.map { "<li>" + inline(String($0.dropFirst(2))) + "</li>" }.joined() + "</ul>")
            } else if lines.allSatisfy(isNumbered) {
                blocks.append("<ol>" + lines.map { "<li>" + inline(String($0.drop { $0 != "." }.dropFirst())) + "</li>" }.joined() + "</ol>")
            } else {
                blocks.append("<p>" + lines.map { inline(String($0)) }.joined(separator: "<br>") + "</p>")
            }
            lines = []
        }
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmedLine = trimmedSlice(line)
            if trimmedLine.isEmpty { flush() } else { lines.append(trimmedLine) }
        }
        flush()
        return blocks.joined(separator: "\n")
    }

    /// `text` without leading and trailing white space (spaces, tabs, line breaks).
    public static func trimmed(_ text: String) -> String { String(trimmedSlice(Substring(text))) }

    static func trimmedSlice(_ text: Substring) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return text[first...last]
    }

    private static func isNumbered(_ line: Substring) -> Bool {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && line.dropFirst(digits.count).hasPrefix(". ")
    }

    /// One line: escaped, then `code` and **bold** spans.
    static func inline(_ line: String) -> String {
        var output = ""
        var rest = trimmedSlice(Substring(line))
        guard rest.contains("`") || rest.contains("*") else { return escape(String(rest)) }
        while let tick = rest.firstIndex(of: "`") {
            let after = rest[rest.index(after: tick)...]
            guard let close = after.firstIndex(of: "`") else { break }
            output += bold(escape(String(rest[..<tick]))) + "<code>" + escape(String(after[..<close])) + "</code>"
            rest = after[after.index(after: close)...]
        }
        return output + bold(escape(String(rest)))
    }

    /// `**text**` (already escaped) as `<strong>`; an unpaired `**` stays as it is.
    private static func bold(_ escaped: String) -> String {
        let parts = escaped.components(separatedBy: "**")
        guard parts.count >= 3 else { return escaped }
        var output = parts[0]
        var index = 1
        while index < parts.count {
            if index + 1 < parts.count {
                output += "<strong>" + parts[index] + "</strong>" + parts[index + 1]
                index += 2
            } else {
                output += "**" + parts[index]
                index += 1
            }
        }
        return output
    }
}
