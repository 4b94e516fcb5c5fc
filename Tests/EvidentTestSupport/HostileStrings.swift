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
}
