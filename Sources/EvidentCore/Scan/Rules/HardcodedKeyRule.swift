/// `hardcoded-api-key`: a LiasonPay secret key, restricted key or webhook secret written into a
/// file. Uses the shared `SensitiveData` engine, so scan and `evidence add` agree on what a key is.
/// Keys count in comments too: a key in a comment has leaked all the same. Card numbers are not
/// this detector's business.
enum HardcodedKeyRule {
    static let anchors = ["sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_"]

    /// Every key on the line, each reported by its masked form.
    static func inspect(_ line: SourceLine) -> [LineHit] {
        let bytes = line.bytes
        let matches = bytes.withUnsafeBufferPointer { SensitiveData.find(in: $0) }
        return matches.compactMap { match in
            guard match.kind != .cardNumber else { return nil }
            let start = match.range.lowerBound
            // Part of a longer name (`disk_test_…`), not a key of its own.
            if start > 0, ASCII.isWord(bytes[start - 1]) { return nil }
            guard !isPlaceholder(bytes[match.range]) else { return nil }
            let isTestKey = bytes.matches("sk_test_", at: start) || bytes.matches("rk_test_", at: start)
            // A test-mode key in a test or fixture file moves no money: reported, below live keys.
            guard isTestKey, isTestFile(line.path) else { return LineHit(start, match.masked) }
            return LineHit(start, match.masked + ", test key in a test file", severity: .low)
        }
    }

    /// Whether `path` is a test, spec or fixture file by its folders or name.
    static func isTestFile(_ path: String) -> Bool {
        let parts = path.lowercased().split(separator: "/")
        let folders: Set<String> = ["test", "tests", "spec", "specs", "__tests__", "fixtures", "testdata", "__fixtures__", "e2e"]
        if parts.dropLast().contains(where: { folders.contains(String($0)) }) { return true }
        let name = String(parts.last ?? "")
        return [".test.", ".spec.", "_test.", "_spec.", "test_", "tests.", "fixture"].contains { name.contains($0) }
    }

    /// Whether the key's body is a documentation placeholder: one character repeated
    /// (`sk_test_xxxxxxxxxxxxxxxx`, `whsec_0000000000000000`).
    static func isPlaceholder(_ key: ArraySlice<UInt8>) -> Bool {
        guard let underscore = key.lastIndex(of: UInt8(ascii: "_")) else { return false }
        let body = key[(underscore + 1)...]
        guard let first = body.first else { return true }
        return body.allSatisfy { ASCII.lower($0) == ASCII.lower(first) }
    }
}
