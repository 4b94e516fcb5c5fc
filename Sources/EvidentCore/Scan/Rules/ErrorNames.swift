/// Recognising the caught error in a line of code: its usual names (`err`, `e`, `ex`,
/// `exception`, `dbError`), its message accessors, and where it is used as a value.
enum ErrorNames {
    /// Properties and methods that give an error's message.
    static let messageMembers: Set<String> = [
        "message", "getMessage", "Message", "Error", "toString", "ToString", "localizedDescription", "to_s", "inspect",
        "getLocalizedMessage", "args", "msg", "description", "errorDescription",
    ]

    /// Whether `name` (a `$` is ignored) names an error: `err`, `e`, `ex`, `exc`, `error`,
    /// `exception`, or anything ending in `Error`, `Err` or `Exception`.
    static func isErrorName(_ name: String) -> Bool {
        let lowered = name.lowercased().drop { $0 == "$" }
        if ["e", "er", "err", "error", "ex", "exc", "exception", "throwable", "cause"].contains(String(lowered)) { return true }
        return lowered.count > 5 && (lowered.hasSuffix("error") || lowered.hasSuffix("exception"))
            || lowered.count > 3 && lowered.hasSuffix("err") && lowered != "stderr"
    }

    /// Where `member` (`ToString()`) is called on an error on the line: the receiver's start.
    static func call(_ member: String, in code: [UInt8]) -> Int? {
        var from = 0
        while let found = code.find("." + member, from: from) {
            from = found + 1
            let receiver = identifier(endingAt: found, in: code)
            if isErrorName(code.text(receiver)) { return receiver.lowerBound }
        }
        return nil
    }

    /// Where an error's message, or the error itself, is used as a value on the line: an argument
    /// (`str(e)`, `send(err.message)`), an object value (`{ error: err }`), a spliced expression
    /// (`${err}`, `\(error)`, `{e}`) or a concatenated operand.
    static func messageExposure(in code: [UInt8]) -> Int? {
        var index = 0
        while index < code.count {
            guard ASCII.isIdentifier(code[index]), index == 0 || !ASCII.isIdentifier(code[index - 1]) else {
                index += 1
                continue
            }
            let start = index
            while index < code.count, ASCII.isIdentifier(code[index]) { index += 1 }
            guard isErrorName(code.text(start..<index)), usedAsValue(code, start..<index) else { continue }
            return start
        }
        return nil
    }

    /// Where a bare error (`$e`) follows one of `words` (`echo $e;`): PHP's exception text includes its trace.
    static func bareError(in code: [UInt8], after words: [String]) -> Int? {
        for word in words {
            guard let found = code.find(word) else { continue }
            var start = code.skippingSpaces(from: found + word.utf8.count)
            if start < code.count, code[start] == UInt8(ascii: "(") { start = code.skippingSpaces(from: start + 1) }
            var end = start
            while end < code.count, ASCII.isIdentifier(code[end]) { end += 1 }
            let next = code.skippingSpaces(from: end)
            if end > start, isErrorName(code.text(start..<end)),
               next >= code.count || [UInt8(ascii: ";"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: ",")].contains(code[next]) {
                return start
            }
        }
        return nil
    }

    // MARK: - Context

    private static func identifier(endingAt end: Int, in code: [UInt8]) -> Range<Int> {
        var start = end
        while start > 0, ASCII.isIdentifier(code[start - 1]) { start -= 1 }
        return start..<end
    }

    private static func usedAsValue(_ code: [UInt8], _ name: Range<Int>) -> Bool {
        let before = code.skippingSpacesBackward(from: name.lowerBound)
        let previous = before > 0 ? code[before - 1] : 0
        let isPHPVariable = code[name.lowerBound] == UInt8(ascii: "$")
        if previous == UInt8(ascii: ".") && !isPHPVariable || code.matches("->", at: before - 2) { return false }
        if previous == UInt8(ascii: "("), isControlKeyword(before: before - 1, in: code) { return false }
        let leads = "(,:{=+[.\"'`".utf8.contains(previous) || code.matches("=>", at: before - 2)
            && !(previous == UInt8(ascii: "=") && before >= 2 && "=!<>".utf8.contains(code[before - 2]))
            || ["echo", "print", "return", "puts"].contains { before >= $0.utf8.count && code.matchesWord($0, at: before - $0.utf8.count) }
        guard leads, !isParameter(code, name) else { return false }
        let after = code.skippingSpaces(from: name.upperBound)
        guard after < code.count else { return true }
        var member: Int?
        if code.matches("?.", at: after) || code.matches("->", at: after) {
            member = after + 2
        } else if code[after] == UInt8(ascii: "."), !isPHPVariable {
            member = after + 1
        }
        if let member {
            var end = member
            while end < code.count, ASCII.isWord(code[end]) { end += 1 }
            return messageMembers.contains(code.text(member..<end))
        }
        return ")},];+.".utf8.contains(code[after]) || ASCII.isQuote(code[after])
    }

    /// Whether the `(` at `open` belongs to a condition: `if (err)`, `catch (e)`, `while (`.
    private static func isControlKeyword(before open: Int, in code: [UInt8]) -> Bool {
        let end = code.skippingSpacesBackward(from: open)
        return ["if", "elif", "while", "catch", "switch", "unless", "guard", "when", "for", "except", "rescue"].contains {
            end >= $0.utf8.count && code.matchesWord($0, at: end - $0.utf8.count)
        }
    }

    /// Whether `name` sits in a parameter list or condition: `(err) =>`, `catch (e) {`, `if (err) {`,
    /// `function (err, req, res, next)`.
    private static func isParameter(_ code: [UInt8], _ name: Range<Int>) -> Bool {
        var depth = 0
        var close = name.upperBound
        while close < code.count {
            if code[close] == UInt8(ascii: "(") { depth += 1 }
            if code[close] == UInt8(ascii: ")") {
                if depth == 0 { break }
                depth -= 1
            }
            close += 1
        }
        guard close < code.count else { return false }
        let after = code.skippingSpaces(from: close + 1)
        return code.matches("=>", at: after) || code.matches("->", at: after) || code.matches("{", at: after)
            || code.matches(":", at: after) && !code.matches("::", at: after)
    }
}
