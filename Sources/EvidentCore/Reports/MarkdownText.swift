import Mustache

/// Escaping of user text for Markdown, so no title, note or file name can break a table, start a
/// heading or link, or inject HTML: Markdown templates declare `{{% CONTENT_TYPE: MARKDOWN }}`.
public enum MarkdownText {
    /// `text` inert in Markdown: punctuation Markdown acts on is backslash-escaped, HTML-significant
    /// characters become entities, line breaks become `<br>` so table rows stay whole.
    public static func escape(_ text: String) -> String {
        // Byte-level: reports of thousands of items escape megabytes of text.
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 8)
        var first = true
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { first = false }
            let value = scalar.value
            if value == 0x0A, afterCarriageReturn {  // "\r\n" is one line break
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = value == 0x0D
            switch value {
            case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x7C, 0x7E, 0x7B, 0x7D, 0x24:  // \ ` * _ [ ] | ~ { } $
                output += [0x5C, UInt8(value)]
            case 0x23, 0x2B, 0x2D, 0x3D:  // # + - =: only where a value starts a line can they begin a heading or a list
                if first { output.append(0x5C) }
                output.append(UInt8(value))
            case 0x3C: output += Array("&lt;".utf8)
            case 0x3E: output += Array("&gt;".utf8)
            case 0x26: output += Array("&amp;".utf8)
            case 0x0A, 0x0D: output += Array("<br>".utf8)
            default:
                if TextSanitizer.isControl(scalar) || TerminalText.isBidiControl(scalar) {
                    output += [0xEF, 0xBF, 0xBD]  // U+FFFD
                } else if value < 0x80 {
                    output.append(UInt8(value))
                } else {
                    UTF8.encode(scalar) { output.append($0) }
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Registers the `MARKDOWN` content type, and Evident's escaping as `HTML`, with Mustache once.
    static func registerContentType() { _ = registration }

    private static let registration: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        // Mustache's own HTML escaping walks characters through a dictionary, a tenth of a large
        // report's time; the same five replacements, byte by byte, for templates that declare HTML.
        MustacheContentTypes.register(HTMLContentType(), named: "HTML")
    }()

    private struct HTMLContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLText.escapeMarkup(text) }
    }

    private struct MarkdownContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { MarkdownText.escape(text) }
    }
}
