/// Switches that make a framework show errors and stack traces to visitors: Django's
/// `DEBUG = True` in a settings module (not a dev, local or test one), Flask's
/// `app.run(debug=True)`, PHP's `display_errors` on, Spring's `include-stacktrace: always`,
/// ASP.NET's `<customErrors mode="Off">`, and Rails' production `consider_all_requests_local = true`.
enum ErrorSettingRule {
    static let anchors = [
        "debug = true", "debug=true", "display_errors", "include-stacktrace", "include_stacktrace", "includestacktrace", "customerrors",
        "consider_all_requests_local", "debug: true", "debug:true",
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
        if line.language.family == .config, let key = configDebugKey(bytes), !line.layout.isCommented(key.lowerBound),
           switchedOn(bytes, after: key.upperBound, values: ["true", "1", "yes", "on"]) {
            return LineHit(key.lowerBound, "\(bytes.text(key)) on in configuration")
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

    /// A configuration line's key when it is the application's debug switch (`debug:`, `APP_DEBUG=`).
    private static func configDebugKey(_ bytes: [UInt8]) -> Range<Int>? {
        let start = bytes.skippingSpaces(from: 0)
        var end = start
        while end < bytes.count, ASCII.isWord(bytes[end]) { end += 1 }
        let key = bytes.text(start..<end).lowercased()
        guard ["debug", "app_debug", "debug_mode"].contains(key) else { return nil }
        let separator = bytes.skippingSpaces(from: end)
        guard separator < bytes.count, bytes[separator] == UInt8(ascii: ":") || bytes[separator] == UInt8(ascii: "=") else { return nil }
        return start..<end
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
