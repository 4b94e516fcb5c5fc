/// The measured table (see `DetectorQuality`). The figures are rewritten from the corpus test's
/// output whenever a detector changes; the test fails until they are.
extension DetectorQuality {
    public static let table: [DetectorQuality] = [
        DetectorQuality(
            detector: .hardcodedAPIKey,
            scope: "LiasonPay secret and restricted keys (sk_/rk_, live and test) and webhook secrets (whsec_) written "
                + "into any text file, comments included; test keys in test and fixture files are reported at low severity.",
            tuning: CorpusFigures(mustFlag: 15, caught: 15, reported: 15),
            holdout: CorpusFigures(mustFlag: 14, caught: 14, reported: 14)),
        DetectorQuality(
            detector: .tlsVerificationDisabled,
            scope: "Certificate or hostname verification turned off in code (requests, Node, Go, Java/Kotlin trust "
                + "managers and trust strategies, .NET callbacks, PHP curl and streams, Ruby, Swift), in YAML and "
                + "kubeconfig keys, environment files and shell commands (curl -k, wget, git, npm).",
            tuning: CorpusFigures(mustFlag: 61, caught: 61, reported: 61),
            holdout: CorpusFigures(mustFlag: 26, caught: 23, reported: 27)),
        DetectorQuality(
            detector: .weakTLSVersion,
            scope: "TLS 1.0, TLS 1.1 or SSL allowed by a version setting in code, configuration or a command line.",
            tuning: CorpusFigures(mustFlag: 12, caught: 12, reported: 12),
            holdout: CorpusFigures(mustFlag: 10, caught: 9, reported: 9)),
        DetectorQuality(
            detector: .plainHTTPAPI,
            scope: "http:// URLs whose host names LiasonPay, outside comments, in code, configuration, scripts and markup.",
            tuning: CorpusFigures(mustFlag: 12, caught: 12, reported: 12),
            holdout: CorpusFigures(mustFlag: 11, caught: 11, reported: 11)),
        DetectorQuality(
            detector: .sqlStringInterpolation,
            scope: "SQL text built from values by interpolation, formatting or concatenation on one statement, including "
                + "pieces appended on later lines and ORM fragments; data flow between functions is not followed.",
            tuning: CorpusFigures(mustFlag: 55, caught: 55, reported: 55),
            holdout: CorpusFigures(mustFlag: 31, caught: 27, reported: 28)),
        DetectorQuality(
            detector: .errorStackExposed,
            scope: "Stack traces, raw or serialised errors written to a response with a 5xx status (or none), and debug "
                + "switches that show them; errors answered with a 4xx status are not findings.",
            tuning: CorpusFigures(mustFlag: 20, caught: 20, reported: 20),
            holdout: CorpusFigures(mustFlag: 12, caught: 12, reported: 12)),
        DetectorQuality(
            detector: .webhookSignatureUnsafeCompare,
            scope: "==, !=, .equals, strcmp or Arrays.equals on a signature, HMAC or digest, or on a variable the file "
                + "assigned from an HMAC computation; comparisons of lengths, names and algorithms are not findings.",
            tuning: CorpusFigures(mustFlag: 18, caught: 18, reported: 18),
            holdout: CorpusFigures(mustFlag: 10, caught: 10, reported: 10)),
    ]
}
