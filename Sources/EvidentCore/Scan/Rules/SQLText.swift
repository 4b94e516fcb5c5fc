/// What SQL looks like inside a string literal, and which calls take SQL text: the vocabulary of
/// `sql-string-interpolation`.
enum SQLText {
    /// Calls whose first argument is SQL text, whatever it looks like.
    static let sqlSinks: Set<String> = [
        "whereraw", "orwhereraw", "havingraw", "orderbyraw", "selectraw", "groupbyraw", "find_by_sql",
        "exec_query", "select_all", "select_one", "select_value", "select_values", "executequery", "executeupdate",
        "executelargeupdate", "addbatch", "preparestatement", "preparecall", "rawquery", "execsql", "createnativequery",
        "createquery", "createsqlquery", "fromsqlraw", "executesqlraw", "executesqlcommand", "sqlcommand",
        "mysqli_query", "mysql_query", "pg_query", "queryrow", "querycontext", "execcontext", "queryrowcontext",
        "queryrawunsafe", "executerawunsafe", "where", "literal",
    ]
    /// Ruby query methods that take SQL fragments.
    static let rubySinks: Set<String> = ["order", "group", "having", "joins", "pluck", "select", "from", "reorder"]
    /// Calls that take SQL text but are also used for other things: the literal must mention SQL.
    static let genericSinks: Set<String> = [
        "query", "execute", "exec", "executescript", "run", "all", "get", "prepare", "raw",
    ]
    /// Calls that turn an interpolated string into a parameterised query (EF Core, GRDB, Prisma).
    static let parameterisingCalls: Set<String> = [
        "fromsqlinterpolated", "executesqlinterpolated", "fromsql", "sqlquery", "executesql", "sql", "sqlrequest",
        "sqlliteral",
    ]
    /// Calls that print or log text: SQL in them is a message, not a query.
    static let loggingCalls: Set<String> = [
        "log", "info", "debug", "warn", "warning", "error", "trace", "fatal", "critical", "exception", "notice",
        "verbose", "print", "println", "printf", "puts", "p", "pp", "writeline", "write", "logdebug",
        "loginformation", "logwarning", "logerror", "logtrace", "logcritical", "error_log", "tracef", "debugf",
        "infof", "warnf", "errorf", "fatalf", "logf",
    ]
    /// Pieces appended to a query on their own line start with a clause: `" AND status = '"`,
    /// `' ORDER BY '`. The prefilter needs them because the line names no statement.
    static let appendedClauseAnchors: [String] = ["\"", "'", "`"].flatMap { quote in
        [" and ", " or ", " order by", " group by", " limit ", " set ", " where "].map { quote + $0 }
    }

    /// Template tags that bind their interpolations as parameters.
    static let parameterisingTags: Set<String> = ["sql", "$queryraw", "$executeraw", "sqlfragment"]

    private static let statementStarts = ["select", "insert", "update", "delete", "replace", "merge"]
    private static let clauseStarts = [
        "WHERE", "VALUES", "FROM", "LIMIT", "OFFSET", "ORDER BY", "GROUP BY", "HAVING", "JOIN", "LEFT JOIN",
        "RIGHT JOIN", "INNER JOIN", "OUTER JOIN", "INTO",
    ]
    private static let weakClauseStarts = ["AND", "OR", "ON", "SET", "IN", "NOT"]

    /// Whether literal text reads as SQL: a statement (`SELECT … FROM`, `INSERT INTO`,
    /// `UPDATE t SET`, `DELETE FROM`, any upper-case `SELECT `…) or a clause continuing one
    /// (`" WHERE id = "`, `" ORDER BY "`), or holds an upper-case `WHERE`.
    static func isSQL(_ text: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(text)
        let start = bytes.skippingSpaces(from: 0)
        for keyword in statementStarts where bytes.matchesWord(keyword, at: start, ignoringCase: true) {
            let word = bytes[start..<(start + keyword.utf8.count)]
            let upper = word.allSatisfy(ASCII.isUpper)
            guard upper || word.allSatisfy({ !ASCII.isUpper($0) }) else { return false }
            if upper { return true }
            let rest = start + keyword.utf8.count
            switch keyword {
            case "select": return bytes.findWord("from", from: rest) != nil
            case "update": return bytes.findWord("set", from: rest) != nil
            case "insert", "replace", "merge": return bytes.findWord("into", from: rest) != nil
            default: return bytes.findWord("from", from: rest) == bytes.skippingSpaces(from: rest)
            }
        }
        if clauseStarts.contains(where: { bytes.matchesWord($0, at: start) }) { return true }
        if weakClauseStarts.contains(where: { bytes.matchesWord($0, at: start) }) {
            return bytes.contains(where: { "=<>'".utf8.contains($0) }) || bytes.findWord("LIKE") != nil
        }
        return bytes.findWord("WHERE") != nil && bytes.findWord("SELECT") != nil
            || bytes.findWord("WHERE") != nil && bytes.contains(where: { "=<>".utf8.contains($0) })
    }

    /// Whether `text` mentions an SQL keyword at all (for calls like `query(` that are not only SQL).
    static func mentionsSQL(_ text: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(text)
        return ["select", "insert", "update", "delete", "where", "from", "values", "into", "join", "create", "drop",
                "alter"].contains { bytes.findWord($0, ignoringCase: true) != nil }
    }

    /// The name of the call whose argument list the byte at `index` opens or continues, lower-cased:
    /// `db.query(` gives `query`, `$pdo->query(` gives `query`; Ruby's `where "…"` gives `where`.
    static func callName(before index: Int, in bytes: [UInt8], language: SourceLanguage) -> String? {
        var end = bytes.skippingSpacesBackward(from: index)
        if end > 0, bytes[end - 1] == UInt8(ascii: "(") {
            end = bytes.skippingSpacesBackward(from: end - 1)
        } else if language != .ruby || end == index {
            return nil
        }
        if end > 0, bytes[end - 1] == UInt8(ascii: ">"), let open = bytes[..<end].lastIndex(of: UInt8(ascii: "<")) {
            end = open  // a generic call: `SqlQuery<Blog>(`
        }
        var start = end
        while start > 0, ASCII.isWord(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: "$") { start -= 1 }
        guard start < end else { return nil }
        return String(decoding: bytes[start..<end].map(ASCII.lower), as: UTF8.self)
    }

    /// Whether the literal at `index` is the value of Rails' `:conditions =>` or `conditions:` option.
    static func isConditionsOption(before index: Int, in bytes: [UInt8]) -> Bool {
        let end = bytes.skippingSpacesBackward(from: index)
        return [":conditions =>", ":conditions=>", "conditions:"].contains { suffix in
            let count = suffix.utf8.count
            return end >= count && bytes.matches(suffix, at: end - count)
        }
    }

    /// Whether a spliced expression is a constant or a placeholder list, not a value:
    /// `${TABLE}`, `{USERS_TABLE}`, `${ids.map(() => '?').join(',')}`, `${placeholders}`.
    static func isConstantSplice(_ expression: ArraySlice<UInt8>) -> Bool {
        let inner = Array(expression).trimmingAround { "${}#\\() \t".utf8.contains($0) }
        if inner.contains(UInt8(ascii: "?")) || inner.contains("placeholder", ignoringCase: true) { return true }
        // A spliced literal (`\(42)`, `${'users'}`) is fixed text.
        if !inner.isEmpty, inner.allSatisfy(ASCII.isDigit) || ASCII.isQuote(inner[0]) && inner.last == inner[0] { return true }
        let isName = inner.allSatisfy { ASCII.isUpper($0) || ASCII.isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
        if !inner.isEmpty && isName && inner.contains(where: ASCII.isUpper) { return true }
        // A table, column or schema name (`transfersTable`, `$wpdb->prefix`) is an identifier, not a value.
        let isIdentifier = !inner.isEmpty && inner.allSatisfy { ASCII.isWord($0) || "$.->".utf8.contains($0) }
        let last = RuleSupport.wordParts(inner).last ?? ""
        return isIdentifier && ["table", "tables", "column", "columns", "schema", "prefix", "tablename"].contains(last)
    }
}
