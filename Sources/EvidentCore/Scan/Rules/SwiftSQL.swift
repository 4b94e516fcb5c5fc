/// Whether an interpolated Swift string holding SQL binds its values. Swift database libraries
/// turn string literals into query types whose interpolations become bound parameters (GRDB's
/// `SQL` and `SQLRequest`, `literal:`; PostgresNIO's `PostgresQuery`; SQLKit's `\(bind:)` and
/// `\(ident:)`), so only a plain `String` is a finding: one passed with a `sql:` label, to a call
/// that runs text (`run`, `exec`, `execute`, `sqlite3_exec`), or built in a `String` variable — or
/// any splice the library itself calls unsafe (`\(unsafeRaw:)`, `\(unescaped:)`).
enum SwiftSQL {
    /// Calls that run a plain `String` of SQL.
    static let textCalls: Set<String> = ["run", "prepare", "exec", "execute", "sqlite3_exec", "sqlite3_prepare_v2"]

    /// Whether the library receiving `literal` binds its interpolations (true), or it is plain text (false).
    static func bindsValues(_ literal: LineLayout.Literal, in line: SourceLine) -> Bool {
        let bytes = line.bytes
        let labels = literal.interpolations.map { label(of: $0, in: bytes) }
        if labels.contains(where: { ($0 ?? "").lowercased().contains("unsafe") || $0 == "unescaped" || $0 == "raw" }) {
            return false
        }
        if labels.allSatisfy({ $0 != nil }) { return true }
        let before = bytes.skippingSpacesBackward(from: literal.open)
        if bytes.matches("literal:", at: before - 8) || bytes.matches("as SQL", at: bytes.skippingSpaces(from: literal.end)) {
            return true
        }
        if bytes.matches("sql:", at: before - 4) || bytes.matches("SQL:", at: before - 4) { return false }
        if let call = SQLText.callName(before: literal.open, in: bytes, language: .swift), textCalls.contains(call) {
            return false
        }
        // SQLite's C calls take the SQL after the connection: `sqlite3_exec(db, "…\(id)", nil, nil, nil)`.
        if let sqlite = bytes.find("sqlite3_"), sqlite < literal.open { return false }
        guard before > 0, bytes[before - 1] == UInt8(ascii: "=") else { return true }
        return !isPlainStringVariable(bytes, assignedAt: before - 1)
    }

    /// The label of a splice (`bind` for `\(bind: x)`), or nil for a plain one.
    private static func label(of splice: Range<Int>, in bytes: [UInt8]) -> String? {
        var index = bytes.skippingSpaces(from: splice.lowerBound + 2)
        let start = index
        while index < splice.upperBound, ASCII.isWord(bytes[index]) { index += 1 }
        guard index > start, bytes.matches(":", at: index), !bytes.matches("::", at: index) else { return nil }
        return bytes.text(start..<index)
    }

    /// Whether the `=` at `index` assigns to a `String` (declared without a type, `: String`, or
    /// appended to with `+=`) rather than to a declared query type.
    private static func isPlainStringVariable(_ bytes: [UInt8], assignedAt index: Int) -> Bool {
        if index > 0, bytes[index - 1] == UInt8(ascii: "+") { return true }
        guard let declaration = bytes.findWord("let", to: index) ?? bytes.findWord("var", to: index) else { return true }
        guard let colon = bytes.find(":", from: declaration, to: index) else { return true }
        let type = bytes.skippingSpaces(from: colon + 1)
        return bytes.matchesWord("String", at: type) || bytes.matchesWord("Swift.String", at: type)
    }
}
