import Foundation
import SwiftASN1
// Chains are judged without dates so that an expired certificate reads as "expired", not as
// "untrusted"; the dates are then judged against Evident's clock (`current`).
@_spi(DisableValidityCheck) import X509

/// Where the probe takes its trust anchors from: the system's store or a `--ca` file.
public struct TrustRoots: Sendable {
    /// `system trust store` or `--ca PATH`, for the output.
    public let source: String
    let store: CertificateStore

    /// The system's trust store (`/etc/ssl/certs/ca-certificates.crt` and its peers on Linux).
    public static let system = TrustRoots(source: "system trust store", store: CertificateStore.systemTrustRoots)

    /// The certificates of the PEM file at `path`, and nothing else.
    public static func file(_ path: String) throws -> TrustRoots {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw ProbeError.unreadableCA(path: path) }
        let certificates: [Certificate]
        do {
            certificates = try PEMDocument.parseMultiple(pemString: text)
                .filter { $0.discriminator == "CERTIFICATE" }
                .map { try Certificate(pemDocument: $0) }
        } catch {
            throw ProbeError.invalidCA(path: path, reason: "it is not PEM (-----BEGIN CERTIFICATE-----)")
        }
        guard !certificates.isEmpty else { throw ProbeError.invalidCA(path: path, reason: "no CERTIFICATE block") }
        return TrustRoots(source: "--ca \(path)", store: CertificateStore(certificates))
    }
}

/// What the probe found about the endpoint's certificate: who it names, until when, whether it
/// chains to a trusted root and matches the host name.
public struct CertificateReport: Sendable, Codable, Equatable {
    public let subject: String
    public let issuer: String
    public let serialNumber: String
    /// The names the certificate is valid for (its subjectAltName DNS names and IP addresses).
    public let names: [String]
    public let notBefore: Timestamp
    public let notAfter: Timestamp
    /// `sha256:` and the SHA-256 of the leaf certificate's DER bytes.
    public let fingerprint: String
    /// How many certificates the endpoint presented, leaf included.
    public let presented: Int
    /// The trust anchors used: `system trust store` or `--ca PATH`.
    public let trustSource: String
    public let trusted: Bool
    /// The chain that was built (subjects, leaf to root), or why none was.
    public let trustDetail: String
    public let hostname: String
    public let hostnameMatched: Bool
    /// The earliest notAfter of the validated chain (the leaf's when no chain validated).
    public let validUntil: Timestamp
    /// Whether every certificate of the chain is valid at the probe's time.
    public let current: Bool

    enum CodingKeys: String, CodingKey {
        case subject, issuer, serialNumber = "serial_number", names, notBefore = "not_before", notAfter = "not_after"
        case fingerprint, presented, trustSource = "trust_source", trusted, trustDetail = "trust_detail", hostname
        case hostnameMatched = "hostname_matched", validUntil = "valid_until", current
    }
}

/// Judges a presented chain with swift-certificates: RFC 5280 path building to the trust roots,
/// the server identity (RFC 6125) and the validity dates against Evident's clock.
enum CertificateCheck {
    /// The report for `chain` (DER, leaf first) presented by `endpoint`, judged at `now`.
    static func evaluate(chain der: [[UInt8]], endpoint: ProbeEndpoint, roots: TrustRoots, now: Timestamp) async -> CertificateReport? {
        let certificates = der.compactMap { try? Certificate(derEncoded: $0) }
        guard let leaf = certificates.first, let leafDER = der.first else { return nil }
        let time = Date(timeIntervalSince1970: TimeInterval(now.seconds))

        var verifier = Verifier(rootCertificates: roots.store) { RFC5280Policy.withValidityCheckDisabled() }
        let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore(certificates.dropFirst()))
        let trusted: Bool, trustDetail: String, judged: [Certificate]
        switch result {
        case let .validCertificate(chain):
            trusted = true
            judged = Array(chain)
            trustDetail = "chain " + chain.map { "\($0.subject)" }.joined(separator: " → ") + " (\(roots.source))"
        case let .couldNotValidate(failures):
            trusted = false
            judged = [leaf]
            trustDetail = Self.untrustedReason(leaf, failures: failures, roots: roots)
        }

        let matched = await Self.namesHost(leaf, endpoint: endpoint)
        let current = judged.allSatisfy { $0.notValidBefore <= time && time < $0.notValidAfter }
        let validUntil = judged.map(\.notValidAfter).min() ?? leaf.notValidAfter
        return CertificateReport(
            subject: "\(leaf.subject)", issuer: "\(leaf.issuer)", serialNumber: "\(leaf.serialNumber)",
            names: Self.names(leaf), notBefore: Self.timestamp(leaf.notValidBefore), notAfter: Self.timestamp(leaf.notValidAfter),
            fingerprint: "sha256:" + Digest.sha256(leafDER), presented: certificates.count, trustSource: roots.source,
            trusted: trusted, trustDetail: trustDetail, hostname: endpoint.host, hostnameMatched: matched,
            validUntil: Self.timestamp(validUntil), current: current)
    }

    /// Whether `leaf` is valid for the endpoint's host name or address (RFC 6125), judged alone: the
    /// leaf is its own anchor here, so nothing but the identity decides.
    private static func namesHost(_ leaf: Certificate, endpoint: ProbeEndpoint) async -> Bool {
        let critical = leaf.extensions.filter(\.critical).map(\.oid)
        let address = endpoint.hostIsAddress
        var verifier = Verifier(rootCertificates: CertificateStore([leaf])) {
            ServerIdentityPolicy(serverHostname: address ? nil : endpoint.host, serverIP: address ? endpoint.host : nil)
            HandledElsewhere(verifyingCriticalExtensions: critical)
        }
        if case .validCertificate = await verifier.validate(leaf: leaf, intermediates: CertificateStore()) { return true }
        return false
    }

    private static func untrustedReason(
        _ leaf: Certificate, failures: [CertificateValidationResult.PolicyFailure], roots: TrustRoots
    ) -> String {
        if leaf.subject == leaf.issuer { return "self-signed certificate \(leaf.subject), not in the \(roots.source)" }
        if let failure = failures.first {
            let reason = failure.policyFailureReason.description
            return "no acceptable chain: " + (reason.count > 200 ? String(reason.prefix(199)) + "…" : reason)
        }
        return "no chain from issuer \(leaf.issuer) to a root in the \(roots.source)"
    }

    private static func names(_ certificate: Certificate) -> [String] {
        guard let names = try? certificate.extensions.subjectAlternativeNames else { return [] }
        return names.compactMap { name in
            switch name {
            case let .dnsName(text): return text
            case let .ipAddress(bytes): return address(Array(bytes.bytes))
            default: return nil
            }
        }
    }

    private static func address(_ bytes: [UInt8]) -> String? {
        switch bytes.count {
        case 4: return bytes.map(String.init).joined(separator: ".")
        case 16: return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
            .joined(separator: ":")
        default: return nil
        }
    }

    private static func timestamp(_ date: Date) -> Timestamp {
        Timestamp(seconds: Int64(date.timeIntervalSince1970.rounded(.down)))
    }
}

/// A policy that only declares the leaf's critical extensions handled: the trust check (RFC 5280)
/// judges them; the host name check must not fail on them.
private struct HandledElsewhere: VerifierPolicy {
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier]

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) async -> PolicyEvaluationResult { .meetsPolicy }
}
