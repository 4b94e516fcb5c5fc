import Crypto
import Foundation
import NIOSSL

/// A webhook signing secret. It only signs: it never prints, encodes or compares itself.
public struct WebhookSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The key bytes; kept as bytes because Crypto's `SymmetricKey` is not `Sendable`.
    private let key: [UInt8]

    /// The secret in the environment variable `name` of `environment`; unset or empty is bad input (65).
    public init(environmentVariable name: String, in environment: [String: String]) throws {
        guard let value = environment[name], !value.isEmpty else { throw ProbeError.missingSecret(variable: name) }
        key = Array(value.utf8)
    }

    /// A fresh random secret: the "wrong secret" a forger would use.
    static func random() -> WebhookSecret { WebhookSecret(key: (0..<32).map { _ in UInt8.random(in: 0...255) }) }

    private init(key: [UInt8]) { self.key = key }

    /// The guide's signature header value: `t=TIMESTAMP,v1=HEX`, HEX the HMAC-SHA256 of `TIMESTAMP.BODY`.
    func signatureHeader(timestamp: Int64, body: [UInt8]) -> String {
        var message = Array("\(timestamp).".utf8)
        message.append(contentsOf: body)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))
        return "t=\(timestamp),v1=" + Digest.hex(code)
    }

    public var description: String { "(webhook secret, hidden)" }
    public var debugDescription: String { description }
}

/// `evident probe webhook`: posts the four deliveries of SPEC §5 to a (staging) endpoint and
/// records how it answered each.
public enum WebhookProbe {
    /// What the probe needs besides the URL.
    public struct Options: Sendable {
        public var secret: WebhookSecret
        /// The signature header's name.
        public var header: String
        public var timeout: Double
        /// Trust anchors for an https endpoint (nil: the system's).
        public var caFile: String?
        /// Evident's clock: the date of the result.
        public var now: Timestamp
        /// The real time in Unix seconds: what the endpoint checks the signed timestamp against.
        public var wallClock: @Sendable () -> Int64
        public var evidentVersion: String

        public init(
            secret: WebhookSecret, header: String = WebhookProbe.defaultHeader, timeout: Double = TLSProbe.defaultTimeout,
            caFile: String? = nil, now: Timestamp, wallClock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) },
            evidentVersion: String = EvidentVersion.current
        ) {
            self.secret = secret
            self.header = header
            self.timeout = timeout
            self.caFile = caFile
            self.now = now
            self.wallClock = wallClock
            self.evidentVersion = evidentVersion
        }
    }

    /// The guide's header name.
    public static let defaultHeader = "LiasonPay-Signature"
    /// How old the stale delivery's timestamp is: past the guide's 300 s, with a minute for clock skew.
    public static let staleAge: Int64 = 360

    /// Posts the four deliveries in order and reports the answers. Throws a `ProbeError` when the URL
    /// is unusable (65) or a delivery gets no answer (74); nothing is then reported or filed.
    public static func run(_ url: ProbeURL, options: Options) async throws -> WebhookProbeReport {
        try TLSProbe.checkTimeout(options.timeout)
        guard !options.header.isEmpty, options.header.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw ProbeError.badURL(url.text, reason: "the header name '\(options.header)' is not a valid HTTP header name")
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let caFile = options.caFile {
            _ = try TrustRoots.file(caFile)
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
        }
        let run = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let wrong = WebhookSecret.random()
        var deliveries: [WebhookProbeReport.Delivery] = []
        let plan: [(name: String, description: String, signer: WebhookSecret?, age: Int64)] = [
            ("unsigned", "no \(options.header) header", nil, 0),
            ("wrong-secret", "signed with a random secret that is not the endpoint's", wrong, 0),
            ("stale-timestamp", "properly signed, timestamp \(staleAge) s old", options.secret, staleAge),
            ("signed", "properly signed, current timestamp", options.secret, 0),
        ]
        for (index, step) in plan.enumerated() {
            let timestamp = options.wallClock() - step.age
            let eventID = "evt_evident_probe_\(run)_\(index + 1)"
            let body = Array(#"{"id":"\#(eventID)","type":"evident.probe","created":\#(timestamp),"livemode":false,"data":{"object":{"description":"Evident webhook probe: \#(step.name) delivery; safe to ignore"}}}"#.utf8)
            let headers = step.signer.map { [(options.header, $0.signatureHeader(timestamp: timestamp, body: body))] } ?? []
            let clock = ContinuousClock()
            let started = clock.now
            let answer = try await HTTPExchange.post(
                url, headers: headers, body: body, tls: tls, timeout: options.timeout, during: "the \(step.name) delivery")
            let elapsed = started.duration(to: clock.now)
            let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            deliveries.append(.init(
                name: step.name, description: step.description, eventID: eventID, timestamp: step.signer == nil ? nil : timestamp,
                expected: step.name == "signed" ? "2xx" : "4xx", status: answer.status, reason: TextSanitizer.visible(answer.reason),
                location: answer.location.map { SensitiveData.mask(TextSanitizer.visible($0)).text }, milliseconds: milliseconds,
                responseBytes: answer.bodyBytes))
        }
        return WebhookProbeReport(
            evidentVersion: options.evidentVersion, target: SensitiveData.mask(url.text).text, header: options.header,
            probedAt: options.now, timeoutSeconds: options.timeout, deliveries: deliveries)
    }
}
