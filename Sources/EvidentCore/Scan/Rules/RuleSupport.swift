/// Small pieces of line logic several detectors share: names, word parts, comparisons, and the
/// "lambda returns true" shape of accept-everything callbacks.
enum RuleSupport {
    // MARK: - Names

    /// The range of the qualified name (`a.b::c`, `$x->y`) that contains or ends at `index`.
    static func qualifiedName(in bytes: [UInt8], around index: Int) -> Range<Int> {
        var start = min(index, bytes.count)
        while start > 0, isNameByte(bytes, start - 1) { start -= 1 }
        var end = min(index, bytes.count)
        while end < bytes.count, isNameByte(bytes, end) { end += 1 }
        return start..<end
    }

    private static func isNameByte(_ bytes: [UInt8], _ index: Int) -> Bool {
        let byte = bytes[index]
        if ASCII.isIdentifier(byte) || byte == UInt8(ascii: ".") { return true }
        if byte == UInt8(ascii: ":") {
            return index + 1 < bytes.count && bytes[index + 1] == byte || index > 0 && bytes[index - 1] == byte
        }
        return byte == UInt8(ascii: ">") && index > 0 && bytes[index - 1] == UInt8(ascii: "-")
            || byte == UInt8(ascii: "-") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: ">")
    }

    /// The lower-cased words of `text`, split at non-letters and at camel-case humps:
    /// `expectedHMACSignature` gives `expected`, `hmac`, `signature`.
    static func wordParts(_ text: some Sequence<UInt8>) -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        var previous: UInt8 = 0
        let bytes = Array(text)
        for (index, byte) in bytes.enumerated() {
            guard ASCII.isLetter(byte) || ASCII.isDigit(byte) else {
                if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
                current = []
                previous = byte
                continue
            }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            let hump = ASCII.isUpper(byte) && (!ASCII.isUpper(previous) && ASCII.isLetter(previous)
                || ASCII.isUpper(previous) && ASCII.isLetter(next) && !ASCII.isUpper(next))
            if hump, !current.isEmpty {
                parts.append(String(decoding: current, as: UTF8.self))
                current = []
            }
            current.append(ASCII.lower(byte))
            previous = byte
        }
        if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
        return parts
    }

    // MARK: - Comparisons

    /// Whether the value at `range` is being compared (`== x`, `!= x`, `case x:`) rather than set.
    static func isCompared(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let name = qualifiedName(in: bytes, around: range.lowerBound)
        let before = bytes.skippingSpacesBackward(from: name.lowerBound)
        if before >= 2 {
            let pair = (bytes[before - 2], bytes[before - 1])
            if pair.1 == UInt8(ascii: "="), [UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">")].contains(pair.0) {
                return true
            }
        }
        if before >= 1, bytes[before - 1] == UInt8(ascii: "<") || bytes[before - 1] == UInt8(ascii: ">"),
           before < 2 || bytes[before - 2] != UInt8(ascii: "=") && bytes[before - 2] != UInt8(ascii: "-") {
            return true
        }
        for keyword in ["case", "is", "in", "when"] where before >= keyword.utf8.count
            && bytes.matchesWord(keyword, at: before - keyword.utf8.count) {
            return true
        }
        let after = bytes.skippingSpaces(from: max(name.upperBound, range.upperBound))
        return bytes.matches("==", at: after) || bytes.matches("!=", at: after)
    }

    // MARK: - Accept-everything callbacks

    /// Whether the code after `start` returns `true` unconditionally: `-> true`, `=> true`,
    /// `return true`, or (for a body opened at the end of the line) the next line's `return true`.
    static func returnsTrue(_ line: SourceLine, after start: Int) -> Bool {
        let code = line.layout.code
        for arrow in ["->", "=>", "return"] {
            var from = start
            while let found = code.find(arrow, from: from) {
                let value = code.skippingSpaces(from: found + arrow.utf8.count)
                if code.matchesWord("true", at: value) { return true }
                from = found + 1
            }
        }
        let end = code.skippingSpacesBackward(from: code.count)
        guard end > 0, code[end - 1] == UInt8(ascii: "{") || code[end - 1] == UInt8(ascii: ">") else { return false }
        return firstStatement(after: line).map { $0.matches("return true", at: 0) } ?? false
    }

    /// The next line that is not a comment, trimmed.
    static func firstStatement(after line: SourceLine) -> [UInt8]? {
        line.followingLines(4).first { next in
            !(next.matches("//", at: 0) || next.matches("/*", at: 0) || next.matches("*", at: 0) || next.matches("#", at: 0))
        }
    }

    /// Whether `offset` is code or literal text, that is, not inside a comment.
    static func isUncommented(_ line: SourceLine, _ offset: Int) -> Bool {
        !line.layout.isCommented(offset)
    }
}
