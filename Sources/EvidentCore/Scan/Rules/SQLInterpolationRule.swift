/// `sql-string-interpolation`: SQL text with values spliced in — a JavaScript template literal
/// (`` `SELECT … ${id}` ``), a Python f-string, `%` or `.format`, `fmt.Sprintf` / `String.format`,
/// `+` or PHP `.` concatenation, PHP / Ruby / Kotlin / Swift / C# interpolation — or any such
/// string handed to a call that takes SQL (`where("name = '#{x}'")`, `whereRaw(…)`).
/// Not a finding: placeholders (`?`, `$1`, `%s` with separate parameters, `:name`), tagged
/// templates and calls that bind interpolations (`` sql`…` ``, Prisma `$queryRaw`, EF Core
/// `FromSqlInterpolated`, GRDB `literal:`), spliced constants (`${TABLE}`) and comments.
enum SQLInterpolationRule {
    static let anchors = [
        "select", "insert", "update", "delete", "where", "values", "replace", "raw(", "order(", "having(", "joins(",
        "find_by_sql", "exec_query", "executequery", "rawquery", "execsql", "nativequery", "sqlraw", "_query(",
        "conditions", "literal(", "sqlite3_",
    ] + SQLText.appendedClauseAnchors

    /// The first SQL string on the line built from values.
    static func inspect(_ line: SourceLine) -> [LineHit] {
        let bytes = line.bytes
        guard bytes.contains(where: { ASCII.isQuote($0) || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "$") }) else { return [] }
        if let continuation = templateContinuation(line) { return [continuation] }
        guard bytes.contains(where: ASCII.isQuote), !line.layout.isComment, !isAssertion(bytes) else { return [] }
        for literal in line.layout.literals where literal.end <= line.layout.commentStart {
            let content = bytes[literal.content]
            let start = literal.open - literal.prefix.count
            let call = SQLText.callName(before: start, in: bytes, language: line.language)
            let isSQL = SQLText.isSQL(content)
            let takesSQL = call.map { SQLText.sqlSinks.contains($0) || line.language == .ruby && SQLText.rubySinks.contains($0)
                || SQLText.genericSinks.contains($0) && SQLText.mentionsSQL(content) } ?? false
            guard isSQL || takesSQL || SQLText.isConditionsOption(before: start, in: bytes) else { continue }
            if let call, SQLText.parameterisingCalls.contains(call) || SQLText.loggingCalls.contains(call) { continue }
            if let how = construction(of: literal, in: line, call: call) { return [LineHit(start, how)] }
        }
        return []
    }

    // MARK: - How the string is built

    /// How a literal is built from values, or nil when it is fixed text.
    private static func construction(of literal: LineLayout.Literal, in line: SourceLine, call: String?) -> String? {
        let bytes = line.bytes
        let spliced = literal.interpolations.filter { !SQLText.isConstantSplice(bytes[$0]) }
        if !spliced.isEmpty, !isParameterised(literal, in: line) { return interpolationName(literal, line.language) }
        if let call, ["sprintf", "format", "formatted", "vsprintf"].contains(call),
           bytes[literal.content].contains(UInt8(ascii: "%")) || Array(bytes[literal.content]).contains("{0}"),
           !formatsOnlyConstants(bytes, after: literal.end) {
            return "\(call)()"
        }
        var after = bytes.skippingSpaces(from: literal.end)
        guard after < bytes.count else { return nil }
        if line.language == .python || line.language == .ruby, bytes[after] == UInt8(ascii: "%"),
           !bytes.matches("%=", at: after), bytes[literal.content].contains(UInt8(ascii: "%")) {
            return "% formatting"
        }
        if bytes.matches(".format(", at: after) || bytes.matches(".formatted(", at: after) {
            // `.format()` with no argument splices nothing.
            let open = bytes.find("(", from: after)!
            return bytes.matches(")", at: bytes.skippingSpaces(from: open + 1)) ? nil : ".format()"
        }
        if bytes.matches(".concat(", at: after), joinsValue(line, at: bytes.skippingSpaces(from: after + 8)) { return "concat()" }
        if call == "concat", bytes.matches(",", at: after), joinsValue(line, at: bytes.skippingSpaces(from: after + 1)) {
            return "concat()"
        }
        let concatenates = bytes[after] == UInt8(ascii: "+") && !bytes.matches("++", at: after) && !bytes.matches("+=", at: after)
            || line.language == .php && bytes[after] == UInt8(ascii: ".") && !bytes.matches(".=", at: after)
        guard concatenates else { return nil }
        after = bytes.skippingSpaces(from: after + 1)
        return joinsValue(line, at: after) ? "string concatenation" : nil
    }

    /// Whether every argument after a format string (`, transfersTable)`) is a constant or identifier.
    private static func formatsOnlyConstants(_ bytes: [UInt8], after end: Int) -> Bool {
        var index = bytes.skippingSpaces(from: end)
        var arguments = 0
        while index < bytes.count, bytes[index] == UInt8(ascii: ",") {
            index = bytes.skippingSpaces(from: index + 1)
            let name = RuleSupport.qualifiedName(in: bytes, around: index)
            guard name.lowerBound == index, !name.isEmpty, SQLText.isConstantSplice(bytes[name]) else { return false }
            arguments += 1
            index = bytes.skippingSpaces(from: name.upperBound)
        }
        return arguments > 0 && index < bytes.count && bytes[index] == UInt8(ascii: ")")
    }

    /// Whether what is joined at `index` (or, at the end of the line, on the next line) is a value
    /// rather than more literal text or a constant.
    private static func joinsValue(_ line: SourceLine, at index: Int) -> Bool {
        let bytes = line.bytes
        // The value is on the next line when this one ends (or only a comment follows) after the `+`.
        guard index < bytes.count, index < line.layout.commentStart else {
            guard let next = RuleSupport.firstStatement(after: line), let first = next.first else { return false }
            let name = RuleSupport.qualifiedName(in: next, around: 0)
            return !ASCII.isQuote(first) && !SQLText.isConstantSplice(next[name]) && !ASCII.isDigit(first)
        }
        if ASCII.isQuote(bytes[index]) { return false }
        if line.language == .php, bytes[index] == UInt8(ascii: "$") { return true }
        let name = RuleSupport.qualifiedName(in: bytes, around: index + 1)
        return !SQLText.isConstantSplice(bytes[name]) && !ASCII.isDigit(bytes[index])
    }

    /// Whether an interpolated literal is bound safely by what surrounds it: a parameterising
    /// template tag, GRDB's `literal:` label or `SQL(…)`.
    private static func isParameterised(_ literal: LineLayout.Literal, in line: SourceLine) -> Bool {
        let prefix = String(decoding: literal.prefix, as: UTF8.self)
        if literal.quote == UInt8(ascii: "`"), !prefix.isEmpty { return SQLText.parameterisingTags.contains(prefix) }
        return line.language == .swift && SwiftSQL.bindsValues(literal, in: line)
    }

    /// Expected SQL in a test assertion is text to compare, not a query to run.
    private static func isAssertion(_ bytes: [UInt8]) -> Bool {
        let start = bytes.skippingSpaces(from: 0)
        return ["XCTAssert", "assert", "#expect", "expect(", "self.assert"].contains { bytes.matches($0, at: start) }
    }

    private static func interpolationName(_ literal: LineLayout.Literal, _ language: SourceLanguage) -> String {
        switch language {
        case .javascript: "template literal"
        case .python: "f-string"
        case .csharp: "interpolated string"
        case .kotlin: "string template"
        case .php: "variable in string"
        default: "string interpolation"
        }
    }

    // MARK: - Multi-line strings

    /// A line inside a multi-line template (JavaScript, Kotlin) or heredoc (Ruby, PHP) that
    /// starts with an upper-case SQL keyword and splices a value: `WHERE id = ${id}`.
    private static func templateContinuation(_ line: SourceLine) -> LineHit? {
        let bytes = line.bytes
        let start = bytes.skippingSpaces(from: 0)
        let keywords = ["SELECT", "FROM", "WHERE", "AND", "OR", "SET", "VALUES", "JOIN", "ORDER BY", "GROUP BY", "LIMIT",
                        "INSERT", "UPDATE", "DELETE", "HAVING", "ON"]
        guard keywords.contains(where: { bytes.matchesWord($0, at: start) }) else { return nil }
        let opener: String
        switch line.language {
        case .javascript, .kotlin: opener = "${"
        case .ruby: opener = "#{"
        case .php: opener = "$"
        default: return nil
        }
        var from = start
        while let found = bytes.find(opener, from: from) {
            from = found + 1
            if let tick = bytes[start..<found].firstIndex(of: UInt8(ascii: "`")), tick < found { return nil }
            if opener == "$", found + 1 >= bytes.count || !ASCII.isLetter(bytes[found + 1]) { continue }
            var end = found + opener.utf8.count
            while end < bytes.count, bytes[end] != UInt8(ascii: "}"), opener != "$" || ASCII.isWord(bytes[end]) { end += 1 }
            if !SQLText.isConstantSplice(bytes[found..<min(end + 1, bytes.count)]) {
                return LineHit(start, line.language == .javascript ? "template literal" : "string interpolation")
            }
        }
        return nil
    }
}
