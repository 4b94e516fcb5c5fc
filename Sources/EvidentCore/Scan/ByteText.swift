/// ASCII classes of single bytes, for matchers that work on UTF-8 bytes without decoding them.
enum ASCII {
    /// `byte` in lower case when it is an ASCII letter, else unchanged.
    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// An ASCII digit.
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// An ASCII letter, either case.
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// An upper-case ASCII letter.
    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

    /// A byte that can be part of an identifier: letters, digits, `_`, `$` and any non-ASCII byte.
    @inline(__always) static func isIdentifier(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte >= 0x80
    }

    /// A byte that can be part of a word in the strict sense: letters, digits and `_`.
    @inline(__always) static func isWord(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_")
    }

    /// A space, tab or carriage return.
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    /// A quote that can open a string literal: `"`, `'` or a backtick.
    @inline(__always) static func isQuote(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`")
    }
}

// MARK: - Searching a line

extension Array where Element == UInt8 {
    /// Whether `needle` (ASCII) occurs at `index`, optionally ignoring ASCII case.
    func matches(_ needle: String, at index: Int, ignoringCase: Bool = false) -> Bool {
        guard index >= 0 else { return false }
        var position = index
        for byte in needle.utf8 {
            guard position < count else { return false }
            let here = self[position]
            if ignoringCase ? ASCII.lower(here) != ASCII.lower(byte) : here != byte { return false }
            position += 1
        }
        return true
    }

    /// The first index at or after `start` (and before `end`) where `needle` occurs.
    func find(_ needle: String, from start: Int = 0, to end: Int? = nil, ignoringCase: Bool = false) -> Int? {
        let limit = Swift.min(end ?? count, count)
        guard let first = needle.utf8.first, start < limit else { return nil }
        let foldedFirst = ASCII.lower(first)
        var index = Swift.max(start, 0)
        while index < limit {
            let byte = self[index]
            if (ignoringCase ? ASCII.lower(byte) == foldedFirst : byte == first),
               matches(needle, at: index, ignoringCase: ignoringCase) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Whether `needle` occurs anywhere between `start` and `end`.
    func contains(_ needle: String, from start: Int = 0, to end: Int? = nil, ignoringCase: Bool = false) -> Bool {
        find(needle, from: start, to: end, ignoringCase: ignoringCase) != nil
    }

    /// Whether any of `needles` occurs, ignoring ASCII case, in one pass over the line.
    func containsAny(_ needles: [String]) -> Bool {
        var starts = [Bool](repeating: false, count: 256)
        for needle in needles { if let first = needle.utf8.first { starts[Int(ASCII.lower(first))] = true } }
        for index in indices where starts[Int(ASCII.lower(self[index]))] {
            if needles.contains(where: { matches($0, at: index, ignoringCase: true) }) { return true }
        }
        return false
    }

    /// Whether `needle` occurs at `index` as a whole word (no word byte on either side).
    func matchesWord(_ needle: String, at index: Int, ignoringCase: Bool = false) -> Bool {
        guard matches(needle, at: index, ignoringCase: ignoringCase) else { return false }
        let end = index + needle.utf8.count
        return (index == 0 || !ASCII.isWord(self[index - 1])) && (end >= count || !ASCII.isWord(self[end]))
    }

    /// The first index of `needle` as a whole word at or after `start`.
    func findWord(_ needle: String, from start: Int = 0, to end: Int? = nil, ignoringCase: Bool = false) -> Int? {
        var from = start
        while let index = find(needle, from: from, to: end, ignoringCase: ignoringCase) {
            if matchesWord(needle, at: index, ignoringCase: ignoringCase) { return index }
            from = index + 1
        }
        return nil
    }

    /// The index of the first byte at or after `index` that is not a space or tab (or `count`).
    func skippingSpaces(from index: Int) -> Int {
        var position = index
        while position < count, ASCII.isSpace(self[position]) { position += 1 }
        return position
    }

    /// The index just after the last byte before `index` that is not a space or tab (0 when none).
    func skippingSpacesBackward(from index: Int) -> Int {
        var position = index
        while position > 0, ASCII.isSpace(self[position - 1]) { position -= 1 }
        return position
    }

    /// The bytes of `range` as text.
    func text(_ range: Range<Int>) -> String {
        String(decoding: self[range.clamped(to: 0..<count)], as: UTF8.self)
    }

    /// The array without leading and trailing bytes that satisfy `drop`.
    func trimmingAround(_ drop: (UInt8) -> Bool) -> [UInt8] {
        var start = 0
        var end = count
        while start < end, drop(self[start]) { start += 1 }
        while end > start, drop(self[end - 1]) { end -= 1 }
        return Array(self[start..<end])
    }
}
