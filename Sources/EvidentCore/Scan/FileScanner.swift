/// Runs the detector table over one file's text. One pass of the anchor prefilter finds the
/// lines worth reading; each detector then reads only the lines holding one of its anchors.
public struct FileScanner: Sendable {
    public let detectors: [Detector]
    private let matchers: [SourceLanguage.Family: AnchorMatcher]

    /// A scanner running `detectors` (the whole table by default).
    public init(detectors: [Detector] = Detector.all) {
        self.detectors = detectors
        var matchers: [SourceLanguage.Family: AnchorMatcher] = [:]
        for family in SourceLanguage.Family.allCases {
            var anchors: [(text: String, detectors: DetectorSet)] = []
            for (index, detector) in detectors.enumerated() where detector.families.contains(family) {
                anchors += detector.anchors.map { ($0, DetectorSet.only(index)) }
            }
            if !anchors.isEmpty { matchers[family] = AnchorMatcher(anchors: anchors) }
        }
        self.matchers = matchers
    }

    /// Every finding in `text`, a file of `language` at `path` (relative to the scanned root).
    public func findings(in text: [UInt8], path: String, language: SourceLanguage) -> [Finding] {
        guard let matcher = matchers[language.family] else { return [] }
        var hits = text.withUnsafeBufferPointer { matcher.hits(in: $0) }
        guard !hits.isEmpty else { return [] }
        let file = FileText(bytes: text)
        let companions = companionHits(hits, in: text, file: file)
        if !companions.isEmpty { hits = (hits + companions).sorted { $0.position < $1.position } }
        var findings: [Finding] = []
        var lines: [CandidateLine] = []
        text.withUnsafeBufferPointer { text in
            var countedTo = 0
            var number = 1
            for hit in hits {
                if let last = lines.last, hit.position < last.end {
                    lines[lines.count - 1].detectors.formUnion(hit.detectors)
                    lines[lines.count - 1].anchors.insert(hit.anchor)
                    continue
                }
                var start = hit.position
                while start > countedTo, text[start - 1] != 0x0A { start -= 1 }
                var end = hit.position
                while end < text.count, text[end] != 0x0A { end += 1 }
                for index in countedTo..<start where text[index] == 0x0A { number += 1 }
                countedTo = start
                lines.append(CandidateLine(start: start, end: end, number: number, detectors: hit.detectors, anchors: [hit.anchor]))
            }
        }
        for line in lines { findings += inspect(line, in: text, file: file, path: path, language: language) }
        return findings
    }

    /// The lines holding a detector's companion names, for detectors whose anchors the file holds;
    /// sorted into `hits` order by the caller.
    private func companionHits(_ hits: [AnchorMatcher.Hit], in text: [UInt8], file: FileText) -> [AnchorMatcher.Hit] {
        let found = hits.reduce(DetectorSet()) { $0.union($1.detectors) }
        var extra: [AnchorMatcher.Hit] = []
        for (index, detector) in detectors.enumerated() where found.contains(.only(index)) {
            guard let companions = detector.companions else { continue }
            let anchors = Set(hits.lazy.filter { $0.detectors.contains(.only(index)) }.map(\.anchor))
            for name in companions(file, anchors) {
                var from = 0
                while let position = text.findWord(name, from: from) {
                    extra.append(AnchorMatcher.Hit(position: position, detectors: .only(index), anchor: name.lowercased()))
                    from = position + name.utf8.count
                }
            }
        }
        return extra
    }

    /// Runs the detectors that asked for a line over it.
    private func inspect(
        _ line: CandidateLine, in text: [UInt8], file: FileText, path: String, language: SourceLanguage
    ) -> [Finding] {
        var end = line.end
        if end > line.start, text[end - 1] == 0x0D { end -= 1 }
        let bytes = Array(text[line.start..<end])
        let source = SourceLine(bytes: bytes, language: language, path: path, file: file, nextLineStart: line.end + 1,
                                anchors: line.anchors)
        var findings: [Finding] = []
        var inComment: Bool?
        var excerpt: Excerpt?
        for (index, detector) in detectors.enumerated() where line.detectors.contains(.only(index)) {
            var hits = detector.inspect(source)
            // Code detectors skip comments; a line inside a multi-line block comment is only known from the lines above.
            if !hits.isEmpty, !detector.readsComments, language.hasSlashComments {
                if inComment == nil { inComment = file.isInsideBlockComment(lineStart: line.start) }
                if inComment == true { hits = [] }
            }
            if !hits.isEmpty, excerpt == nil { excerpt = Excerpt(line: bytes) }
            let branch = hits.isEmpty ? nil : DevelopmentBranch.condition(around: source)
            for hit in hits {
                let detail = [hit.detail, branch.map { "only in a development branch: \($0)" }].compactMap { $0 }.joined(separator: "; ")
                let message = SensitiveData.mask(detector.message(detail: detail)).text
                findings.append(Finding(
                    detector: detector.id, severity: hit.severity ?? detector.severity, path: path, line: line.number,
                    column: Self.column(of: hit.offset, in: bytes), message: message,
                    excerpt: excerpt?.around(hit.offset) ?? ""))
            }
        }
        return findings
    }

    /// The 1-based column of byte `offset`, counted in Unicode scalars.
    static func column(of offset: Int, in line: [UInt8]) -> Int {
        var column = 1
        for byte in line.prefix(offset) where byte & 0xC0 != 0x80 { column += 1 }
        return column
    }
}

/// A line the prefilter picked: where it is, and which detectors' anchors it holds.
private struct CandidateLine {
    let start: Int
    let end: Int
    let number: Int
    var detectors: DetectorSet
    var anchors: Set<String>
}
