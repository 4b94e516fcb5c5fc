/// Switches that make a framework show errors and stack traces to visitors: Django's
/// `DEBUG = True` in a settings module (not a dev, local or test one), Flask's
/// `app.run(debug=True)`, PHP's `display_errors` on, Spring's `include-stacktrace: always`,
/// ASP.NET's `<customErrors mode="Off">`, and Rails' production `consider_all_requests_local = true`.
enum ErrorSettingRule {
    static let anchors = [
        "debug = true", "debug=true", "display_errors", "include-stacktrace", "include_stacktrace", "includestacktrace", "customerrors",
        "consider_all_requests_local",
    ]

    /// The debug switch the line turns on, if any.
    static func hit(_ line: SourceLine) -> LineHit? {
        let bytes = line.bytes
        guard line.mayHold(anyOf: anchors), !line.layout.isComment else { return nil }
        if line.language == .python {
            if bytes.matchesWord("DEBUG", at: 0), isProductionSettings(line.path),
               switchedOn(bytes, after: 5, values: ["true"]) {
                return LineHit(0, "DEBUG = True in settings")
            }
            if let run = line.layout.code.find(".run("), let debug = line.layout.code.find("debug", from: run),
               switchedOn(bytes, after: debug + 5, values: ["true"]) {
                return LineHit(run + 1, "Flask debug mode")
            }
        }
        if let found = bytes.find("display_errors", ignoringCase: true), RuleSupport.isUncommented(line, found),
           switchedOn(bytes, after: found + 14, values: ["1", "on", "true", "stdout", "yes"]) {
            return LineHit(found, "display_errors on")
        }
        for key in ["include-stacktrace", "include_stacktrace", "includestacktrace"] {
            if let found = bytes.find(key, ignoringCase: true), RuleSupport.isUncommented(line, found),
               switchedOn(bytes, after: found + key.utf8.count, values: ["always", "on-param", "on_param", "on-trace-param"]) {
                return LineHit(found, "include-stacktrace")
            }
        }
        if let found = bytes.find("customErrors", ignoringCase: true), line.language.family == .config,
           bytes.find("mode=\"off\"", from: found, ignoringCase: true) != nil {
            return LineHit(found, "customErrors mode=\"Off\"")
        }
        if line.path.hasSuffix("production.rb"), let found = bytes.find("consider_all_requests_local"),
           RuleSupport.isUncommented(line, found), switchedOn(bytes, after: found + 27, values: ["true"]) {
            return LineHit(found, "consider_all_requests_local in production")
        }
        return nil
    }

    /// Whether the value after a key at `index` (past quotes, `=`, `:`, `,`, `=>` and spaces) is one of `values`.
    static func switchedOn(_ bytes: [UInt8], after index: Int, values: [String]) -> Bool {
        var start = index
        while start < bytes.count, " \t'\"=:,>".utf8.contains(bytes[start]) { start += 1 }
        var end = start
        while end < bytes.count, ASCII.isWord(bytes[end]) || bytes[end] == UInt8(ascii: "-") { end += 1 }
        return end > start && values.contains(bytes.text(start..<end).lowercased())
    }

    /// Whether a Python path is a settings module that may run in production.
    static func isProductionSettings(_ path: String) -> Bool {
        let lowered = path.lowercased()
        let name = lowered.split(separator: "/").last.map(String.init) ?? lowered
        return lowered.contains("settings") && !["dev", "local", "test"].contains { name.contains($0) }
    }
}
