/// What `evident probe` prints on a terminal: the observations, then each check and the verdict.
public enum ProbeText {
    /// The TLS probe's observations and checks.
    public static func render(_ report: TLSProbeReport) -> String {
        var lines = ["TLS probe of \(report.target) (timeout \(ProbeError.seconds(report.timeoutSeconds)) s)"]
        for (index, attempt) in report.protocols.enumerated() {
            lines.append(row(index == 0 ? "protocols" : "", "\(attempt.version) \(attempt.accepted ? "accepted" : "refused") (\(attempt.detail))"))
        }
        if let negotiated = report.negotiated {
            lines.append(row("negotiated", "\(negotiated.version ?? "unknown version"), \(negotiated.suite ?? "suite not seen")"
                + (negotiated.strong ? "" : " (not a forward-secret AEAD suite)")))
        } else {
            lines.append(row("negotiated", "nothing: no TLS 1.2–1.3 handshake completed"))
        }
        let offered = report.weakSuites.filter(\.offered)
        let accepted = offered.filter(\.accepted)
        lines.append(row("weak suites", accepted.isEmpty
            ? "none accepted (\(offered.count) tried one at a time)"
            : accepted.map { "\($0.suite) accepted: \($0.weakness)" }.joined(separator: "\n" + row("", ""))))
        let untested = report.weakSuites.filter { !$0.offered }.map(\.suite)
        if !untested.isEmpty {
            lines.append(row("not tested", "BoringSSL cannot offer " + untested.joined(separator: ", ")))
        }
        if let certificate = report.certificate {
            lines.append(row("certificate", "\(certificate.subject), issued by \(certificate.issuer)"))
            lines.append(row("", "valid \(certificate.notBefore.iso8601) to \(certificate.notAfter.iso8601)"))
            lines.append(row("", "names: " + (certificate.names.isEmpty ? "none (no subjectAltName)" : certificate.names.joined(separator: ", "))))
            lines.append(row("", certificate.fingerprint))
            lines.append(row("chain", (certificate.trusted ? "trusted: " : "NOT trusted: ") + certificate.trustDetail))
        } else {
            lines.append(row("certificate", "none seen"))
        }
        return (lines + checks(report)).joined(separator: "\n") + "\n"
    }

    /// The webhook probe's deliveries and checks.
    public static func render(_ report: WebhookProbeReport) -> String {
        var lines = ["Webhook probe of \(report.target) (header \(report.header), timeout \(ProbeError.seconds(report.timeoutSeconds)) s)"]
        for delivery in report.deliveries {
            lines.append(row(delivery.name, width: 16, "\(delivery.answer) (expected \(delivery.expected)): \(delivery.description)"))
        }
        return (lines + checks(report)).joined(separator: "\n") + "\n"
    }

    private static func checks(_ result: some ProbeResult) -> [String] {
        ["checks"] + result.checks.map { "  \($0.passed ? "pass" : "FAIL")  \($0.title): \($0.detail)" }
            + ["result: \(result.passed ? "PASS" : "FAIL"), \(result.verdict)"]
    }

    /// `  label        text`: the label padded to `width` (at least one space after it).
    private static func row(_ label: String, width: Int = 13, _ text: String) -> String {
        "  " + (label.count >= width ? label + " " : label.padding(toLength: width, withPad: " ", startingAt: 0)) + text
    }
}
