/// One side of a comparison in a line of code, read outward from the operator: an expression
/// such as `req.headers['x-signature']`, `hmac.digest('hex')`, `$sig` or `'sha256'`.
struct Operand {
    /// The operand's bytes in the line.
    let range: Range<Int>
    /// Whether it is a constant: a string or number literal, `null`, `nil`, `None`, `true`…
    let isConstant: Bool
    /// The lower-cased words of the operand, string contents included (`x-signature` gives `x`, `signature`).
    let words: [String]
    /// Whether it is an element of a collection (`a[i]`).
    let isSubscript: Bool

    private static let constants: Set<String> = [
        "null", "nil", "none", "undefined", "true", "false", "nullptr", "nan", "empty", "void",
    ]

    /// Makes an operand from `range` of `line`.
    init(_ range: Range<Int>, in line: SourceLine) {
        let bytes = line.bytes
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, ASCII.isSpace(bytes[start]) || bytes[start] == UInt8(ascii: "!") { start += 1 }
        while end > start, ASCII.isSpace(bytes[end - 1]) { end -= 1 }
        let trimmed = bytes[start..<end]
        self.range = range
        words = RuleSupport.wordParts(trimmed)
        isSubscript = end > start && bytes[end - 1] == UInt8(ascii: "]")
        let wholeLiteral = end > start && line.layout.literal(at: end - 1).map { $0.open - $0.prefix.count == start && $0.end == end } == true
        // `.visitChildren`, `.none`: a Swift enum case is a constant.
        let enumCase = trimmed.first == UInt8(ascii: ".") && trimmed.dropFirst().allSatisfy(ASCII.isWord)
        let number = !trimmed.isEmpty && trimmed.allSatisfy { ASCII.isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
        isConstant = wholeLiteral || number || enumCase
            || words.count == 1 && Self.constants.contains(words[0]) && trimmed.count == words[0].utf8.count
    }

    // MARK: - Reading outward from an operator

    /// The operand that ends just before `index`.
    static func left(of index: Int, in line: SourceLine) -> Operand {
        let code = line.layout.code
        var start = code.skippingSpacesBackward(from: index)
        let end = start
        while start > 0 {
            let byte = code[start - 1]
            if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") {
                start = matchingOpen(code, closeAt: start - 1)
                continue
            }
            if ASCII.isQuote(byte), let literal = line.layout.literal(at: start - 1), literal.end == start {
                start = literal.open - literal.prefix.count
                continue
            }
            guard ASCII.isIdentifier(byte) || ".?!:>-".utf8.contains(byte) else { break }
            if byte == UInt8(ascii: ">") && !(start >= 2 && code[start - 2] == UInt8(ascii: "-")) { break }
            if byte == UInt8(ascii: "-") && !(start < code.count && code[start] == UInt8(ascii: ">")) { break }
            if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?"), start >= 2, ASCII.isSpace(code[start - 2]) { break }
            start -= 1
        }
        return Operand(start..<end, in: line)
    }

    /// The operand that starts just after `index`.
    static func right(of index: Int, in line: SourceLine) -> Operand {
        let code = line.layout.code
        var end = code.skippingSpaces(from: index)
        let start = end
        while end < code.count, code[end] == UInt8(ascii: "!") || code[end] == UInt8(ascii: "-") { end += 1 }
        while end < code.count {
            let byte = code[end]
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") {
                end = matchingClose(code, openAt: end)
                continue
            }
            if ASCII.isQuote(byte), let literal = line.layout.literal(at: end), literal.open == end {
                end = literal.end
                continue
            }
            guard ASCII.isIdentifier(byte) || ".?:".utf8.contains(byte) || code.matches("->", at: end) else { break }
            if byte == UInt8(ascii: "?"), end + 1 < code.count, code[end + 1] != UInt8(ascii: ".") { break }
            if byte == UInt8(ascii: ":"), !code.matches("::", at: end) && !code.matches("::", at: end - 1) { break }
            end += code.matches("->", at: end) ? 2 : 1
        }
        return Operand(start..<end, in: line)
    }

    private static func matchingOpen(_ code: [UInt8], closeAt index: Int) -> Int {
        var depth = 0
        var position = index
        while position >= 0 {
            if code[position] == UInt8(ascii: ")") || code[position] == UInt8(ascii: "]") { depth += 1 }
            if code[position] == UInt8(ascii: "(") || code[position] == UInt8(ascii: "[") {
                depth -= 1
                if depth == 0 { return position }
            }
            position -= 1
        }
        return 0
    }

    private static func matchingClose(_ code: [UInt8], openAt index: Int) -> Int {
        var depth = 0
        var position = index
        while position < code.count {
            if code[position] == UInt8(ascii: "(") || code[position] == UInt8(ascii: "[") { depth += 1 }
            if code[position] == UInt8(ascii: ")") || code[position] == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return position + 1 }
            }
            position += 1
        }
        return code.count
    }
}
