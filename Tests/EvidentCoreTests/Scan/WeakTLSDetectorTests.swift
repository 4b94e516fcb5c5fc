import EvidentCore
import Testing

/// `weak-tls-version`: TLS 1.0, 1.1 or SSL allowed, in code and configuration; TLS 1.2+ and
/// versions being switched off are not.
@Suite struct WeakTLSDetectorTests {
    @Test(arguments: [
        ("agent.js", "const agent = new https.Agent({ minVersion: 'TLSv1' });"),
        ("agent.js", "const agent = new https.Agent({ minVersion: 'TLSv1.1' });"),
        ("agent.js", "https.request({ secureProtocol: 'TLSv1_method' });"),
        ("agent.ts", "tls.DEFAULT_MIN_VERSION = 'TLSv1.1';"),
        ("package.json", #"{ "scripts": { "start": "node --tls-min-v1.0 server.js" } }"#),
        ("client.py", "ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)"),
        ("client.py", "ctx.minimum_version = ssl.TLSVersion.TLSv1_1"),
        ("client.go", "cfg := &tls.Config{MinVersion: tls.VersionTLS10}"),
        ("client.go", "cfg.MinVersion = tls.VersionTLS11"),
        ("Client.java", #"SSLContext ctx = SSLContext.getInstance("TLSv1");"#),
        ("Client.java", #"socket.setEnabledProtocols(new String[] {"TLSv1.1", "TLSv1.2"});"#),
        ("Client.kt", "val spec = ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS).tlsVersions(TlsVersion.TLS_1_0).build()"),
        ("charge.php", "curl_setopt($ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_0);"),
        ("charge.php", "stream_context_set_option($ctx, 'ssl', 'crypto_method', STREAM_CRYPTO_METHOD_TLSv1_1_CLIENT);"),
        ("pay.rb", "http.ssl_version = :TLSv1"),
        ("pay.rb", "ctx.min_version = OpenSSL::SSL::TLS1_1_VERSION"),
        ("Pay.cs", "ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;"),
        ("Pay.cs", "handler.SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12;"),
        ("Client.swift", "config.tlsMinimumSupportedProtocolVersion = .TLSv10"),
        ("Client.swift", "config.TLSMinimumSupportedProtocol = .tlsProtocol11"),
        ("nginx.conf", "    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;"),
        ("config.yaml", "tls:\n  min_version: TLSv1.0"),
        ("httpd.conf", "SSLProtocol +TLSv1.1 +TLSv1.2"),
        ("app.properties", "jdk.tls.client.protocols=TLSv1,TLSv1.2"),
        ("deploy.sh", "curl --tlsv1.0 https://liasonpay.net"),
        ("client.py", "ctx = ssl.SSLContext(ssl.PROTOCOL_SSLv3)"),
    ])
    func findsWeakVersions(file: String, code: String) {
        let findings = Snippet.findings(.weakTLSVersion, code, file: file)
        #expect(findings.count == 1, "\(file): \(code)")
        #expect(findings.first?.severity == .high)
    }

    @Test(arguments: [
        ("agent.js", "const agent = new https.Agent({ minVersion: 'TLSv1.2' });"),
        ("agent.js", "const agent = new https.Agent({ minVersion: 'TLSv1.3', secureProtocol: 'TLSv1_2_method' });"),
        ("agent.js", "const options = { secureOptions: constants.SSL_OP_NO_TLSv1 | constants.SSL_OP_NO_TLSv1_1 };"),
        ("agent.js", "throw new Error('TLSv1.1 is not allowed');"),
        ("agent.js", "// minVersion: 'TLSv1' is what the old proxy needed"),
        ("client.py", "ctx.options |= ssl.OP_NO_TLSv1 | ssl.OP_NO_TLSv1_1"),
        ("client.py", "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)"),
        ("client.py", "ctx = ssl.SSLContext(ssl.PROTOCOL_SSLv23)"),
        ("client.go", "cfg := &tls.Config{MinVersion: tls.VersionTLS12}"),
        ("client.go", "if state.Version == tls.VersionTLS10 { return errOldTLS }"),
        ("Pay.cs", "ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;"),
        ("Client.swift", "config.tlsMinimumSupportedProtocolVersion = .TLSv12"),
        ("Client.swift", "case .TLSv10, .TLSv11: return false"),
        ("nginx.conf", "    ssl_protocols TLSv1.2 TLSv1.3;"),
        ("httpd.conf", "SSLProtocol all -SSLv3 -TLSv1 -TLSv1.1"),
        ("security.properties", "jdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1"),
        ("haproxy.cfg", "ssl-default-bind-options no-sslv3 no-tlsv10 no-tlsv11"),
        ("Client.java", #"SSLContext ctx = SSLContext.getInstance("DTLSv1.0");"#),
        ("TLSTests.swift", "XCTAssertEqual(negotiated, .tlsv11)"),
        ("errors.swift", #"expectFailure(errorTextContains: "TLSV1_ALERT_INTERNAL_ERROR")"#),
    ])
    func ignoresModernAndDisabledVersions(file: String, code: String) {
        #expect(Snippet.findings(.weakTLSVersion, code, file: file).isEmpty, "\(file): \(code)")
    }

    @Test func namesTheWeakVersion() {
        let findings = Snippet.findings(.weakTLSVersion, "    ssl_protocols TLSv1.2 TLSv1.1;", file: "site.conf")
        #expect(findings.map(\.message) == ["TLS 1.0, TLS 1.1 or SSL allowed (TLSv1.1)"])
        #expect(findings.first?.column == 27)
    }
}
