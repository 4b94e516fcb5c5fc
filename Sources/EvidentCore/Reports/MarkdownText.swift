import Mustache

/// Escaping of user text for Markdown, so no title, note or file name can break a table, start a
/// heading or link, or inject HTML: Markdown templates declare `{{% CONTENT_TYPE: MARKDOWN }}`.
public enum MarkdownText {
    /// `text` inert in Markdown: punctuation Markdown acts on is backslash-escaped, HTML-significant
    /// characters become entities, line breaks become `<br>` so table rows stay whole.
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 8)
        var first = true
        for character in text {
            defer { first = false }
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "~", "{", "}", "$":
                output.append("\\")
                output.append(character)
            case _ where first && (character == "#" || character == "+" || character == "-" || character == "="):
                // Only where a value starts a line can these begin a heading or a list.
                output.append("\\")
                output.append(character)
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\r\n", "\n", "\r": output += "<br>"
            default:
                if let scalar = character.unicodeScalars.first,
                   scalar.properties.generalCategory == .control || TerminalText.bidiControls.contains(scalar.value) {
                    output += "\u{FFFD}"
                } else {
                    output.append(character)
                }
            }
        }
        return output
    }

    /// Registers the `MARKDOWN` content type with Mustache once.
    static func registerContentType() { _ = registration }

    private static let registration: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()

    private struct MarkdownContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { MarkdownText.escape(text) }
    }
}
