/// One line of a file as a detector sees it: its bytes, its language, its layout (literals and
/// comments) and a look at the lines after it and at the whole file.
final class SourceLine {
    /// The line's bytes, without its line break.
    let bytes: [UInt8]
    let language: SourceLanguage
    /// The file's path relative to the scanned root.
    let path: String
    private let file: FileText
    /// Offset of the byte after this line's line break in the file.
    private let nextLineStart: Int
    /// The anchors the prefilter found on the line (lower case); nil when not known.
    private let anchors: Set<String>?

    /// The line's literals and comments, worked out on first use.
    private(set) lazy var layout = LineLayout(bytes, language: language)

    /// A line of `file` whose next line starts at byte `nextLineStart`, holding the prefilter's `anchors`.
    init(bytes: [UInt8], language: SourceLanguage, path: String, file: FileText, nextLineStart: Int, anchors: Set<String>?) {
        self.bytes = bytes
        self.language = language
        self.path = path
        self.file = file
        self.nextLineStart = nextLineStart
        self.anchors = anchors
    }

    /// A line made from `text` alone, for tests and one-off checks.
    convenience init(_ text: String, language: SourceLanguage, path: String = "snippet") {
        let bytes = Array(text.utf8)
        self.init(bytes: bytes, language: language, path: path, file: FileText(bytes: []), nextLineStart: 0, anchors: nil)
    }

    /// Whether the prefilter may have found one of `candidates` on the line (always, when unknown).
    func mayHold(anyOf candidates: [String]) -> Bool {
        guard let anchors else { return true }
        return candidates.contains { anchors.contains($0) }
    }

    /// The `count` lines before this one that are not blank, nearest first, trimmed.
    func precedingLines(_ count: Int) -> [[UInt8]] {
        file.lines(before: nextLineStart - 1 - bytes.count, count: count)
    }

    /// The variables of the file that hold an HMAC (see `FileText.hmacNames`).
    var hmacNames: Set<String> { file.hmacNames }

    /// The next `count` lines that are not blank, trimmed of surrounding spaces.
    func followingLines(_ count: Int) -> [[UInt8]] {
        file.lines(from: nextLineStart, count: count)
    }

    /// Whether the whole file contains `needle`, ignoring ASCII case (answers are remembered).
    func fileMentions(_ needle: String) -> Bool {
        file.mentions(needle)
    }
}

/// The text of the file being scanned, shared by its lines, with remembered whole-file look-ups.
final class FileText {
    private let bytes: [UInt8]
    private var mentioned: [String: Bool] = [:]
    /// `hmacNames`, once worked out.
    var cachedHMACNames: Set<String>?

    /// Wraps a file's bytes.
    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether the file contains `needle`, ignoring ASCII case.
    func mentions(_ needle: String) -> Bool {
        if let known = mentioned[needle] { return known }
        let found = bytes.contains(needle, ignoringCase: true)
        mentioned[needle] = found
        return found
    }

    /// Whether the line starting at byte `start` sits inside a `/* … */` comment opened on an
    /// earlier line (looking back at most 200 lines for a line that opens one).
    func isInsideBlockComment(lineStart start: Int) -> Bool {
        var end = start - 1
        var looked = 0
        while end > 0, looked < 200 {
            var begin = end
            while begin > 0, bytes[begin - 1] != 0x0A { begin -= 1 }
            let line = Array(bytes[begin..<end])
            if line.contains("*/") { return false }
            if line.matches("/*", at: line.skippingSpaces(from: 0)) { return true }
            end = begin - 1
            looked += 1
        }
        return false
    }

    /// Calls `body` with every line of the file, untrimmed and without its line break.
    func forEachLine(_ body: ([UInt8]) -> Void) {
        var index = 0
        while index < bytes.count {
            var end = index
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            body(Array(bytes[index..<end]))
            index = end + 1
        }
    }

    /// Up to `count` non-blank lines ending before the line that starts at byte `start`, nearest
    /// first, trimmed.
    func lines(before start: Int, count: Int) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var end = start - 1
        while end > 0, result.count < count {
            var begin = end
            while begin > 0, bytes[begin - 1] != 0x0A { begin -= 1 }
            let from = bytes.skippingSpaces(from: begin)
            var to = end
            while to > from, ASCII.isSpace(bytes[to - 1]) { to -= 1 }
            if from < to { result.append(Array(bytes[from..<to])) }
            end = begin - 1
        }
        return result
    }

    /// Up to `count` non-blank lines starting at byte `start`, trimmed.
    func lines(from start: Int, count: Int) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var index = start
        while index < bytes.count, result.count < count {
            var end = index
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let from = bytes.skippingSpaces(from: index)
            var to = end
            while to > from, ASCII.isSpace(bytes[to - 1]) { to -= 1 }
            if from < to { result.append(Array(bytes[from..<to])) }
            index = end + 1
        }
        return result
    }
}
