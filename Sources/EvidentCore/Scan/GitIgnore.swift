/// The patterns of one `.gitignore` file, with git's rules: blank lines and `#` comments ignored,
/// trailing spaces dropped unless escaped, `!` re-includes, a trailing `/` matches folders only,
/// a `/` at the start or in the middle anchors the pattern to the file's folder (otherwise it
/// matches a name at any depth), and the last matching pattern decides.
public struct GitIgnore: Sendable {
    /// One pattern line.
    struct Pattern: Sendable {
        let glob: [UInt8]
        let negated: Bool
        let directoryOnly: Bool
        /// Matched against the whole relative path rather than the last name.
        let anchored: Bool
        /// The glob when it has no special characters: compared directly.
        let literal: [UInt8]?
    }

    let patterns: [Pattern]

    /// Parses the text of a `.gitignore` file.
    public init(_ text: String) {
        var patterns: [Pattern] = []
        // Split on bytes: as Characters, "\r\n" is one and would not split on "\n".
        for raw in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var line = Array(raw)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            while line.last == UInt8(ascii: " "), !(line.count >= 2 && line[line.count - 2] == UInt8(ascii: "\\")) {
                line.removeLast()
            }
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            let negated = first == UInt8(ascii: "!")
            if negated { line.removeFirst() }
            let directoryOnly = line.last == UInt8(ascii: "/")
            if directoryOnly { line.removeLast() }
            let anchored = line.contains(UInt8(ascii: "/"))
            if line.first == UInt8(ascii: "/") { line.removeFirst() }
            guard !line.isEmpty else { continue }
            let special = line.contains { "*?[\\".utf8.contains($0) }
            patterns.append(Pattern(glob: line, negated: negated, directoryOnly: directoryOnly, anchored: anchored,
                                    literal: special ? nil : line))
        }
        self.patterns = patterns
    }

    /// Whether `path` (relative to this file's folder, `/`-separated) is ignored (`true`),
    /// re-included (`false`), or not mentioned at all (`nil`).
    public func verdict(for path: String, isDirectory: Bool) -> Bool? {
        let bytes = Array(path.utf8)
        let nameStart = (bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        let name = Array(bytes[nameStart...])
        for pattern in patterns.reversed() {
            if pattern.directoryOnly, !isDirectory { continue }
            let subject = pattern.anchored ? bytes : name
            let matched = pattern.literal.map { $0 == subject } ?? Wildmatch.matches(pattern.glob, subject)
            if matched { return !pattern.negated }
        }
        return nil
    }
}

/// The `.gitignore` files that apply in one folder of a walk: its own and its ancestors', deepest last.
struct IgnoreRules: Sendable {
    private var levels: [(base: String, rules: GitIgnore)] = []

    /// The rules with `rules` (from the folder `base`, relative to the root, `""` for the root) added.
    func adding(_ rules: GitIgnore, base: String) -> IgnoreRules {
        var copy = self
        copy.levels.append((base, rules))
        return copy
    }

    /// Whether `path` (relative to the root) is ignored; the deepest file that mentions it decides.
    func ignores(_ path: String, isDirectory: Bool) -> Bool {
        for level in levels.reversed() {
            let relative = level.base.isEmpty ? path : String(path.dropFirst(level.base.count + 1))
            if let verdict = level.rules.verdict(for: relative, isDirectory: isDirectory) { return verdict }
        }
        return false
    }
}
