/// A piece of evidence attached to an item in a cycle: a file or scan result in the vault, a link, or a note.
public struct Evidence: Sendable, Equatable, Codable {
    public var id: Int64
    public var cycleID: Int64
    public var itemID: String
    public var kind: EvidenceKind
    /// SHA-256 of the content: the vault file's bytes, or the link's or note's text.
    public var digest: String
    public var size: Int64
    /// The file's own name when it was added: metadata only, never a path.
    public var fileName: String?
    public var url: String?
    public var note: String?
    /// Whether sensitive values were masked out of the stored copy.
    public var redacted: Bool
    /// When the evidence speaks for (the `--as-of` date, else when it was added).
    public var effectiveAt: Timestamp
    /// When it stops counting, fixed when it was added; nil when it never expires.
    public var expiresAt: Timestamp?
    public var addedAt: Timestamp
    public var addedBy: String
    /// The evidence of an earlier cycle this one was carried forward from.
    public var carriedFromID: Int64?
    public var withdrawnAt: Timestamp?
    public var withdrawnBy: String?
    public var withdrawReason: String?
    /// When the vault file was deleted after withdrawal.
    public var purgedAt: Timestamp?

    /// Whether the content lives in the vault (files and scan results).
    public var hasVaultFile: Bool { kind == .file || kind == .scan }

    public var isWithdrawn: Bool { withdrawnAt != nil }

    /// Whether it no longer counts at `time`: expired when `time` is at or after its expiry.
    public func isExpired(at time: Timestamp) -> Bool {
        guard let expiresAt else { return false }
        return time >= expiresAt
    }

    /// A one-line description: the file name or the link with its caption, or the note's first line.
    public var summary: String {
        switch kind {
        case .file: return (fileName ?? digest) + (caption.map { " — " + Self.firstLine($0) } ?? "")
        case .scan: return fileName ?? digest
        case .url: return (url ?? "") + (caption.map { " — " + Self.firstLine($0) } ?? "")
        case .note: return Self.firstLine(note ?? "")
        }
    }

    /// The caption of a file or link (`evidence add --caption`), kept in the note field.
    public var caption: String? { kind == .file || kind == .url ? note : nil }

    private static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return line.count > 80 ? String(line.prefix(79)) + "…" : line
    }

    /// The expiry of evidence effective at `effective`: the earlier of `explicit` and
    /// effective + `maxAgeDays` × 24 h; nil when neither exists (SPEC §3).
    public static func expiry(effective: Timestamp, explicit: Timestamp?, maxAgeDays: Int?) -> Timestamp? {
        let byAge = maxAgeDays.map { effective.adding(days: $0) }
        switch (explicit, byAge) {
        case let (explicit?, byAge?): return min(explicit, byAge)
        case let (explicit?, nil): return explicit
        case let (nil, byAge?): return byAge
        case (nil, nil): return nil
        }
    }
}
