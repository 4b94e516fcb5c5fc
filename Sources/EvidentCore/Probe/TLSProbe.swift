import NIOSSL

/// `evident probe tls`: asks a live endpoint, one handshake at a time, which protocol versions and
/// weak suites it accepts, what a modern client negotiates, and what certificate it presents.
public enum TLSProbe {
    /// What the probe needs besides the endpoint.
    public struct Options: Sendable {
        public var roots: TrustRoots
        /// Seconds each connection and handshake may take.
        public var timeout: Double
        /// The time the certificate is judged at and the result is dated (Evident's clock).
        public var now: Timestamp
        public var evidentVersion: String

        public init(roots: TrustRoots, timeout: Double, now: Timestamp, evidentVersion: String = EvidentVersion.current) {
            self.roots = roots
            self.timeout = timeout
            self.now = now
            self.evidentVersion = evidentVersion
        }
    }

    /// The default `--timeout`, in seconds.
    public static let defaultTimeout = 10.0

    /// Probes `endpoint`. Throws a `ProbeError` (exit 74) when it cannot be reached, does not answer
    /// in time or does not speak TLS: nothing is then reported or filed.
    public static func run(_ endpoint: ProbeEndpoint, options: Options) async throws -> TLSProbeReport {
        try checkTimeout(options.timeout)
        func attempt(_ configuration: TLSConfiguration, _ during: String) async throws -> HandshakeOutcome {
            try await TLSHandshake.attempt(endpoint, configuration: configuration, timeout: options.timeout, during: during)
        }

        // A modern client first: if the endpoint hangs or is not TLS, this is where it shows.
        let baseline = try await attempt(configuration(min: .tlsv12, max: .tlsv13), "a TLS 1.2–1.3 handshake")
        var chain: [[UInt8]] = []
        var negotiated: TLSProbeReport.Negotiation?
        if case let .accepted(version, suite, presented) = baseline {
            chain = presented
            negotiated = .init(version: version, suite: suite?.name, strong: suite?.isStrong ?? false)
        }

        var protocols: [TLSProbeReport.ProtocolAttempt] = []
        for (version, name) in [(TLSVersion.tlsv1, "TLS 1.0"), (.tlsv11, "TLS 1.1"), (.tlsv12, "TLS 1.2"), (.tlsv13, "TLS 1.3")] {
            var pinned = configuration(min: version, max: version)
            pinned.cipherSuites = "ALL:3DES"
            switch try await attempt(pinned, "a \(name) handshake") {
            case let .accepted(_, suite, presented):
                if chain.isEmpty { chain = presented }
                protocols.append(.init(version: name, accepted: true, detail: suite?.name ?? "suite not seen"))
            case let .refused(reason):
                protocols.append(.init(version: name, accepted: false, detail: reason))
            }
        }

        var weak: [TLSProbeReport.WeakSuiteAttempt] = []
        for candidate in CipherSuites.weak {
            var single = configuration(min: .tlsv1, max: .tlsv12)
            single.cipherSuites = candidate.suite.name
            let code = CipherSuites.hex(candidate.suite.code)
            guard offerable.contains(candidate.suite.code) else {
                weak.append(.init(suite: candidate.suite.name, code: code, weakness: candidate.weakness, offered: false,
                                  accepted: false, detail: "BoringSSL cannot offer this suite"))
                continue
            }
            switch try await attempt(single, "offering \(candidate.suite.name)") {
            case let .accepted(version, _, _):
                weak.append(.init(suite: candidate.suite.name, code: code, weakness: candidate.weakness, offered: true,
                                  accepted: true, detail: "accepted with \(version ?? "an unknown version")"))
            case let .refused(reason):
                weak.append(.init(suite: candidate.suite.name, code: code, weakness: candidate.weakness, offered: true,
                                  accepted: false, detail: reason))
            }
        }

        let certificate = await CertificateCheck.evaluate(chain: chain, endpoint: endpoint, roots: options.roots, now: options.now)
        return TLSProbeReport(
            evidentVersion: options.evidentVersion, target: endpoint.display, probedAt: options.now,
            timeoutSeconds: options.timeout, protocols: protocols, negotiated: negotiated, weakSuites: weak,
            certificate: certificate)
    }

    /// The weak suites BoringSSL cannot offer, by name: what `probe tls` cannot test.
    public static var suitesItCannotOffer: [String] {
        CipherSuites.weak.filter { !offerable.contains($0.suite.code) }.map(\.suite.name)
    }

    /// Refuses a timeout outside (0, 300] seconds.
    static func checkTimeout(_ seconds: Double) throws {
        guard seconds > 0, seconds <= 300, seconds.isFinite else { throw ProbeError.badTimeout(seconds) }
    }

    private static func configuration(min: TLSVersion, max: TLSVersion) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = min
        configuration.maximumTLSVersion = max
        return configuration
    }

    /// Every TLS 1.2-and-earlier suite BoringSSL can offer, asked of BoringSSL itself: `ALL`, the
    /// deprecated 3DES and the CBC-SHA256 suites it only enables by name. (Naming a suite it lacks
    /// would stop swift-nio-ssl outright, so only these lists are ever given.)
    static let offerable: Set<UInt16> = {
        var everything = configuration(min: .tlsv1, max: .tlsv12)
        everything.cipherSuites = "ALL:3DES:TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256:TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"
        return Set(everything.cipherSuiteValues.map(\.rawValue))
    }()
}
