/// A check `evident scan` runs over source files: its stable id, how bad a finding is, what a
/// finding says and how to fix it, and the line logic that finds it. The table of all of them is
/// `Detector.all` (DetectorCatalog.swift).
public struct Detector: Sendable {
    public let id: DetectorID
    public let severity: Severity
    /// What a finding means, in a few words: every message starts with it.
    public let title: String
    /// What to do instead, for reports and SARIF's help text.
    public let help: String
    /// The kinds of file it reads.
    public let families: Set<SourceLanguage.Family>
    /// Whether comments count: a key in a comment has leaked; `verify=False` in one is only talk.
    public let readsComments: Bool
    /// Literals (ASCII, matched ignoring case) of which a line must hold one before `inspect` reads it.
    let anchors: [String]
    /// The line logic: where each finding on the line starts and what it adds to the title.
    let inspect: @Sendable (SourceLine) -> [LineHit]
    /// Names whose lines the detector also reads, worked out from the file and the anchors found
    /// in it (the variables a file assigns an HMAC to, for the signature compare).
    var companions: (@Sendable (FileText, Set<String>) -> Set<String>)? = nil

    /// Whether it reads files of `language`.
    public func reads(_ language: SourceLanguage) -> Bool { families.contains(language.family) }

    /// The message of a finding: the title, with the detail in parentheses.
    func message(detail: String?) -> String {
        guard let detail, !detail.isEmpty else { return title }
        return "\(title) (\(detail))"
    }
}

/// One finding on a line, as line logic reports it: the byte offset in the line where it starts
/// and a short detail (never a secret in full).
struct LineHit: Sendable, Equatable {
    let offset: Int
    let detail: String?
    /// A severity other than the detector's, when this finding is less (or more) serious.
    let severity: Severity?

    /// A finding at byte `offset` of the line, with an optional detail and severity.
    init(_ offset: Int, _ detail: String? = nil, severity: Severity? = nil) {
        self.offset = offset
        self.detail = detail
        self.severity = severity
    }
}

/// How SARIF and code-scanning tools rank a severity.
extension Severity {
    /// SARIF's `level`: critical and high findings are errors.
    public var sarifLevel: String {
        switch self {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low: "note"
        }
    }

    /// GitHub code scanning's `security-severity` score for the severity.
    public var securityScore: String {
        switch self {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        }
    }
}
