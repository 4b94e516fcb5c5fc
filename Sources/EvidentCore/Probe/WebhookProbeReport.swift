/// The result of `evident probe webhook`: each delivery with its answer and timing, and the checks.
/// It holds no secret and no signature: only what was sent (by kind) and what came back.
public struct WebhookProbeReport: ProbeResult, Codable, Equatable {
    /// The version of this document's shape.
    public static let currentFormatVersion = 1

    /// One delivery posted to the endpoint.
    public struct Delivery: Sendable, Codable, Equatable {
        /// `unsigned`, `wrong-secret`, `stale-timestamp`, `signed`.
        public let name: String
        /// What was sent, for people.
        public let description: String
        /// The event id in the body, so the endpoint's logs can be matched.
        public let eventID: String
        /// The `t=` value signed (Unix seconds), nil for the unsigned delivery.
        public let timestamp: Int64?
        /// `4xx` or `2xx`.
        public let expected: String
        public let status: Int
        public let reason: String
        /// Where a redirect pointed; it was not followed.
        public let location: String?
        public let milliseconds: Int
        public let responseBytes: Int

        enum CodingKeys: String, CodingKey {
            case name, description, eventID = "event_id", timestamp, expected, status, reason, location, milliseconds
            case responseBytes = "response_bytes"
        }

        /// Whether the status is in the expected class.
        public var passed: Bool {
            expected == "2xx" ? (200..<300).contains(status) : (400..<500).contains(status)
        }

        /// `400 Bad Request in 3 ms`, with a redirect's target.
        public var answer: String {
            "\(status)\(reason.isEmpty ? "" : " " + reason) in \(milliseconds) ms"
                + (location.map { " (redirect to \($0), not followed)" } ?? "")
        }
    }

    public let formatVersion: Int
    public let evidentVersion: String
    public let probe: ProbeID
    /// The URL posted to, sensitive values masked.
    public let target: String
    /// The signature header's name.
    public let header: String
    public let probedAt: Timestamp
    public let timeoutSeconds: Double
    public let deliveries: [Delivery]
    public let checks: [ProbeCheck]
    public let passedAll: Bool

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", evidentVersion = "evident_version", probe, target, header
        case probedAt = "probed_at", timeoutSeconds = "timeout_seconds", deliveries, checks, passedAll = "passed"
    }

    init(evidentVersion: String, target: String, header: String, probedAt: Timestamp, timeoutSeconds: Double, deliveries: [Delivery]) {
        formatVersion = Self.currentFormatVersion
        self.evidentVersion = evidentVersion
        probe = .webhook
        self.target = target
        self.header = header
        self.probedAt = probedAt
        self.timeoutSeconds = timeoutSeconds
        self.deliveries = deliveries
        checks = deliveries.map { delivery in
            let (id, title) = Self.checkNames[delivery.name] ?? (delivery.name, delivery.description)
            return ProbeCheck(id: id, title: title, passed: delivery.passed, detail: "expected \(delivery.expected), got \(delivery.answer)")
        }
        passedAll = checks.allSatisfy(\.passed)
    }

    private static let checkNames: [String: (String, String)] = [
        "unsigned": ("unsigned-refused", "a delivery without a signature is refused (4xx)"),
        "wrong-secret": ("wrong-secret-refused", "a delivery signed with another secret is refused (4xx)"),
        "stale-timestamp": ("stale-timestamp-refused", "a delivery signed over 300 s ago is refused (4xx)"),
        "signed": ("signed-accepted", "a properly signed, current delivery is accepted (2xx)"),
    ]

    public var evidenceDeadline: Timestamp? { nil }

    public var evidenceFileName: String { "probe-webhook.json" }

    public var summary: String {
        "Webhook probe of \(target) (header \(header)) at \(probedAt.iso8601): "
            + deliveries.map { "\($0.name) → \($0.answer), expected \($0.expected)" }.joined(separator: "; ")
            + " — " + verdict
    }
}
