/// The result of `evident probe tls`: every handshake attempted and what it showed, the certificate,
/// and the checks decided from them. It is the JSON of `--format json` and the file `--attach` files.
public struct TLSProbeReport: ProbeResult, Codable, Equatable {
    /// The version of this document's shape.
    public static let currentFormatVersion = 1

    /// One protocol version offered alone.
    public struct ProtocolAttempt: Sendable, Codable, Equatable {
        /// `TLS 1.0` … `TLS 1.3`.
        public let version: String
        public let accepted: Bool
        /// The suite negotiated, or why the endpoint refused.
        public let detail: String
    }

    /// What a default modern client (TLS 1.2 to 1.3, swift-nio-ssl's default suites) negotiated.
    public struct Negotiation: Sendable, Codable, Equatable {
        public let version: String?
        public let suite: String?
        public let strong: Bool
    }

    /// One weak suite: offered alone when BoringSSL can, with the answer.
    public struct WeakSuiteAttempt: Sendable, Codable, Equatable {
        public let suite: String
        public let code: String
        public let weakness: String
        /// False when BoringSSL cannot offer the suite, so it was not tried.
        public let offered: Bool
        public let accepted: Bool
        public let detail: String
    }

    public let formatVersion: Int
    public let evidentVersion: String
    public let probe: ProbeID
    /// `host:port`.
    public let target: String
    public let probedAt: Timestamp
    public let timeoutSeconds: Double
    public let protocols: [ProtocolAttempt]
    public let negotiated: Negotiation?
    public let weakSuites: [WeakSuiteAttempt]
    public let certificate: CertificateReport?
    public let checks: [ProbeCheck]
    public let passedAll: Bool

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", evidentVersion = "evident_version", probe, target, probedAt = "probed_at"
        case timeoutSeconds = "timeout_seconds", protocols, negotiated, weakSuites = "weak_suites", certificate, checks
        case passedAll = "passed"
    }

    /// A report; the checks are decided here from the observations.
    init(
        evidentVersion: String, target: String, probedAt: Timestamp, timeoutSeconds: Double, protocols: [ProtocolAttempt],
        negotiated: Negotiation?, weakSuites: [WeakSuiteAttempt], certificate: CertificateReport?
    ) {
        formatVersion = Self.currentFormatVersion
        self.evidentVersion = evidentVersion
        probe = .tls
        self.target = target
        self.probedAt = probedAt
        self.timeoutSeconds = timeoutSeconds
        self.protocols = protocols
        self.negotiated = negotiated
        self.weakSuites = weakSuites
        self.certificate = certificate
        checks = Self.decide(protocols: protocols, negotiated: negotiated, weakSuites: weakSuites, certificate: certificate, at: probedAt)
        passedAll = checks.allSatisfy(\.passed)
    }

    public var evidenceDeadline: Timestamp? { certificate?.validUntil }

    public var evidenceFileName: String { "probe-tls-" + BundlePath.safeName(target.replacingOccurrences(of: ":", with: "-")) + ".json" }

    // MARK: - Checks

    private static func decide(
        protocols: [ProtocolAttempt], negotiated: Negotiation?, weakSuites: [WeakSuiteAttempt], certificate: CertificateReport?,
        at time: Timestamp
    ) -> [ProbeCheck] {
        func attempt(_ version: String) -> ProtocolAttempt? { protocols.first { $0.version == version } }
        func describe(_ attempt: ProtocolAttempt?) -> String {
            guard let attempt else { return "not tried" }
            return "\(attempt.version) \(attempt.accepted ? "accepted" : "refused") (\(attempt.detail))"
        }
        let legacy = [attempt("TLS 1.0"), attempt("TLS 1.1")]
        let modern = [attempt("TLS 1.2"), attempt("TLS 1.3")]
        let offered = weakSuites.filter(\.offered)
        let acceptedWeak = offered.filter(\.accepted)
        var checks = [
            ProbeCheck(
                id: "legacy-protocols-refused", title: "TLS 1.0 and TLS 1.1 are refused",
                passed: legacy.allSatisfy { $0?.accepted == false }, detail: legacy.map(describe).joined(separator: "; ")),
            ProbeCheck(
                id: "modern-protocol-accepted", title: "TLS 1.2 or TLS 1.3 is accepted",
                passed: modern.contains { $0?.accepted == true }, detail: modern.map(describe).joined(separator: "; ")),
            ProbeCheck(
                id: "strong-suite-negotiated", title: "a modern client negotiates a forward-secret AEAD suite",
                passed: negotiated?.strong == true,
                detail: negotiated.map { "\($0.version ?? "unknown version"), \($0.suite ?? "suite not seen")" }
                    ?? "no handshake with TLS 1.2 or 1.3 completed"),
            ProbeCheck(
                id: "no-weak-suites", title: "no weak cipher suite is accepted",
                passed: acceptedWeak.isEmpty,
                detail: (acceptedWeak.isEmpty
                    ? "none of the \(offered.count) weak suites offered was accepted"
                    : "accepted: " + acceptedWeak.map { "\($0.suite) (\($0.weakness))" }.joined(separator: ", "))
                    + "; \(weakSuites.count - offered.count) known-weak suites cannot be offered by BoringSSL and were not tried"),
        ]
        guard let certificate else {
            let none = "no certificate: no handshake completed"
            checks += [
                ProbeCheck(id: "chain-trusted", title: "the certificate chain is valid against the trust roots", passed: false, detail: none),
                ProbeCheck(id: "hostname-matched", title: "the certificate names the host", passed: false, detail: none),
                ProbeCheck(id: "certificate-current", title: "the certificate is within its validity dates", passed: false, detail: none),
            ]
            return checks
        }
        let names = certificate.names.isEmpty ? "no subjectAltName" : certificate.names.joined(separator: ", ")
        checks += [
            ProbeCheck(
                id: "chain-trusted", title: "the certificate chain is valid against the trust roots",
                passed: certificate.trusted, detail: certificate.trustDetail),
            ProbeCheck(
                id: "hostname-matched", title: "the certificate names the host",
                passed: certificate.hostnameMatched,
                detail: "\(certificate.hostname) \(certificate.hostnameMatched ? "matches" : "does not match") \(names)"),
            ProbeCheck(
                id: "certificate-current", title: "the certificate is within its validity dates",
                passed: certificate.current,
                detail: certificate.current
                    ? "valid until \(certificate.validUntil.iso8601)"
                    : time >= certificate.validUntil
                        ? "expired on \(certificate.validUntil.iso8601)"
                        : "not valid before \(certificate.notBefore.iso8601)"),
        ]
        return checks
    }

    // MARK: - Summary

    public var summary: String {
        var parts = [protocols.map { "\($0.version) \($0.accepted ? "accepted" : "refused")" }.joined(separator: ", ")]
        if let negotiated {
            parts.append("negotiated \(negotiated.version ?? "?") \(negotiated.suite ?? "?")")
        }
        let offered = weakSuites.filter(\.offered)
        let acceptedWeak = offered.filter(\.accepted).map(\.suite)
        parts.append("weak suites accepted: " + (acceptedWeak.isEmpty ? "none of \(offered.count) offered" : acceptedWeak.joined(separator: ", ")))
        if let certificate {
            parts.append("chain \(certificate.trusted ? "trusted" : "NOT trusted") (\(certificate.trustSource))")
            parts.append("hostname \(certificate.hostname) \(certificate.hostnameMatched ? "matched" : "NOT matched")")
            parts.append("certificate \(certificate.subject) valid \(certificate.notBefore.iso8601) to \(certificate.notAfter.iso8601)"
                + (certificate.current ? "" : " (NOT current)"))
        } else {
            parts.append("no certificate seen")
        }
        return "TLS probe of \(target) at \(probedAt.iso8601): " + parts.joined(separator: "; ") + " — " + verdict
    }
}
