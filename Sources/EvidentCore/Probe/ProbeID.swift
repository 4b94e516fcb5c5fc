/// The live probes of `evident probe` (SPEC §5); checklist items name them in `checks`, beside
/// the scan detectors.
public enum ProbeID: String, Sendable, Codable, CaseIterable, Comparable {
    /// `evident probe tls`: protocol versions, cipher suites, certificate chain, hostname, expiry.
    case tls = "probe-tls"
    /// `evident probe webhook`: unsigned, forged, stale and properly signed deliveries.
    case webhook = "probe-webhook"

    public static func < (lhs: ProbeID, rhs: ProbeID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Every id an item's `checks` may name: the detectors of `evident scan` and the probes.
public enum CheckIDs {
    /// Detector ids, then probe ids, each in declaration order.
    public static let known: [String] = DetectorID.allCases.map(\.rawValue) + ProbeID.allCases.map(\.rawValue)

    /// Whether `id` names a detector or a probe.
    public static func isKnown(_ id: String) -> Bool {
        DetectorID(rawValue: id) != nil || ProbeID(rawValue: id) != nil
    }
}
