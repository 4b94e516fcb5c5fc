/// Reads one line left to right, finding string literals (with their prefixes and spliced
/// expressions) and where comments start; `LineLayout` is its result.
struct LineLayoutScanner {
    let bytes: [UInt8]
    let language: SourceLanguage
    private(set) var literals: [LineLayout.Literal] = []
    private(set) var blockComments: [Range<Int>] = []
    private(set) var commentStart: Int

    /// A scanner for one line of `language`; call `run()`.
    init(bytes: [UInt8], language: SourceLanguage) {
        self.bytes = bytes
        self.language = language
        commentStart = bytes.count
    }

    /// Scans the whole line.
    mutating func run() {
        let first = bytes.skippingSpaces(from: 0)
        if startsWholeLineComment(at: first) {
            commentStart = first
            return
        }
        var index = first
        while index < bytes.count {
            let byte = bytes[index]
            if opensLiteral(at: index) {
                index = readLiteral(at: index)
                continue
            }
            if language.hasSlashComments, byte == UInt8(ascii: "/"), index + 1 < bytes.count {
                if bytes[index + 1] == UInt8(ascii: "/") {
                    commentStart = index
                    return
                }
                if bytes[index + 1] == UInt8(ascii: "*") {
                    guard let close = bytes.find("*/", from: index + 2) else {
                        commentStart = index
                        return
                    }
                    blockComments.append(index..<(close + 2))
                    index = close + 2
                    continue
                }
            }
            if language.hasHashComments, byte == UInt8(ascii: "#"), isHashComment(at: index) {
                commentStart = index
                return
            }
            index += 1
        }
    }

    // MARK: - Comments

    private func startsWholeLineComment(at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        if bytes.matches("<!--", at: index) { return true }
        if language == .conf, bytes[index] == UInt8(ascii: ";") { return true }
        if language.hasSlashComments, bytes[index] == UInt8(ascii: "*") {
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0x20
            return next == 0x20 || next == 0x09 || next == UInt8(ascii: "/") || next == UInt8(ascii: "*")
        }
        return false
    }

    private func isHashComment(at index: Int) -> Bool {
        if language == .php, index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") { return false }
        if language.hashCommentNeedsSpace { return index == 0 || ASCII.isSpace(bytes[index - 1]) }
        return true
    }

    // MARK: - Literals

    private func opensLiteral(at index: Int) -> Bool {
        let byte = bytes[index]
        guard ASCII.isQuote(byte) else { return false }
        if byte == UInt8(ascii: "`") {
            switch language {
            case .javascript, .go, .shell, .ruby, .php, .markup: break
            default: return false
            }
        }
        // In prose-like files a quote glued to a word is an apostrophe: `it's`.
        if language.family != .code, index > 0, ASCII.isWord(bytes[index - 1]) { return false }
        return true
    }

    /// Reads the literal opening at `open` and returns the index after it.
    private mutating func readLiteral(at open: Int) -> Int {
        let quote = bytes[open]
        var prefixStart = open
        while prefixStart > 0, prefixStart > open - 40,
              ASCII.isWord(bytes[prefixStart - 1]) || bytes[prefixStart - 1] == UInt8(ascii: "$")
                || bytes[prefixStart - 1] == UInt8(ascii: "@") {
            prefixStart -= 1
        }
        let prefix = bytes[prefixStart..<open].map(ASCII.lower)
        let width = isTripleQuote(at: open) ? 3 : 1
        // Swift raw strings: `#"…"#` closes only on a quote followed by as many `#`, and takes no escapes.
        var hashes = 0
        while language == .swift, open - hashes > 0, bytes[open - hashes - 1] == UInt8(ascii: "#") { hashes += 1 }
        let rules = InterpolationRules(language: hashes > 0 ? .other : language, quote: quote, prefix: prefix)
        var literal = LineLayout.Literal(prefix: prefix, quote: quote, open: open, content: (open + width)..<bytes.count,
                                         end: bytes.count)
        var index = open + width
        while index < bytes.count {
            let byte = bytes[index]
            if let spliced = rules.interpolation(at: index, in: bytes) {
                literal.interpolations.append(spliced)
                index = max(spliced.upperBound, index + 1)
                continue
            }
            if byte == UInt8(ascii: "\\"), rules.backslashEscapes, hashes == 0 {
                index += 2
                continue
            }
            if byte == quote {
                if rules.doubledQuoteEscapes, index + 1 < bytes.count, bytes[index + 1] == quote {
                    index += 2
                    continue
                }
                let closes = width == 1 || (index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote)
                let after = index + width
                if closes, after + hashes <= bytes.count, bytes[after..<(after + hashes)].allSatisfy({ $0 == UInt8(ascii: "#") }) {
                    literal.content = (open + width)..<index
                    literal.end = after + hashes
                    break
                }
            }
            index += 1
        }
        literals.append(literal)
        return literal.end
    }

    private func isTripleQuote(at index: Int) -> Bool {
        switch language {
        case .python, .kotlin, .swift, .java, .csharp: break
        default: return false
        }
        let quote = bytes[index]
        return index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
    }
}
