/// The detectors `evident scan` runs (SPEC §5); checklist items name them in `checks`.
public enum DetectorID: String, Sendable, Codable, CaseIterable, Comparable {
    case hardcodedAPIKey = "hardcoded-api-key"
    case tlsVerificationDisabled = "tls-verification-disabled"
    case weakTLSVersion = "weak-tls-version"
    case plainHTTPAPI = "plain-http-api"
    case sqlStringInterpolation = "sql-string-interpolation"
    case errorStackExposed = "error-stack-exposed"
    case webhookSignatureUnsafeCompare = "webhook-signature-unsafe-compare"

    public static func < (lhs: DetectorID, rhs: DetectorID) -> Bool { lhs.rawValue < rhs.rawValue }
}
