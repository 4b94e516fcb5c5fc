/// One thing a probe checked, and whether it held.
public struct ProbeCheck: Sendable, Codable, Equatable {
    /// A stable id (`legacy-protocols-refused`).
    public let id: String
    /// The statement that should hold, for people.
    public let title: String
    public let passed: Bool
    /// What was observed that decided it.
    public let detail: String

    public init(id: String, title: String, passed: Bool, detail: String) {
        self.id = id
        self.title = title
        self.passed = passed
        self.detail = detail
    }
}

/// What both probes' results offer to output and to `--attach`.
public protocol ProbeResult: Sendable, Encodable {
    /// Which probe ran: the id items name in `checks`.
    var probe: ProbeID { get }
    /// What was probed, for messages (`localhost:8443`, a URL).
    var target: String { get }
    var checks: [ProbeCheck] { get }
    /// One line with the raw observations, the note filed with the evidence.
    var summary: String { get }
    /// When evidence built on this result must expire at the latest (a certificate's end).
    var evidenceDeadline: Timestamp? { get }
    /// The name the filed JSON document gets in the vault.
    var evidenceFileName: String { get }
}

extension ProbeResult {
    /// Whether every check held.
    public var passed: Bool { checks.allSatisfy(\.passed) }

    /// `all 7 checks hold` or `2 of 7 checks failed: a, b`.
    public var verdict: String {
        let failed = checks.filter { !$0.passed }.map(\.id)
        if failed.isEmpty { return "all \(checks.count) checks hold" }
        return "\(failed.count) of \(checks.count) checks failed: " + failed.joined(separator: ", ")
    }
}
