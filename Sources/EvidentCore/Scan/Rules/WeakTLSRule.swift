/// `weak-tls-version`: TLS 1.0, TLS 1.1 or SSL allowed or forced: `minVersion: 'TLSv1'`,
/// `'TLSv1_method'`, `ssl.PROTOCOL_TLSv1`, `tls.VersionTLS10`, `SslProtocols.Tls11`,
/// `ssl_protocols TLSv1 TLSv1.1`, `CURL_SSLVERSION_TLSv1_0`, `.TLSv10`, `kTLSProtocol1`, `:TLSv1_1`.
/// Not a finding: TLS 1.2 and later, a version being switched off (`OP_NO_TLSv1`, `-TLSv1`,
/// `no-tlsv10`, `!SSLv3`, `disabledAlgorithms=…`), a version being compared (`== tls.VersionTLS10`),
/// prose in a string (`"TLSv1.1 is deprecated"`) and comments.
enum WeakTLSRule {
    static let anchors = [
        "tlsv1", "sslv3", "sslv2", "versiontls1", "versionssl30", "tls1_version", "tls1_1_version", "ssl3_version",
        "tls_1_0", "tls_1_1", "sslprotocols.", "securityprotocoltype.", "tlsprotocol1", "sslprotocol3",
        "sslprotocol2", "tls-min-v1.", "tls-max-v1.",
    ]

    /// Lines that switch versions off rather than on.
    private static let disabling = ["disable", "deprecat", "denied", "reject", "forbid"]

    /// The first weak version the line allows.
    static func inspect(_ line: SourceLine) -> [LineHit] {
        let bytes = line.bytes
        let first = bytes.skippingSpaces(from: 0)
        guard !["XCTAssert", "assert", "#expect", "expect("].contains(where: { bytes.matches($0, at: first) }),
              !line.layout.isComment, !bytes.containsAny(disabling) else {
            return []
        }
        var index = 0
        while index < bytes.count {
            if let end = weakVersion(in: bytes, at: index), endsName(bytes, at: end), allowed(line, index..<end) {
                return [LineHit(index, bytes.text(index..<end))]
            }
            index += 1
        }
        return []
    }

    // MARK: - Versions

    /// The end of a weak version name starting at `index`, if one does.
    static func weakVersion(in bytes: [UInt8], at index: Int) -> Int? {
        let first = ASCII.lower(bytes[index])
        guard first == UInt8(ascii: "t") || first == UInt8(ascii: "s") || first == UInt8(ascii: "v") else { return nil }
        if bytes.matches("tlsv1", at: index, ignoringCase: true) {
            guard index == 0 || bytes[index - 1] != UInt8(ascii: "D") && bytes[index - 1] != UInt8(ascii: "d") else { return nil }
            return minorVersion(bytes, after: index + 5).flatMap { $0.minor <= 1 ? $0.end : nil }
        }
        for name in ["sslv3", "sslv2", "tlsprotocol1", "sslprotocol3", "sslprotocol2"]
            where bytes.matches(name, at: index, ignoringCase: true) {
            let end = index + name.utf8.count
            if name == "tlsprotocol1" {
                return minorVersion(bytes, after: end).flatMap { $0.minor <= 1 ? $0.end : nil }
            }
            return end < bytes.count && ASCII.isDigit(bytes[end]) ? nil : end
        }
        for name in ["VersionTLS10", "VersionTLS11", "VersionSSL30", "TLS1_VERSION", "TLS1_1_VERSION", "SSL3_VERSION",
                     "TLS_1_0", "TLS_1_1"] where bytes.matches(name, at: index) {
            let end = index + name.utf8.count
            return end < bytes.count && ASCII.isWord(bytes[end]) ? nil : end
        }
        for prefix in ["tls-min-v1.", "tls-max-v1."] where bytes.matches(prefix, at: index) {
            let digit = index + prefix.utf8.count
            guard digit < bytes.count, bytes[digit] == UInt8(ascii: "0") || bytes[digit] == UInt8(ascii: "1") else { return nil }
            return digit + 1
        }
        for (type, weak) in [("SslProtocols.", ["Tls", "Tls11", "Ssl3", "Ssl2", "Default"]),
                             ("SecurityProtocolType.", ["Tls", "Tls11", "Ssl3"])] where bytes.matches(type, at: index) {
            var end = index + type.utf8.count
            let member = end
            while end < bytes.count, ASCII.isWord(bytes[end]) { end += 1 }
            return weak.contains(bytes.text(member..<end)) ? end : nil
        }
        return nil
    }

    /// The minor version after a `TLSv1`-like name: `.1`, `_1`, `1` or nothing (1.0), and where
    /// the name ends; nil when the name goes on into something else.
    private static func minorVersion(_ bytes: [UInt8], after index: Int) -> (minor: Int, end: Int)? {
        func digit(_ at: Int) -> Int? { at < bytes.count && ASCII.isDigit(bytes[at]) ? Int(bytes[at] - 0x30) : nil }
        if let minor = digit(index) {
            return digit(index + 1) == nil ? (minor, index + 1) : nil
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "_"),
           let minor = digit(index + 1) {
            return digit(index + 2) == nil ? (minor, index + 2) : nil
        }
        return (0, index)
    }

    /// Whether a version name ends at `end`, or goes on only into a method or role suffix
    /// (`TLSv1_method`, `TLSv1_1_CLIENT`); `TLSV1_ALERT_INTERNAL_ERROR` is an error name.
    private static func endsName(_ bytes: [UInt8], at end: Int) -> Bool {
        guard end < bytes.count, ASCII.isWord(bytes[end]) else { return true }
        return ["_method", "_client", "_server"].contains { bytes.matches($0, at: end, ignoringCase: true) }
    }

    // MARK: - Context

    /// Whether the version at `range` is being allowed: not switched off, compared, in a comment,
    /// or named in a sentence inside a code string.
    private static func allowed(_ line: SourceLine, _ range: Range<Int>) -> Bool {
        let bytes = line.bytes
        guard RuleSupport.isUncommented(line, range.lowerBound) else { return false }
        let before = range.lowerBound
        // `-TLSv1` and `!SSLv3` switch a version off; `--tlsv1.0` is a command-line flag turning it on.
        if before >= 1, bytes[before - 1] == UInt8(ascii: "!")
            || bytes[before - 1] == UInt8(ascii: "-") && !(before >= 2 && bytes[before - 2] == UInt8(ascii: "-")) {
            return false
        }
        if before >= 3, bytes.matches("no_", at: before - 3, ignoringCase: true) || bytes.matches("no-", at: before - 3, ignoringCase: true) {
            return false
        }
        if RuleSupport.isCompared(bytes, range) { return false }
        let first = bytes.skippingSpaces(from: 0)
        if bytes.matchesWord("case", at: first) || bytes.matchesWord("when", at: first) { return false }
        if line.language.family == .code, let literal = line.layout.literal(at: range.lowerBound),
           bytes[literal.content].contains(UInt8(ascii: " ")) {
            return false
        }
        return true
    }
}
