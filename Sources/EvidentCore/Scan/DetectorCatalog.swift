/// The detectors of SPEC §5, in one table: adding a detector is one entry here, a case of
/// `DetectorID`, its line logic and its tests.
extension Detector {
    /// Every detector, in the order of `DetectorID`.
    public static let all: [Detector] = [
        Detector(
            id: .hardcodedAPIKey, severity: .critical,
            title: "LiasonPay secret key hardcoded in source",
            help: "Load keys at run time from the environment or a secrets manager "
                + "(process.env.LIASONPAY_API_KEY, os.environ[...]) and rotate any key that was committed.",
            families: [.code, .shell, .config, .markup, .other], readsComments: true,
            anchors: HardcodedKeyRule.anchors, inspect: HardcodedKeyRule.inspect),
        Detector(
            id: .tlsVerificationDisabled, severity: .critical,
            title: "TLS certificate verification disabled",
            help: "Keep certificate and hostname verification on for every request; fix a certificate "
                + "problem by configuring the CA bundle, never by turning verification off.",
            families: [.code, .shell, .config], readsComments: false,
            anchors: TLSVerificationRule.anchors, inspect: TLSVerificationRule.inspect),
        Detector(
            id: .weakTLSVersion, severity: .high,
            title: "TLS 1.0, TLS 1.1 or SSL allowed",
            help: "Require TLS 1.2 or later (minVersion: 'TLSv1.2', tls.VersionTLS12, "
                + "ssl.TLSVersion.TLSv1_2, ssl_protocols TLSv1.2 TLSv1.3).",
            families: [.code, .shell, .config], readsComments: false,
            anchors: WeakTLSRule.anchors, inspect: WeakTLSRule.inspect),
        Detector(
            id: .plainHTTPAPI, severity: .critical,
            title: "payment API called over plain HTTP",
            help: "Call the LiasonPay API over https:// only; plain http exposes keys and card data in transit.",
            families: [.code, .shell, .config, .markup], readsComments: false,
            anchors: PlainHTTPRule.anchors, inspect: PlainHTTPRule.inspect),
        Detector(
            id: .sqlStringInterpolation, severity: .high,
            title: "SQL query built by string interpolation or concatenation",
            help: "Use bound parameters (db.query('SELECT … WHERE id = ?', [id]), cursor.execute(sql, (id,)), "
                + "PreparedStatement) instead of splicing values into the SQL text.",
            families: [.code], readsComments: false,
            anchors: SQLInterpolationRule.anchors, inspect: SQLInterpolationRule.inspect),
        Detector(
            id: .errorStackExposed, severity: .medium,
            title: "stack trace or raw error sent to the client",
            help: "Log the error server-side and return a generic message "
                + "(res.status(500).json({ error: 'An unexpected error occurred' })).",
            families: [.code, .config], readsComments: false,
            anchors: ErrorExposureRule.anchors, inspect: ErrorExposureRule.inspect),
        Detector(
            id: .webhookSignatureUnsafeCompare, severity: .high,
            title: "webhook signature compared in non-constant time",
            help: "Compare signatures with a constant-time function: crypto.timingSafeEqual, hmac.compare_digest, "
                + "hmac.Equal, MessageDigest.isEqual, hash_equals, Rack::Utils.secure_compare, "
                + "CryptographicOperations.FixedTimeEquals.",
            families: [.code], readsComments: false,
            anchors: SignatureCompareRule.anchors, inspect: SignatureCompareRule.inspect,
            companions: { file, anchors in anchors.contains("hmac") ? file.hmacNames : [] }),
    ]

    /// The detector with `id`.
    public static func named(_ id: DetectorID) -> Detector {
        all.first { $0.id == id }!
    }
}
