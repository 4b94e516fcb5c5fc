/// HTML escaping, and a small, safe subset of Markdown for guidance and descriptions: everything is
/// escaped first, then only paragraphs, line breaks, bullet and numbered lists, `code` and
/// **bold** are recognised — no raw HTML, no links, no images, nothing that loads or runs.
public enum HTMLText {
    /// `text` with `& < > " '` as entities, control and direction-override characters replaced.
    public static func escape(_ text: String) -> String {
        // Most text is printable ASCII with nothing to replace: returned as it is, without a copy.
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) && !isMarkupByte($0) || $0 == 0x0A || $0 == 0x09 }) {
            return text
        }
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
        for line in splitLines(source) {
            let trimmedLine = trimmedSlice(line)
            if trimmedLine.isEmpty { flush() } else { lines.append(trimmedLine) }
        }
        flush()
        return blocks.joined(separator: "\n")
    }

    /// The lines of `text` split at each line feed (its own grapheme, so a byte split is a character split).
    private static func splitLines(_ text: String) -> [Substring] {
        let bytes = text.utf8
        var lines: [Substring] = []
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: 0x0A) {
            lines.append(Substring(bytes[start..<newline]))
            start = bytes.index(after: newline)
        }
        lines.append(Substring(bytes[start...]))
        return lines
    }

    /// Whether `byte` is one HTML escaping replaces: `& < > " '`.
    static func isMarkupByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x26, 0x3C, 0x3E, 0x22, 0x27: true
        default: false
        }
    }

    /// `text` with `& < > " '` as entities and nothing else changed: what Mustache's `{{name}}` does in
    /// HTML, byte by byte (each is ASCII, so never part of another character's encoding).
    public static func escapeMarkup(_ text: String) -> String {
        guard text.utf8.contains(where: isMarkupByte) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 0x26: output += Array("&amp;".utf8)
            case 0x3C: output += Array("&lt;".utf8)
            case 0x3E: output += Array("&gt;".utf8)
            case 0x22: output += Array("&quot;".utf8)
            case 0x27: output += Array("&#39;".utf8)
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
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
        guard rest.utf8.contains(where: { $0 == 0x60 || $0 == 0x2A }) else { return escape(String(rest)) }
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
        let parts = doubleStarParts(escaped)
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

    /// `text` split at each `**`, left to right, as `components(separatedBy: "**")` does.
    private static func doubleStarParts(_ text: String) -> [String] {
        let bytes = text.utf8
        var parts: [String] = []
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == 0x2A, next < bytes.endIndex, bytes[next] == 0x2A {
                parts.append(String(Substring(bytes[start..<index])))
                index = bytes.index(after: next)
                start = index
            } else {
                index = next
            }
        }
        parts.append(String(Substring(bytes[start...])))
        return parts
    }
}
