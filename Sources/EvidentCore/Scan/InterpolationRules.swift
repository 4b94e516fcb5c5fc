/// How one kind of string literal splices expressions in and escapes its quote: JavaScript
/// template literals, Python f-strings, C# `$"…"`, Ruby and Kotlin and PHP double quotes, Swift.
struct InterpolationRules {
    /// The ways an expression can be spliced into a literal.
    private enum Style {
        case none
        /// `${expr}` (JavaScript templates).
        case dollarBrace
        /// `{expr}` with `{{` as a literal brace (Python f-strings, C# `$"…"`).
        case brace
        /// `#{expr}` (Ruby).
        case hashBrace
        /// `${expr}` or `$name` (Kotlin).
        case kotlin
        /// `$name`, `$name->field`, `{$expr}` (PHP).
        case php
        /// `\(expr)` (Swift).
        case swift
    }

    private let style: Style
    /// Whether a backslash escapes the next byte.
    let backslashEscapes: Bool
    /// Whether a doubled quote stands for one quote (C# verbatim strings).
    let doubledQuoteEscapes: Bool

    /// The rules for a literal of `language` opened by `quote` after `prefix` (lower case).
    init(language: SourceLanguage, quote: UInt8, prefix: [UInt8]) {
        let doubleQuote = quote == UInt8(ascii: "\"")
        let backtick = quote == UInt8(ascii: "`")
        let verbatim = language == .csharp && prefix.contains(UInt8(ascii: "@"))
        switch language {
        case .javascript: style = backtick ? .dollarBrace : .none
        case .python: style = prefix.contains(UInt8(ascii: "f")) && prefix.count <= 3 ? .brace : .none
        case .csharp: style = prefix.contains(UInt8(ascii: "$")) ? .brace : .none
        case .ruby: style = doubleQuote || backtick ? .hashBrace : .none
        case .kotlin: style = doubleQuote ? .kotlin : .none
        case .php: style = doubleQuote || backtick ? .php : .none
        case .swift: style = doubleQuote ? .swift : .none
        default: style = .none
        }
        backslashEscapes = !verbatim && !(language == .go && backtick)
            && !(language == .shell && quote == UInt8(ascii: "'"))
        doubledQuoteEscapes = verbatim
    }

    /// The spliced expression starting at `index` (its full extent, opener included), if one does.
    func interpolation(at index: Int, in bytes: [UInt8]) -> Range<Int>? {
        let byte = bytes[index]
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        switch style {
        case .none:
            return nil
        case .dollarBrace:
            guard byte == UInt8(ascii: "$"), next == UInt8(ascii: "{") else { return nil }
            return index..<Self.close(from: index + 2, open: UInt8(ascii: "{"), in: bytes)
        case .brace:
            guard byte == UInt8(ascii: "{") else { return nil }
            if next == UInt8(ascii: "{") { return nil }
            return index..<Self.close(from: index + 1, open: UInt8(ascii: "{"), in: bytes)
        case .hashBrace:
            guard byte == UInt8(ascii: "#"), next == UInt8(ascii: "{") else { return nil }
            return index..<Self.close(from: index + 2, open: UInt8(ascii: "{"), in: bytes)
        case .swift:
            guard byte == UInt8(ascii: "\\"), next == UInt8(ascii: "(") else { return nil }
            return index..<Self.close(from: index + 2, open: UInt8(ascii: "("), in: bytes)
        case .kotlin, .php:
            if style == .php, byte == UInt8(ascii: "{"), next == UInt8(ascii: "$") {
                return index..<Self.close(from: index + 1, open: UInt8(ascii: "{"), in: bytes)
            }
            guard byte == UInt8(ascii: "$") else { return nil }
            if style == .kotlin, next == UInt8(ascii: "{") {
                return index..<Self.close(from: index + 2, open: UInt8(ascii: "{"), in: bytes)
            }
            guard ASCII.isLetter(next) || next == UInt8(ascii: "_") else { return nil }
            var end = index + 1
            while end < bytes.count, ASCII.isWord(bytes[end]) { end += 1 }
            if style == .php, bytes.matches("->", at: end), end + 2 < bytes.count, ASCII.isLetter(bytes[end + 2]) {
                end += 2
                while end < bytes.count, ASCII.isWord(bytes[end]) { end += 1 }
            }
            return index..<end
        }
    }

    /// The index after the bracket closing the one opened just before `start`; quotes inside are
    /// skipped whole. The line's end when it never closes.
    private static func close(from start: Int, open: UInt8, in bytes: [UInt8]) -> Int {
        let closer: UInt8 = open == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "}")
        var depth = 1
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if ASCII.isQuote(byte) {
                var inner = index + 1
                while inner < bytes.count, bytes[inner] != byte {
                    inner += bytes[inner] == UInt8(ascii: "\\") ? 2 : 1
                }
                index = inner + 1
                continue
            }
            if byte == open { depth += 1 }
            if byte == closer {
                depth -= 1
                if depth == 0 { return index + 1 }
            }
            index += 1
        }
        return bytes.count
    }
}
