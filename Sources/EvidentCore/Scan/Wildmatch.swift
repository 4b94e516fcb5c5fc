/// Git's glob matching for ignore patterns, on UTF-8 bytes: `*` and `?` never match `/`,
/// `[a-z]`, `[!x]` and `[^x]` are classes, `\` escapes, and `**` between slashes (or at either end)
/// matches any number of folders.
enum Wildmatch {
    /// Whether `pattern` matches all of `text`.
    static func matches(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        match(pattern, 0, text, 0)
    }

    private static let slash = UInt8(ascii: "/")
    private static let star = UInt8(ascii: "*")

    private static func match(_ pattern: [UInt8], _ patternStart: Int, _ text: [UInt8], _ textStart: Int) -> Bool {
        var p = patternStart
        var t = textStart
        while p < pattern.count {
            switch pattern[p] {
            case star:
                var rest = p
                while rest < pattern.count, pattern[rest] == star { rest += 1 }
                let isDoubleStar = rest - p >= 2 && (p == 0 || pattern[p - 1] == slash)
                    && (rest == pattern.count || pattern[rest] == slash)
                if isDoubleStar {
                    if rest == pattern.count { return true }
                    var from = t
                    while true {
                        if match(pattern, rest + 1, text, from) { return true }
                        guard let next = text[from...].firstIndex(of: slash) else { return false }
                        from = next + 1
                    }
                }
                if rest == pattern.count { return !text[t...].contains(slash) }
                var from = t
                while from <= text.count {
                    if match(pattern, rest, text, from) { return true }
                    if from == text.count || text[from] == slash { return false }
                    from += 1
                }
                return false
            case UInt8(ascii: "?"):
                guard t < text.count, text[t] != slash else { return false }
                p += 1
                t += 1
            case UInt8(ascii: "["):
                guard t < text.count, text[t] != slash else { return false }
                if let (matched, next) = matchClass(pattern, at: p, text[t]) {
                    guard matched else { return false }
                    p = next
                } else {
                    guard text[t] == UInt8(ascii: "[") else { return false }
                    p += 1
                }
                t += 1
            case UInt8(ascii: "\\"):
                p += 1
                guard p < pattern.count, t < text.count, text[t] == pattern[p] else { return false }
                p += 1
                t += 1
            default:
                guard t < text.count, text[t] == pattern[p] else { return false }
                p += 1
                t += 1
            }
        }
        return t == text.count
    }

    /// Whether `byte` is in the class opening at `start`, and the index after the class; nil when
    /// the class never closes (the `[` is then literal).
    private static func matchClass(_ pattern: [UInt8], at start: Int, _ byte: UInt8) -> (Bool, Int)? {
        var index = start + 1
        var negated = false
        if index < pattern.count, pattern[index] == UInt8(ascii: "!") || pattern[index] == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        var matched = false
        var first = true
        while index < pattern.count {
            var low = pattern[index]
            if low == UInt8(ascii: "]"), !first { return (matched != negated, index + 1) }
            first = false
            if low == UInt8(ascii: "\\"), index + 1 < pattern.count {
                index += 1
                low = pattern[index]
            }
            if index + 2 < pattern.count, pattern[index + 1] == UInt8(ascii: "-"), pattern[index + 2] != UInt8(ascii: "]") {
                var high = pattern[index + 2]
                index += 3
                if high == UInt8(ascii: "\\"), index < pattern.count {
                    high = pattern[index]
                    index += 1
                }
                if low <= byte && byte <= high { matched = true }
            } else {
                if low == byte { matched = true }
                index += 1
            }
        }
        return nil
    }
}
