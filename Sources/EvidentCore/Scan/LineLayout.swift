/// Where a line's string literals, their interpolations and its comments are, so detectors can
/// tell code from text. A line is read on its own: a literal opened on an earlier line is unseen.
struct LineLayout {
    /// One string literal on the line.
    struct Literal {
        /// The identifier or prefix glued before the opening quote, lower-cased: `f`, `$`, `@$`, `sql`.
        var prefix: [UInt8]
        var quote: UInt8
        /// Index of the opening quote.
        var open: Int
        /// The bytes between the quotes.
        var content: Range<Int>
        /// Index just after the closing quote (the line's end when unterminated).
        var end: Int
        /// Expressions spliced into the literal (`${x}`, `{x}`, `#{x}`, `\(x)`, `$x`).
        var interpolations: [Range<Int>] = []

        var isInterpolated: Bool { !interpolations.isEmpty }
    }

    let literals: [Literal]
    /// Where a trailing or whole-line comment begins (the line's length when none).
    let commentStart: Int
    /// Block comments opened and closed on the line.
    let blockComments: [Range<Int>]
    /// The line with literal contents (but not interpolations) and comments blanked to spaces.
    let code: [UInt8]
    /// Where each literal and block comment opens, for binary searches.
    private let literalStarts: [Int]
    private let blockCommentStarts: [Int]

    /// Lays out `bytes` as a line of `language`.
    init(_ bytes: [UInt8], language: SourceLanguage) {
        var scanner = LineLayoutScanner(bytes: bytes, language: language)
        scanner.run()
        literals = scanner.literals
        commentStart = scanner.commentStart
        blockComments = scanner.blockComments
        literalStarts = scanner.literals.map(\.open)
        blockCommentStarts = scanner.blockComments.map(\.lowerBound)
        var code = bytes
        for literal in scanner.literals {
            var position = literal.content.lowerBound
            for spliced in literal.interpolations {
                while position < spliced.lowerBound { code[position] = 0x20; position += 1 }
                position = spliced.upperBound
            }
            while position < literal.content.upperBound { code[position] = 0x20; position += 1 }
        }
        for blank in scanner.blockComments { for index in blank { code[index] = 0x20 } }
        for index in scanner.commentStart..<bytes.count { code[index] = 0x20 }
        self.code = code
    }

    /// The literal whose quotes enclose `offset`, if any (a binary search: minified lines hold thousands).
    func literal(at offset: Int) -> Literal? {
        let index = Self.last(in: literalStarts, notAfter: offset)
        guard let index, offset < literals[index].end else { return nil }
        return literals[index]
    }

    /// Whether `offset` is inside a comment: after the comment start or in a closed block comment.
    func isCommented(_ offset: Int) -> Bool {
        if offset >= commentStart { return true }
        guard let index = Self.last(in: blockCommentStarts, notAfter: offset) else { return false }
        return blockComments[index].contains(offset)
    }

    /// The index of the last of the ascending `starts` that is at most `offset`.
    private static func last(in starts: [Int], notAfter offset: Int) -> Int? {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }

    /// Whether `offset` is in code: before any comment and outside literal text (an interpolated
    /// expression counts as code).
    func isCode(_ offset: Int) -> Bool {
        guard !isCommented(offset) else { return false }
        guard let literal = literal(at: offset) else { return true }
        return literal.interpolations.contains { $0.contains(offset) }
    }

    /// Whether the line holds nothing but comments and blanks.
    var isComment: Bool {
        code.allSatisfy { ASCII.isSpace($0) }
    }
}
