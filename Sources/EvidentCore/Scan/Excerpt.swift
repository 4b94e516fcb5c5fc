/// A line with every sensitive value masked, made once per line, from which each finding on the
/// line cuts its excerpt. Masking the whole line before cutting means a cut can never leave part
/// of a secret unmasked.
struct Excerpt {
    /// The longest excerpt, in bytes, before it is shortened around the finding.
    static let maximumLength = 160

    /// The masked line.
    private let masked: [UInt8]
    /// For each masked value: where it started in the original line, and how many bytes later
    /// than in the original the text after it sits.
    private let shifts: [(original: Range<Int>, after: Int)]

    /// Masks `line`: secret keys, webhook secrets and card numbers become `sk_live_…3456`, `card …4242`.
    init(line: [UInt8]) {
        let matches = line.withUnsafeBufferPointer { SensitiveData.find(in: $0) }
        guard !matches.isEmpty else {
            masked = line
            shifts = []
            return
        }
        var output: [UInt8] = []
        output.reserveCapacity(line.count)
        var shifts: [(original: Range<Int>, after: Int)] = []
        var position = 0
        var shift = 0
        for match in matches {
            output += line[position..<match.range.lowerBound]
            let replacement = SensitiveData.replacement(for: match, in: line)
            output += replacement
            shift += replacement.count - match.range.count
            shifts.append((match.range, shift))
            position = match.range.upperBound
        }
        output += line[position...]
        masked = output
        self.shifts = shifts
    }

    /// The masked line around original byte `offset`: tabs as spaces, trimmed, and cut to
    /// `maximumLength` bytes (marked `…`) when longer.
    func around(_ offset: Int) -> String {
        let moved = maskedOffset(of: offset)
        var start = 0
        var end = masked.count
        while start < end, ASCII.isSpace(masked[start]) { start += 1 }
        while end > start, ASCII.isSpace(masked[end - 1]) { end -= 1 }
        guard end - start > Self.maximumLength else { return Self.text(masked[start..<end]) }
        var from = max(start, min(moved - Self.maximumLength / 3, end - Self.maximumLength))
        var to = min(end, from + Self.maximumLength)
        while from < to, masked[from] & 0xC0 == 0x80 { from += 1 }
        while to < end, to > from, masked[to] & 0xC0 == 0x80 { to -= 1 }
        return (from > start ? "…" : "") + Self.text(masked[from..<to]) + (to < end ? "…" : "")
    }

    /// Where original byte `offset` sits in the masked line (a masked value's start for any byte inside it).
    private func maskedOffset(of offset: Int) -> Int {
        var low = 0
        var high = shifts.count
        while low < high {
            let middle = (low + high) / 2
            if shifts[middle].original.lowerBound <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return offset }
        let previous = shifts[low - 1]
        let before = low > 1 ? shifts[low - 2].after : 0
        if previous.original.contains(offset) { return previous.original.lowerBound + before }
        return offset + previous.after
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self)
    }
}
