/// One shared list of hostile strings: markup, script URLs, Markdown and CSV breakers, control and
/// direction-override characters. Pushed through every text field into every output format.
public enum HostileStrings {
    public static let script = "<script>alert(1)</script>"
    public static let attribute = "\"><img src=x onerror=alert(1)>"
    public static let scriptURL = "javascript:alert(document.cookie)"
    public static let tableBreaker = "a | b |\n| --- |\n# heading"
    public static let markdownLink = "[click](javascript:alert(1)) ![x](http://evil.example/x.png)"
    public static let formula = "=HYPERLINK(\"http://evil.example\",\"x\")"
    public static let formulaPlus = "+cmd|' /C calc'!A0"
    public static let formulaAt = "@SUM(1+1)*cmd|' /C calc'!A0"
    public static let controls = "bell\u{07} escape\u{1B}[31m red"
    public static let rightToLeft = "invoice\u{202E}fdp.exe"
    public static let mustache = "{{title}} {{{guidance_html}}}"

    /// Every string above.
    public static let all = [script, attribute, scriptURL, tableBreaker, markdownLink, formula, formulaPlus, formulaAt,
                             controls, rightToLeft, mustache]

    /// One string holding all of them, for fields that take one value.
    public static let combined = all.joined(separator: " ")

    /// All of them on one line, for fields that must be one line (titles).
    public static let oneLine = combined.replacingOccurrences(of: "\n", with: " ")

    /// A megabyte of text that ends with markup, for fields with no length limit.
    public static let huge = String(repeating: "evidence ", count: 116_000) + script

    /// How an output is read, which decides what would be active in it.
    public enum Medium: Sendable {
        case html, markdown, terminal, json, csv
    }

    /// What in `text` would act or disguise itself where it is read: raw markup and script links in
    /// HTML and Markdown, terminal control characters anywhere, direction overrides where people read.
    public static func activeContent(in text: String, medium: Medium) -> [String] {
        var found: [String] = []
        if medium == .html || medium == .markdown {
            if text.contains("<script") { found.append("<script") }
            if text.contains("<img") { found.append("<img") }
            if text.range(of: "href=\"javascript:", options: .caseInsensitive) != nil { found.append("javascript: link") }
        }
        if medium == .markdown, text.replacingOccurrences(of: "\\]", with: "").contains("](javascript:") {
            found.append("Markdown script link")
        }
        if text.contains("\u{1B}") { found.append("ESC") }
        if text.contains("\u{07}") { found.append("BEL") }
        if medium != .json, text.contains("\u{202E}") { found.append("RLO") }
        return found
    }
}
