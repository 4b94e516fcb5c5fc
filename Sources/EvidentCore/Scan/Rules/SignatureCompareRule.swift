/// `webhook-signature-unsafe-compare`: a signature, HMAC or digest compared with an operator or
/// method that stops at the first differing byte (`==`, `===`, `!=`, `!==`, `.equals(`,
/// `strcmp`, `bytes.Equal`, `Arrays.equals`, `SequenceEqual`, `Buffer.compare`) instead of a
/// constant-time compare (`crypto.timingSafeEqual`, `hmac.compare_digest`, `hmac.Equal`,
/// `MessageDigest.isEqual`, `hash_equals`, `secure_compare`, `FixedTimeEquals`).
///
/// Only files that mention HMAC or webhooks are read. An operand counts as a signature when a
/// word of it is `signature`, `sig` or `hmac` — or `digest`, `hexdigest` or `mac` in a file that
/// mentions HMAC. Not a finding: either side
/// a constant (`sig == null`, `typeof sig !== 'string'`), a length, type, algorithm, version or
/// name being compared (`sig.length !== expected.length`), element-by-element loops
/// (`a[i] != b[i]`), `==` implementations, assertions in tests, and comments.
enum SignatureCompareRule {
    static let anchors = ["sig", "hmac", "digest", "mac"]

    private static let strongWords: Set<String> = ["signature", "signatures", "sig", "sigs", "hmac"]
    private static let weakWords: Set<String> = ["digest", "hexdigest", "mac"]
    /// Words that show a property of the signature, not the signature, is compared.
    private static let propertyWords: Set<String> = [
        "length", "len", "size", "count", "type", "typeof", "algorithm", "algorithms", "algo", "alg", "version",
        "scheme", "prefix", "method", "kind", "name", "id", "format", "encoding", "status",
        "address", "addr", "enabled", "valid", "isvalid", "present",
    ]
    private static let infixOperators = ["===", "!==", "==", "!="]
    /// Methods comparing their receiver with their argument.
    private static let methods = [".equals(", ".Equals(", ".SequenceEqual(", ".contentEquals(", ".eql?("]
    /// Functions comparing their first two arguments.
    private static let functions = [
        "string.Equals(", "String.Equals(", "Objects.equals(", "strcmp(", "strcasecmp(", "strncmp(", "bytes.Equal(",
        "Arrays.equals(", "Buffer.compare(", "reflect.DeepEqual(",
    ]

    /// The first unsafe signature comparison on the line.
    static func inspect(_ line: SourceLine) -> [LineHit] {
        guard comparesAnything(line.bytes), line.fileMentions("hmac") || line.fileMentions("webhook"),
              !line.layout.isComment, !isAssertion(line.bytes), !definesEquality(line.bytes) else { return [] }
        let code = line.layout.code
        var index = 0
        while index < code.count - 1 {
            guard let symbol = infixOperators.first(where: { code.matches($0, at: index) }) else {
                index += 1
                continue
            }
            defer { index += symbol.utf8.count }
            if index > 0, "=!<>".utf8.contains(code[index - 1]) { continue }
            let end = index + symbol.utf8.count
            if end < code.count, code[end] == UInt8(ascii: "=") || code[end] == UInt8(ascii: ">") { continue }
            if unsafe(Operand.left(of: index, in: line), Operand.right(of: end, in: line), line) {
                return [LineHit(index, symbol)]
            }
        }
        for function in functions {
            guard let found = code.find(function), found == 0 || !ASCII.isWord(code[found - 1]) else { continue }
            let (first, second) = arguments(after: found + function.utf8.count - 1, in: line)
            if let second, unsafe(first, second, line) { return [LineHit(found, String(function.dropLast()) + "()")] }
        }
        for method in methods {
            var from = 0
            while let found = code.find(method, from: from) {
                from = found + 1
                let receiver = Operand.left(of: found, in: line)
                guard !["string", "objects", "arrays"].contains(receiver.words.joined()) else { continue }
                let (argument, _) = arguments(after: found + method.utf8.count - 1, in: line)
                if unsafe(receiver, argument, line) { return [LineHit(found, String(method.dropLast()) + "()")] }
            }
        }
        return []
    }

    // MARK: - Judging operands

    private static func unsafe(_ left: Operand, _ right: Operand, _ line: SourceLine) -> Bool {
        guard !left.isConstant, !right.isConstant, !(left.isSubscript && right.isSubscript) else { return false }
        let words = left.words + right.words
        guard !words.contains(where: propertyWords.contains) else { return false }
        // `lhs.signature == rhs.signature`: an equality implementation, not a verification.
        guard ![left.words.first, right.words.first].contains(where: { ["lhs", "rhs", "other", "that"].contains($0 ?? "") }) else {
            return false
        }
        if words.contains(where: strongWords.contains) { return true }
        if isHMACVariable(left, line) || isHMACVariable(right, line) { return true }
        return words.contains(where: weakWords.contains) && line.fileMentions("hmac")
    }

    /// Whether the operand is a bare variable the file assigned an HMAC to (`computed`, `$expected`, `want`).
    private static func isHMACVariable(_ operand: Operand, _ line: SourceLine) -> Bool {
        let names = line.hmacNames
        guard !names.isEmpty else { return false }
        let text = Array(line.bytes[operand.range]).trimmingAround { ASCII.isSpace($0) || "$!(".utf8.contains($0) }
        guard !text.isEmpty, text.allSatisfy(ASCII.isWord) else { return false }
        return names.contains(String(decoding: text, as: UTF8.self))
    }

    /// Operator and `equals` definitions compare values generically, not to authenticate.
    private static func definesEquality(_ bytes: [UInt8]) -> Bool {
        ["func ==", "func !=", "operator==", "operator ==", "__eq__", "boolean equals(", "bool Equals(", "fun equals("]
            .contains { bytes.contains($0) }
    }

    /// The first two arguments of the call whose `(` is at `open`.
    private static func arguments(after open: Int, in line: SourceLine) -> (Operand, Operand?) {
        let first = Operand.right(of: open + 1, in: line)
        let comma = line.layout.code.skippingSpaces(from: first.range.upperBound)
        guard comma < line.bytes.count, line.bytes[comma] == UInt8(ascii: ",") else { return (first, nil) }
        return (first, Operand.right(of: comma + 1, in: line))
    }

    /// Whether the raw line holds a comparison at all, before it is laid out.
    private static func comparesAnything(_ bytes: [UInt8]) -> Bool {
        bytes.containsAny(["==", "!=", "qual", "cmp(", "compare(", "eql?"])
    }

    /// Test assertions compare signatures to check them, not to authenticate anyone.
    private static func isAssertion(_ bytes: [UInt8]) -> Bool {
        let start = bytes.skippingSpaces(from: 0)
        return ["assert", "XCTAssert", "#expect", "#require", "expect(", "expect ", "should", "require."].contains {
            bytes.matches($0, at: start)
        }
    }
}
