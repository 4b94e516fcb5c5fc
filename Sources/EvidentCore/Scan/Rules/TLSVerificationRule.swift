/// `tls-verification-disabled`: code or configuration that accepts any certificate or host.
/// Settings (`verify=False`…) are `TLSSettingRule`; this file adds the well-known names
/// (`ssl.CERT_NONE`, `VERIFY_NONE`, `NoopHostnameVerifier`…), `curl -k`, and callbacks that
/// accept everything (a `HostnameVerifier` returning true, an empty `checkServerTrusted`, a C#
/// validation callback returning true, a Swift delegate trusting `serverTrust` unevaluated).
/// Comments are skipped: explaining the bad practice is not doing it.
enum TLSVerificationRule {
    static let anchors = [
        "verif", "reject", "cert_none", "unverified", "trustall", "checkservertrusted", "certificatevalidation", "validationcallback",
        "certificate_validation", "acceptany", "acceptinvalid", "accept_invalid", "insecure", "curl",
        "check-certificate", "check_hostname", "checkhostname", "strict-ssl", "strictssl", "strict_ssl",
        "checkserveridentity", "validate_cert", "validatecert", "validate-cert", "allow_self_signed",
        "allowselfsigned", "allow-self-signed", "disabledtrustevaluator", "disabledevaluator", "urlcredential",
        "sslsession", "loadtrustmaterial", "trustselfsigned", "skipcertificatecheck", "validatesdomainname",
        "allowinvalidcertificates", "ssl=false",
    ]

    /// Names whose mere use turns verification off, with the detail reported.
    static let names: [(name: String, detail: String)] = [
        ("CERT_NONE", "ssl.CERT_NONE"), ("VERIFY_NONE", "VERIFY_NONE"),
        ("_create_unverified_context", "ssl._create_unverified_context"),
        ("ALLOW_ALL_HOSTNAME_VERIFIER", "ALLOW_ALL_HOSTNAME_VERIFIER"),
        ("AllowAllHostnameVerifier", "AllowAllHostnameVerifier"), ("NoopHostnameVerifier", "NoopHostnameVerifier"),
        ("InsecureTrustManagerFactory", "InsecureTrustManagerFactory"),
        ("TrustSelfSignedStrategy", "TrustSelfSignedStrategy"),
        ("DangerousAcceptAnyServerCertificateValidator", "DangerousAcceptAnyServerCertificateValidator"),
        ("DisabledTrustEvaluator", "DisabledTrustEvaluator"), ("DisabledEvaluator", "DisabledEvaluator"),
        ("--no-check-certificate", "--no-check-certificate"),
        ("--insecure-skip-tls-verify", "--insecure-skip-tls-verify"),
        ("-SkipCertificateCheck", "-SkipCertificateCheck"),
    ]

    /// The first way the line turns verification off, if it does.
    static func inspect(_ line: SourceLine) -> [LineHit] {
        guard !line.layout.isComment else { return [] }
        let hits = TLSSettingRule.hits(line) + nameHits(line) + curlHits(line) + CallbackRule.hits(line) + pythonSSLOff(line)
        return hits.min { $0.offset < $1.offset }.map { [$0] } ?? []
    }

    // MARK: - Names

    private static func nameHits(_ line: SourceLine) -> [LineHit] {
        let bytes = line.bytes
        var hits: [LineHit] = []
        // `import org.apache.http.conn.ssl.NoopHostnameVerifier;` names the class without using it.
        let first = bytes.skippingSpaces(from: 0)
        if ["import ", "using ", "from ", "require "].contains(where: { bytes.matches($0, at: first) }) { return [] }
        for (name, detail) in names {
            guard let start = bytes.find(name), RuleSupport.isUncommented(line, start) else { continue }
            let end = start + name.utf8.count
            if ASCII.isWord(name.utf8.first!), start > 0, ASCII.isWord(bytes[start - 1]) { continue }
            if end < bytes.count, ASCII.isWord(bytes[end]) || bytes.matches("=false", at: end) { continue }
            if RuleSupport.isCompared(bytes, start..<end) { continue }
            hits.append(LineHit(start, detail))
        }
        var from = 0
        while let start = bytes.find("trustall", from: from, ignoringCase: true) {
            from = start + 8
            let name = RuleSupport.qualifiedName(in: bytes, around: start)
            guard RuleSupport.isUncommented(line, start), !bytes.contains("prox", from: name.lowerBound, to: name.upperBound,
                                                                          ignoringCase: true),
                  !declaresFunction(bytes, named: name), !isQuery(bytes, at: start) else { continue }
            hits.append(LineHit(start, "trust-all certificates"))
            break
        }
        return hits
    }

    /// Whether `name` is the name of a function being declared (`fun trustAll() =`,
    /// `X509TrustManager trustAll() {`): the harm is in its body, reported where it accepts.
    private static func declaresFunction(_ bytes: [UInt8], named name: Range<Int>) -> Bool {
        guard bytes.matches("(", at: bytes.skippingSpaces(from: name.upperBound)) else { return false }
        let before = bytes.skippingSpacesBackward(from: name.lowerBound)
        guard before < name.lowerBound, before > 0, ASCII.isIdentifier(bytes[before - 1]) || bytes[before - 1] == UInt8(ascii: ">")
            || bytes[before - 1] == UInt8(ascii: "]") else { return false }
        return !bytes[..<name.lowerBound].contains(UInt8(ascii: "=")) && !bytes[..<name.lowerBound].contains(UInt8(ascii: "("))
    }

    /// aiohttp's and asyncpg's `ssl=False` argument: the connection's certificate is not checked.
    private static func pythonSSLOff(_ line: SourceLine) -> [LineHit] {
        guard line.language == .python, let found = line.layout.code.find("ssl=False"),
              found == 0 || !ASCII.isWord(line.layout.code[found - 1]) else { return [] }
        return [LineHit(found, "ssl=False")]
    }

    /// `isTrustAllCertificates()`, `getTrustAll()`: reading the setting, not making it.
    private static func isQuery(_ bytes: [UInt8], at start: Int) -> Bool {
        ["is", "get", "has"].contains { prefix in
            let count = prefix.utf8.count
            return start >= count && bytes.matches(prefix, at: start - count)
                && (start == count || !ASCII.isWord(bytes[start - count - 1]))
        }
    }

    // MARK: - curl

    /// `curl -k`, `curl --insecure` or a short-flag cluster holding `k` (`curl -fsSLk`), in a
    /// script or in a command string of code.
    private static func curlHits(_ line: SourceLine) -> [LineHit] {
        let bytes = line.bytes
        guard let curl = bytes.findWord("curl"), RuleSupport.isUncommented(line, curl) else { return [] }
        var index = curl + 4
        while index < bytes.count {
            index = bytes.skippingSpaces(from: index)
            let start = index
            while index < bytes.count, !ASCII.isSpace(bytes[index]) { index += 1 }
            let token = Array(bytes[start..<index]).trimmingAround { "'\"[](),".utf8.contains($0) }
            if token.first == UInt8(ascii: "|") || token.first == UInt8(ascii: ";") || token == Array("&&".utf8)
                || token.first == UInt8(ascii: "#") {
                break
            }
            if token == Array("--insecure".utf8) { return [LineHit(curl, "curl --insecure")] }
            if token.count >= 2, token[0] == UInt8(ascii: "-"), token[1] != UInt8(ascii: "-"),
               token.dropFirst().allSatisfy(ASCII.isLetter), token.contains(UInt8(ascii: "k")) {
                return [LineHit(curl, "curl -k")]
            }
        }
        return []
    }
}
