import EvidentCore
import Testing

/// `tls-verification-disabled`: settings, names, commands and callbacks that accept any
/// certificate, in every language; the guide's good practice and explanations in comments are not.
@Suite struct TLSVerificationDetectorTests {
    @Test(arguments: [
        ("sync.py", "requests.get('https://liasonpay.net/api/v1/endpoint', verify=False)"),
        ("sync.py", "session.verify = False"),
        ("sync.py", "ctx = ssl._create_unverified_context()"),
        ("sync.py", "ctx.verify_mode = ssl.CERT_NONE"),
        ("sync.py", "ctx.check_hostname = False"),
        ("sync.py", "http = urllib3.PoolManager(cert_reqs='CERT_NONE')"),
        ("agent.js", "const agent = new https.Agent({ rejectUnauthorized: false });"),
        ("agent.ts", "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';"),
        ("agent.js", "process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0"),
        ("bundle.min.js", "var o={host:h,rejectUnauthorized:!1};"),
        ("agent.js", "tls.connect({ host, checkServerIdentity: () => undefined });"),
        ("client.go", "tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}"),
        ("Client.java", "SSLConnectionSocketFactory sf = new SSLConnectionSocketFactory(ctx, NoopHostnameVerifier.INSTANCE);"),
        ("Client.java", "conn.setHostnameVerifier((hostname, session) -> true);"),
        ("Client.java", "factory.setHostnameVerifier(SSLSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER);"),
        ("Client.java", "TrustManager[] trustAllCerts = new TrustManager[] { new X509TrustManager() {"),
        ("Client.java", "public void checkServerTrusted(X509Certificate[] chain, String authType) {}"),
        ("Client.java", "SSLContext ctx = SSLContexts.custom().loadTrustMaterial(null, (chain, authType) -> true).build();"),
        ("Client.kt", "builder.hostnameVerifier { _, _ -> true }"),
        ("Client.kt", "override fun checkServerTrusted(chain: Array<X509Certificate>, authType: String) {}"),
        ("charge.php", "curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);"),
        ("charge.php", "curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);"),
        ("charge.php", "$client = new GuzzleHttp\\Client(['verify' => false]);"),
        ("charge.php", "stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]);"),
        ("pay.rb", "http.verify_mode = OpenSSL::SSL::VERIFY_NONE"),
        ("pay.rb", "conn = Faraday.new(url, ssl: { verify: false })"),
        ("Pay.cs", "ServicePointManager.ServerCertificateValidationCallback += (s, cert, chain, errors) => true;"),
        ("Pay.cs", "handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;"),
        ("Pay.cs", "handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => { return true; };"),
        ("deploy.sh", "curl -k https://liasonpay.net/api/v1/charges"),
        ("deploy.sh", "curl -fsSLk https://liasonpay.net/install.sh | sh"),
        ("deploy.sh", "curl --insecure -X POST \"$URL\""),
        ("deploy.sh", "wget --no-check-certificate https://liasonpay.net/sdk.tgz"),
        ("Dockerfile", "ENV NODE_TLS_REJECT_UNAUTHORIZED 0"),
        (".env", "NODE_TLS_REJECT_UNAUTHORIZED=0"),
        ("docker-compose.yml", "      - NODE_TLS_REJECT_UNAUTHORIZED=0"),
        ("prometheus.yml", "    insecure_skip_verify: true"),
        ("config.json", #"{ "strictSSL": false }"#),
        (".npmrc", "strict-ssl=false"),
        ("nginx.conf", "    proxy_ssl_verify off;"),
        ("ansible.yaml", "    validate_certs: no"),
    ])
    func findsDisabledVerification(file: String, code: String) {
        let findings = Snippet.findings(.tlsVerificationDisabled, code, file: file)
        #expect(findings.count == 1, "\(file): \(code)")
    }

    @Test func findsSwiftDelegatesThatTrustWithoutEvaluating() {
        let careless = """
            func urlSession(_ session: URLSession, didReceive challenge: URLAuthenticationChallenge,
                            completionHandler: @escaping (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
                completionHandler(.useCredential, URLCredential(trust: challenge.protectionSpace.serverTrust!))
            }
            """
        #expect(Snippet.lines(.tlsVerificationDisabled, careless, file: "Delegate.swift") == [3])
        let pinned = """
            guard let trust = challenge.protectionSpace.serverTrust, SecTrustEvaluateWithError(trust, nil),
                  pinnedKeys.contains(publicKey(of: trust)) else { return completionHandler(.cancelAuthenticationChallenge, nil) }
            completionHandler(.useCredential, URLCredential(trust: trust))
            """
        #expect(Snippet.lines(.tlsVerificationDisabled, pinned, file: "Pinning.swift").isEmpty)
    }

    @Test func findsCallbacksWhoseTrueIsOnTheNextLine() {
        let java = """
            HttpsURLConnection.setDefaultHostnameVerifier(new HostnameVerifier() {
                public boolean verify(String hostname, SSLSession session) {
                    return true;
                }
            });
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            }
            """
        #expect(Snippet.lines(.tlsVerificationDisabled, java, file: "Trust.java") == [2, 6])
    }

    @Test(arguments: [
        ("sync.py", "requests.get('https://liasonpay.net/api/v1/endpoint', verify=True)"),
        ("sync.py", "requests.get(url, verify='/etc/ssl/certs/ca-bundle.crt')"),
        ("sync.py", "# requests.get(url, verify=False)  # NEVER do this"),
        ("sync.py", "if ctx.verify_mode == ssl.CERT_NONE:"),
        ("sync.py", "ctx.verify_mode = ssl.CERT_REQUIRED"),
        ("agent.js", "const agent = new https.Agent({ minVersion: 'TLSv1.2' });"),
        ("agent.js", "const agent = new https.Agent({ rejectUnauthorized: true, ca });"),
        ("agent.js", "if (options.rejectUnauthorized === false) throw new Error('refusing insecure agent');"),
        ("agent.js", "// never set rejectUnauthorized: false in production"),
        ("agent.js", "/* rejectUnauthorized: false */ const agent = new https.Agent({ ca });"),
        ("agent.js", "const ok = jwt.verify(token, secret);"),
        ("client.go", "cfg := &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: false}"),
        ("Client.java", "public boolean verify(String hostname, SSLSession session) { return check(hostname, session); }"),
        ("Client.java", "import org.apache.http.conn.ssl.NoopHostnameVerifierFactory;"),
        ("charge.php", "curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);"),
        ("charge.php", "curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);"),
        ("pay.rb", "http.verify_mode = OpenSSL::SSL::VERIFY_PEER"),
        ("deploy.sh", "curl -fsSL https://liasonpay.net/install.sh | tar -xk"),
        ("deploy.sh", "curl --key client.pem --cert client.crt https://liasonpay.net"),
        ("deploy.sh", "pycurl_setup --keep"),
        ("nginx.conf", "    ssl_verify_client off;"),
        ("prometheus.yml", "    insecure_skip_verify: false"),
        ("messages.py", #"print("Set verify=False only against the local mock")"#),
        ("checklist.yaml", #"    title: "Certificate validation is never disabled: no `verify=False` or `rejectUnauthorized: false`""#),
    ])
    func ignoresGoodPracticeAndExplanations(file: String, code: String) {
        #expect(Snippet.findings(.tlsVerificationDisabled, code, file: file).isEmpty, "\(file): \(code)")
    }

    @Test func linesInsideAMultiLineBlockCommentAreExplanationsNotCode() {
        let text = """
            /*
               Do not write this:
               const agent = new https.Agent({ rejectUnauthorized: false });
            */
            const agent = new https.Agent({ rejectUnauthorized: false });
            """
        #expect(Snippet.lines(.tlsVerificationDisabled, text, file: "agent.js") == [5])
        #expect(Snippet.lines(.hardcodedAPIKey, "/*\n  key: {LIVE}\n*/\n", file: "agent.js") == [2])
    }

    @Test func reportsOneFindingPerLineWithWhatTurnedItOff() {
        let findings = Snippet.findings(.tlsVerificationDisabled, "ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE",
                                        file: "a.py")
        #expect(findings.map(\.message) == ["TLS certificate verification disabled (check_hostname = False)"])
    }
}
