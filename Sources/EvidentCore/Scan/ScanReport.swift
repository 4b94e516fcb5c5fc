/// One thing a detector found: where it is, what it means, and the line with every secret masked.
public struct Finding: Sendable, Codable, Equatable {
    public let detector: DetectorID
    public let severity: Severity
    /// The file's path relative to the scanned root, with `/` between folders.
    public let path: String
    /// 1-based line.
    public let line: Int
    /// 1-based column, counted in Unicode scalars.
    public let column: Int
    public let message: String
    /// The line, trimmed and shortened around the finding, secrets masked (`sk_live_…3456`).
    public let excerpt: String

    /// Path (byte order), then line, column and detector: the one order findings are listed in.
    public static func precedes(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.path != rhs.path { return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        if lhs.column != rhs.column { return lhs.column < rhs.column }
        return lhs.detector < rhs.detector
    }
}

/// A file the scan could not read, and why; reported, never silently dropped.
public struct SkippedFile: Sendable, Codable, Equatable {
    /// Why a file was skipped.
    public enum Reason: String, Sendable, Codable {
        case unreadable
        case tooLarge = "too-large"
    }

    public let path: String
    public let reason: Reason
    /// A few words for people: `permission denied`, `40.0 MB is over the 32 MB limit`.
    public let detail: String

    /// A skipped file at `path` (relative to the root).
    public init(path: String, reason: Reason, detail: String) {
        self.path = path
        self.reason = reason
        self.detail = detail
    }
}

/// The result of `evident scan`: what was scanned (and its digest), which detectors ran and what
/// they found. It is also the JSON document of `--format json`, and what `--attach` files as evidence.
public struct ScanReport: Sendable, Codable, Equatable {
    /// The version of this document's shape; bumped on any incompatible change.
    public static let currentFormatVersion = 1

    public let formatVersion: Int
    /// The Evident version that scanned.
    public let evidentVersion: String
    /// The scanned path as the user gave it.
    public let root: String
    /// Whether `root` is a single file rather than a folder.
    public let rootIsFile: Bool
    public let filesScanned: Int
    public let bytesScanned: Int
    /// `sha256:` and the SHA-256 of what was scanned: each text file's relative path and content
    /// hash, in path order (see `ScanDigest`).
    public let digest: String
    /// The detectors that ran, in id order.
    public let detectors: [DetectorID]
    /// Every finding, in path, line, column order.
    public let findings: [Finding]
    /// Findings per detector id, zero for a clean detector.
    public let counts: [String: Int]
    /// Files that could not be read or were too large, in path order.
    public let skipped: [SkippedFile]

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", evidentVersion = "evident_version", root, rootIsFile = "root_is_file"
        case filesScanned = "files_scanned", bytesScanned = "bytes_scanned", digest, detectors, findings, counts, skipped
    }

    /// A report; findings and skipped files are put in their order, and counts worked out.
    public init(
        evidentVersion: String, root: String, rootIsFile: Bool, filesScanned: Int, bytesScanned: Int, digest: String,
        detectors: [DetectorID], findings: [Finding], skipped: [SkippedFile]
    ) {
        formatVersion = Self.currentFormatVersion
        self.evidentVersion = evidentVersion
        self.root = root
        self.rootIsFile = rootIsFile
        self.filesScanned = filesScanned
        self.bytesScanned = bytesScanned
        self.digest = digest
        self.detectors = detectors.sorted()
        self.findings = findings.sorted(by: Finding.precedes)
        self.skipped = skipped.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var counts: [String: Int] = [:]
        for detector in detectors { counts[detector.rawValue] = 0 }
        for finding in findings { counts[finding.detector.rawValue, default: 0] += 1 }
        self.counts = counts
    }

    // MARK: - Reading the result

    /// The findings of one detector (empty when it ran clean or did not run).
    public func findings(for detector: DetectorID) -> [Finding] {
        findings.filter { $0.detector == detector }
    }

    /// Each detector that ran with its findings: what `--attach` files as "clean" or "N findings" per item.
    public var findingsByDetector: [(detector: DetectorID, findings: [Finding])] {
        detectors.map { ($0, findings(for: $0)) }
    }

    /// Whether nothing was found.
    public var isClean: Bool { findings.isEmpty }

    /// The path of a finding's file as the user would open it: the root as given, then the
    /// relative path (`Examples/app/server.js`); the root alone when a single file was scanned.
    public func displayPath(_ relative: String) -> String {
        if rootIsFile { return root }
        var base = root
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        if base == "." || base.isEmpty { return relative }
        return base == "/" ? "/" + relative : base + "/" + relative
    }
}
