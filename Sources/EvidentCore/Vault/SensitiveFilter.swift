/// Where the bytes a `SensitiveFilter` lets through go: a vault file being written, or a check
/// against files the vault already holds.
protocol VaultSink: AnyObject {
    /// Takes the next bytes of the file.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(VaultError)
}

/// Watches a stream of file bytes for sensitive values, line by line, so a file of any size is
/// checked in constant memory (one line at a time); with redaction, it writes a masked copy.
struct SensitiveFilter {
    /// One sensitive value's line and kind.
    struct Finding {
        let line: Int
        let kind: SensitiveData.Kind
    }

    let redact: Bool
    /// Binary files (a NUL byte early on, or a PDF) are stored as they are.
    private(set) var isText = true
    private(set) var found: [Finding] = []
    private var pending: [UInt8] = []
    private var line = 1

    init(redact: Bool) { self.redact = redact }

    /// Decides from the first bytes whether the file is text.
    mutating func decideKind(from head: ArraySlice<UInt8>) {
        let sniff = head.prefix(8192)
        isText = !sniff.contains(0) && !sniff.starts(with: Array("%PDF-".utf8))
    }

    /// Feeds one chunk; writes what is settled to `writer` (the raw chunk, or masked lines).
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, into writer: some VaultSink) throws(VaultError) {
        guard isText else { return try writer.write(chunk) }
        if !redact { try writer.write(chunk) }
        pending.append(contentsOf: chunk)
        guard let lastNewline = pending.lastIndex(of: 0x0A) else { return }
        let complete = Array(pending[...lastNewline])
        pending.removeFirst(lastNewline + 1)
        try scan(complete, into: writer)
    }

    /// Scans and writes what is left after the last newline.
    mutating func finish(into writer: some VaultSink) throws(VaultError) {
        guard isText, !pending.isEmpty else { return }
        let rest = pending
        pending = []
        try scan(rest, into: writer)
    }

    /// The refusal for the sensitive values found, when there are any and redaction is off.
    func refusal(for source: String) -> VaultError? {
        guard !found.isEmpty, !redact else { return nil }
        let lines = Array(Set(found.map(\.line))).sorted()
        let kinds = Array(Set(found.map(\.kind))).sorted { $0.rawValue < $1.rawValue }
        return .sensitiveContent(path: source, lines: lines, kinds: kinds)
    }

    /// The lines that held masked values.
    var maskedLines: [Int] { Array(Set(found.map(\.line))).sorted() }

    private mutating func scan(_ region: [UInt8], into writer: some VaultSink) throws(VaultError) {
        let matches = region.withUnsafeBufferPointer { SensitiveData.find(in: $0) }
        var position = 0
        var output: [UInt8] = []
        for match in matches {
            line += region[position..<match.range.lowerBound].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            found.append(Finding(line: line, kind: match.kind))
            if redact {
                output += region[position..<match.range.lowerBound]
                output += SensitiveData.replacement(for: match, in: region)
            }
            position = match.range.lowerBound
            if redact { position = match.range.upperBound }
        }
        line += region[position...].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        if redact {
            output += region[position...]
            try output.withUnsafeBufferPointer { buffer throws(VaultError) in try writer.write(buffer) }
        }
    }
}
