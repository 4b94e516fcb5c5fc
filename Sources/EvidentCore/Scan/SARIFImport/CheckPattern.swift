/// One entry of an item's `checks`: an Evident detector id (`sql-string-interpolation`), or
/// another scanner's rule as `TOOL:RULE-ID` with `*` wildcards (`semgrep:*sql-injection*`,
/// `codeql:js/sql-injection`, `gitleaks:*`). Tool and rule match ignoring case; an Evident
/// detector id is the same as `evident:ID`.
public struct CheckPattern: Sendable, Equatable {
    public let tool: String
    public let rule: String

    /// Parses a `checks` entry; nil when it is neither a detector id nor a well-formed pattern.
    public init?(_ text: String) {
        if let detector = DetectorID(rawValue: text) {
            tool = "evident"
            rule = detector.rawValue
            return
        }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let tool = text[..<colon].lowercased()
        let rule = text[text.index(after: colon)...].lowercased()
        guard !tool.isEmpty, !rule.isEmpty,
              tool.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.*".contains($0)) }),
              rule.allSatisfy({ !$0.isWhitespace && $0 != "\u{0}" }), rule.count <= 200 else { return nil }
        self.tool = tool
        self.rule = rule
    }

    /// Whether `text` is a well-formed `checks` entry.
    public static func isValid(_ text: String) -> Bool { CheckPattern(text) != nil }

    /// Whether the pattern names rule `rule` of tool `tool` (both as the SARIF file spells them).
    public func matches(tool: String, rule: String) -> Bool {
        Self.wildcard(self.tool, matches: tool.lowercased()) && Self.wildcard(self.rule, matches: rule.lowercased())
    }

    /// Whether the pattern names tool `tool` at all.
    public func names(tool: String) -> Bool { Self.wildcard(self.tool, matches: tool.lowercased()) }

    /// `*` matches any run of characters, everything else itself (iterative, no backtracking blow-up).
    static func wildcard(_ pattern: String, matches text: String) -> Bool {
        let pattern = Array(pattern.utf8)
        let text = Array(text.utf8)
        var p = 0, t = 0, star = -1, mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] != UInt8(ascii: "*"), pattern[p] == text[t] {
                p += 1; t += 1
            } else if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                star = p; mark = t; p += 1
            } else if star >= 0 {
                p = star + 1; mark += 1; t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
