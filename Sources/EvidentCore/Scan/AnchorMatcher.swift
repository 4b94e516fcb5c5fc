/// A set of detectors, as bits in the order of the detector table.
struct DetectorSet: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    /// The set holding only the detector at `index` of the table.
    static func only(_ index: Int) -> DetectorSet { DetectorSet(rawValue: 1 << UInt32(index)) }
}

/// Finds every occurrence of many short literals (ignoring ASCII case) in one pass over a file:
/// the prefilter that decides which lines a detector reads at all.
///
/// Each anchor is represented by its rarest three-byte window; a 2^18-bit table of those windows,
/// indexed by six-bit classes of three consecutive bytes, rejects almost every position with one
/// load and one bit test. Positions that pass are checked against the anchors in full.
struct AnchorMatcher: Sendable {
    /// An anchor found in the text: where it starts and which detectors asked for it.
    struct Hit: Sendable, Equatable {
        let position: Int
        let detectors: DetectorSet
        /// The anchor found, as given (lower case).
        let anchor: String
    }

    private struct Anchor: Sendable {
        let text: String
        let bytes: [UInt8]
        let window: Int
        let code: UInt32
        let detectors: DetectorSet
    }

    /// The anchors, grouped by window code.
    private let anchors: [Anchor]
    /// One bit per window code: whether any anchor has that window.
    private let filter: [UInt64]
    /// For each window code with anchors, 1 + the index of the first of them in `anchors`.
    private let firstAnchor: [UInt16]

    /// A matcher for `anchors` (ASCII, at least three bytes each) with the detectors each serves.
    init(anchors requested: [(text: String, detectors: DetectorSet)]) {
        var merged: [[UInt8]: DetectorSet] = [:]
        for (text, detectors) in requested {
            let bytes = text.utf8.map(ASCII.lower)
            precondition(bytes.count >= 3, "anchor '\(text)' is shorter than three bytes")
            merged[bytes, default: []].formUnion(detectors)
        }
        var anchors = merged.map { bytes, detectors in
            let window = Self.rarestWindow(in: bytes)
            return Anchor(text: String(decoding: bytes, as: UTF8.self), bytes: bytes, window: window, code: Self.code(bytes[window], bytes[window + 1], bytes[window + 2]),
                          detectors: detectors)
        }
        anchors.sort { $0.code != $1.code ? $0.code < $1.code : $0.bytes.lexicographicallyPrecedes($1.bytes) }
        var filter = [UInt64](repeating: 0, count: (1 << 18) / 64)
        var firstAnchor = [UInt16](repeating: 0, count: 1 << 18)
        for (index, anchor) in anchors.enumerated().reversed() {
            filter[Int(anchor.code >> 6)] |= 1 << UInt64(anchor.code & 63)
            firstAnchor[Int(anchor.code)] = UInt16(index + 1)
        }
        self.anchors = anchors
        self.filter = filter
        self.firstAnchor = firstAnchor
    }

    /// Every anchor occurrence in `text`, by position.
    func hits(in text: UnsafeBufferPointer<UInt8>) -> [Hit] {
        let count = text.count
        guard count >= 3, let base = text.baseAddress else { return [] }
        var hits: [Hit] = []
        filter.withUnsafeBufferPointer { filter in
            ByteClass.table.withUnsafeBufferPointer { classes in
                var code = UInt32(classes[Int(base[0])]) << 6 | UInt32(classes[Int(base[1])])
                var index = 2
                while index < count {
                    code = (code << 6 | UInt32(classes[Int(base[index])])) & 0x3FFFF
                    if filter[Int(code >> 6)] & (1 << UInt64(code & 63)) != 0 {
                        confirm(windowAt: index - 2, code: code, in: text, into: &hits)
                    }
                    index += 1
                }
            }
        }
        return hits
    }

    private func confirm(windowAt window: Int, code: UInt32, in text: UnsafeBufferPointer<UInt8>, into hits: inout [Hit]) {
        var anchorIndex = Int(firstAnchor[Int(code)]) - 1
        while anchorIndex >= 0, anchorIndex < anchors.count, anchors[anchorIndex].code == code {
            let anchor = anchors[anchorIndex]
            anchorIndex += 1
            let start = window - anchor.window
            guard start >= 0, start + anchor.bytes.count <= text.count else { continue }
            var offset = 0
            while offset < anchor.bytes.count, ASCII.lower(text[start + offset]) == anchor.bytes[offset] { offset += 1 }
            if offset == anchor.bytes.count { hits.append(Hit(position: start, detectors: anchor.detectors, anchor: anchor.text)) }
        }
    }

    // MARK: - Windows

    private static func code(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt32 {
        UInt32(ByteClass.table[Int(a)]) << 12 | UInt32(ByteClass.table[Int(b)]) << 6 | UInt32(ByteClass.table[Int(c)])
    }

    /// The offset of the three-byte window of `bytes` least likely to occur in source code.
    private static func rarestWindow(in bytes: [UInt8]) -> Int {
        var best = 0
        var bestScore = Double.infinity
        for start in 0...(bytes.count - 3) {
            let score = ByteClass.commonness(bytes[start]) * ByteClass.commonness(bytes[start + 1])
                * ByteClass.commonness(bytes[start + 2])
            if score < bestScore {
                best = start
                bestScore = score
            }
        }
        return best
    }
}

// MARK: - Byte classes

/// Six-bit classes of bytes for the anchor prefilter: letters fold to one class per letter,
/// digits and common punctuation get their own, everything else shares class 0.
enum ByteClass {
    /// The class of every byte value.
    static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for letter in 0..<26 {
            table[0x61 + letter] = UInt8(1 + letter)
            table[0x41 + letter] = UInt8(1 + letter)
        }
        for digit in 0..<10 { table[0x30 + digit] = UInt8(27 + digit) }
        var next: UInt8 = 37
        for symbol in " _.()-:/${}\\='\"`<>,;[]!*#@" {
            table[Int(symbol.asciiValue!)] = next
            next += 1
        }
        table[0x09] = table[0x20]
        return table
    }()

    /// How often `byte` occurs in typical source code, roughly (a relative weight, not a rate).
    static func commonness(_ byte: UInt8) -> Double {
        switch ASCII.lower(byte) {
        case UInt8(ascii: " "): 16
        case UInt8(ascii: "e"): 9
        case UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "s"), UInt8(ascii: "n"), UInt8(ascii: "i"),
            UInt8(ascii: "a"), UInt8(ascii: "o"): 6
        case UInt8(ascii: "l"), UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "u"), UInt8(ascii: "p"),
            UInt8(ascii: "m"), UInt8(ascii: "h"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"): 3.5
        case UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "y"), UInt8(ascii: "b"), UInt8(ascii: "_"),
            UInt8(ascii: "="), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ","): 2
        case UInt8(ascii: "v"), UInt8(ascii: "k"), UInt8(ascii: "w"), UInt8(ascii: ":"), UInt8(ascii: "-"),
            UInt8(ascii: "/"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "0"), UInt8(ascii: "1"): 1.2
        case UInt8(ascii: "x"), UInt8(ascii: "$"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ";"),
            UInt8(ascii: "2"), UInt8(ascii: "3"), UInt8(ascii: "4"), UInt8(ascii: "5"), UInt8(ascii: "6"),
            UInt8(ascii: "7"), UInt8(ascii: "8"), UInt8(ascii: "9"), UInt8(ascii: "*"), UInt8(ascii: "!"): 0.6
        case UInt8(ascii: "q"), UInt8(ascii: "j"), UInt8(ascii: "z"), UInt8(ascii: "\\"), UInt8(ascii: "#"),
            UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "<"), UInt8(ascii: ">"): 0.3
        default: 1
        }
    }
}
