/// Finds and masks the sensitive values Evident never stores or prints in full (SPEC §3):
/// LiasonPay secret and restricted keys (`sk_live_…`, `sk_test_…`, `rk_live_…`, `rk_test_…`),
/// webhook secrets (`whsec_…`), each followed by 16+ letters or digits, and card numbers
/// (13–19 digits, optionally grouped by single spaces or dashes, passing Luhn).
/// One engine serves `evidence add`, review notes and `evident scan`.
public enum SensitiveData {
    /// What a sensitive value is.
    public enum Kind: String, Sendable, Codable {
        case secretKey = "secret-key"
        case webhookSecret = "webhook-secret"
        case cardNumber = "card-number"

        /// A few words for messages: "a secret API key".
        public var phrase: String {
            switch self {
            case .secretKey: "a secret API key"
            case .webhookSecret: "a webhook secret"
            case .cardNumber: "a card number"
            }
        }
    }

    /// One sensitive value found in text: where it is and how it is shown instead.
    public struct Match: Sendable, Equatable {
        public let kind: Kind
        /// Byte offsets of the value in the UTF-8 text searched.
        public let range: Range<Int>
        /// The masked form: `sk_live_…3456`, `whsec_…abcd`, `card …4242`.
        public let masked: String
    }

    /// Key prefixes, longest first, with the kind they announce.
    static let keyPrefixes: [(prefix: [UInt8], kind: Kind)] = [
        (Array("sk_live_".utf8), .secretKey), (Array("sk_test_".utf8), .secretKey),
        (Array("rk_live_".utf8), .secretKey), (Array("rk_test_".utf8), .secretKey),
        (Array("whsec_".utf8), .webhookSecret),
    ]
    /// Letters or digits a key needs after its prefix.
    static let minimumKeyBody = 16

    /// Every sensitive value in `text`, in order.
    public static func find(in text: String) -> [Match] {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { find(in: UnsafeBufferPointer($0)) }
    }

    /// Every sensitive value in `bytes` (UTF-8 or ASCII-compatible), in order.
    public static func find(in bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
        var matches: [Match] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "s") || byte == UInt8(ascii: "r") || byte == UInt8(ascii: "w"),
               let match = key(at: index, in: bytes) {
                matches.append(match)
                index = match.range.upperBound
                continue
            }
            if isDigit(byte), index == 0 || !isDigit(bytes[index - 1]) {
                let (cards, end) = cardNumbers(startingAt: index, in: bytes)
                matches += cards
                index = max(end, index + 1)
                continue
            }
            index += 1
        }
        return matches
    }

    /// `text` with every sensitive value replaced by its masked form, and what was replaced.
    public static func mask(_ text: String) -> (text: String, matches: [Match]) {
        let bytes = Array(text.utf8)
        let matches = bytes.withUnsafeBufferPointer { find(in: $0) }
        guard !matches.isEmpty else { return (text, []) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var position = 0
        for match in matches {
            output += bytes[position..<match.range.lowerBound]
            output += replacement(for: match, in: bytes)
            position = match.range.upperBound
        }
        output += bytes[position...]
        return (String(decoding: output, as: UTF8.self), matches)
    }

    /// What replaces `match` inside `text` (the bytes it was found in): its masked form, without
    /// the word `card` when the text already says it right before the number (`card 4242…` reads
    /// `card …4242`, never `card card …4242`).
    public static func replacement(for match: Match, in text: some RandomAccessCollection<UInt8>) -> [UInt8] {
        let masked = Array(match.masked.utf8)
        guard match.kind == .cardNumber, saysCard(before: match.range.lowerBound, in: text) else { return masked }
        return Array(masked.dropFirst(cardWord.count))
    }

    /// How a masked card number begins: `card …4242`.
    private static let cardWord = Array("card ".utf8)

    /// Whether the word `card` (any case, then optional spaces, `:` or `#`) ends right at byte `offset`.
    private static func saysCard(before offset: Int, in text: some RandomAccessCollection<UInt8>) -> Bool {
        var index = text.index(text.startIndex, offsetBy: offset)
        while index > text.startIndex {
            let previous = text[text.index(before: index)]
            guard previous == UInt8(ascii: " ") || previous == UInt8(ascii: ":") || previous == UInt8(ascii: "#") else { break }
            index = text.index(before: index)
        }
        let word = Array("card".utf8)
        guard text.distance(from: text.startIndex, to: index) >= word.count else { return false }
        let start = text.index(index, offsetBy: -word.count)
        guard zip(text[start..<index], word).allSatisfy({ $0 | 0x20 == $1 }) else { return false }
        return start == text.startIndex || !isAlphanumeric(text[text.index(before: start)])
    }

    /// Whether `text` holds any sensitive value.
    public static func contains(_ text: String) -> Bool { !find(in: text).isEmpty }

    // MARK: - Keys

    private static func key(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Match? {
        for (prefix, kind) in keyPrefixes where hasPrefix(prefix, at: start, in: bytes) {
            var end = start + prefix.count
            while end < bytes.count, isAlphanumeric(bytes[end]) { end += 1 }
            let body = end - start - prefix.count
            guard body >= minimumKeyBody else { return nil }
            let lastFour = String(decoding: UnsafeBufferPointer(rebasing: bytes[(end - 4)..<end]), as: UTF8.self)
            let shown = String(decoding: prefix, as: UTF8.self)
            return Match(kind: kind, range: start..<end, masked: "\(shown)…\(lastFour)")
        }
        return nil
    }

    private static func hasPrefix(_ prefix: [UInt8], at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard start + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where bytes[start + offset] != prefix[offset] { return false }
        return true
    }

    // MARK: - Card numbers

    /// A run of digit groups separated by single spaces or dashes, starting at `start`; returns the
    /// card numbers in it (whole groups, 13–19 digits, Luhn-valid) and where the run ends.
    private static func cardNumbers(startingAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> ([Match], Int) {
        var groups: [Range<Int>] = []
        var index = start
        while index < bytes.count {
            let groupStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            groups.append(groupStart..<index)
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "-"),
                  isDigit(bytes[index + 1]) else { break }
            index += 1
        }
        let runEnd = groups.last?.upperBound ?? start
        // A digit run glued to letters (an id like `order4111…x`) is still masked: safer to over-mask.
        var matches: [Match] = []
        var first = 0
        while first < groups.count {
            var found: Int?
            var digits = 0
            var last = first
            var candidates: [(last: Int, digits: Int)] = []
            while last < groups.count {
                digits += groups[last].count
                if digits > 19 { break }
                if digits >= 13 { candidates.append((last, digits)) }
                last += 1
            }
            for candidate in candidates.reversed() where luhn(groups[first...candidate.last], in: bytes) {
                found = candidate.last
                break
            }
            if let end = found {
                let range = groups[first].lowerBound..<groups[end].upperBound
                let lastFour = lastDigits(4, of: groups[first...end], in: bytes)
                matches.append(Match(kind: .cardNumber, range: range, masked: "card …\(lastFour)"))
                first = end + 1
            } else {
                first += 1
            }
        }
        return (matches, runEnd)
    }

    private static func luhn(_ groups: ArraySlice<Range<Int>>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var sum = 0
        var double = false
        for group in groups.reversed() {
            for index in group.reversed() {
                var digit = Int(bytes[index] - UInt8(ascii: "0"))
                if double {
                    digit *= 2
                    if digit > 9 { digit -= 9 }
                }
                sum += digit
                double.toggle()
            }
        }
        return sum % 10 == 0
    }

    private static func lastDigits(_ count: Int, of groups: ArraySlice<Range<Int>>, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var digits: [UInt8] = []
        for group in groups { for index in group { digits.append(bytes[index]) } }
        return String(decoding: digits.suffix(count), as: UTF8.self)
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always) static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- 0x61 < 26
    }
}
