import EvidentCore
import Testing

/// `plain-http-api`: the payment API called over `http://`; `https://`, local hosts and other
/// services are not.
@Suite struct PlainHTTPDetectorTests {
    @Test(arguments: [
        ("client.js", "const BASE = 'http://liasonpay.net/api/v1';"),
        ("client.js", "fetch(`http://api.liasonpay.com/v1/charges/${id}`)"),
        ("client.js", "const url = `http://${process.env.LIASONPAY_HOST}/api/v1`;"),
        ("client.py", #"requests.post("http://liasonpay.net/api/v1/refunds", json=body)"#),
        ("main.go", #"resp, err := http.Get("http://api.liasonpay.com/v1/balance")"#),
        ("Client.java", #"URI base = URI.create("HTTP://LIASONPAY.NET/api");"#),
        ("Client.kt", #"val client = LiasonPay(baseUrl = "http://sandbox.liasonpay.net:8080")"#),
        ("charge.php", "$url = 'http://liasonpay.net/api/v1/charges';"),
        ("pay.rb", #"BASE_URL = "http://user:pass@api.liasonpay.com""#),
        ("Pay.cs", #"var client = new HttpClient { BaseAddress = new Uri("http://api.liasonpay.com/") };"#),
        ("Client.swift", #"let base = URL(string: "http://liasonpay.net/api/v1")!"#),
        (".env", "LIASONPAY_BASE_URL=http://liasonpay.net/api/v1"),
        ("config.yaml", "liasonpay:\n  base_url: http://api.liasonpay.com"),
        ("settings.json", #"{ "liasonpayUrl": "http://liasonpay.net/api/v1" }"#),
        ("deploy.sh", "curl -X POST http://liasonpay.net/api/v1/webhooks"),
        ("checkout.html", #"<form action="http://liasonpay.net/pay" method="post">"#),
    ])
    func findsPlainHTTP(file: String, code: String) {
        let findings = Snippet.findings(.plainHTTPAPI, code, file: file)
        #expect(findings.count == 1, "\(file): \(code)")
    }

    @Test(arguments: [
        ("client.js", "const BASE = 'https://liasonpay.net/api/v1';"),
        ("client.js", "const MOCK = 'http://localhost:4010/liasonpay/v1';"),
        ("client.js", "const MOCK = 'http://127.0.0.1:4010';  // liasonpay mock"),
        ("client.js", "const MOCK = 'http://liasonpay.test/api';"),
        ("client.js", "// docs: http://liasonpay.net/docs (the old site)"),
        ("client.js", "const other = 'http://example.com/liasonpay-webhook';"),
        ("client.js", "/* http://api.liasonpay.com */ const base = process.env.LIASONPAY_BASE_URL;"),
        ("client.py", "# LiasonPay used to be at http://liasonpay.net"),
        ("config.yaml", "liasonpay_url: https://api.liasonpay.com  # not http://api.liasonpay.com"),
        ("README.md", "Do not call http://liasonpay.net, use https."),
    ])
    func ignoresHTTPSLocalHostsAndComments(file: String, code: String) {
        #expect(Snippet.findings(.plainHTTPAPI, code, file: file).isEmpty, "\(file): \(code)")
    }

    @Test func reportsTheHostWithoutPathOrCredentials() {
        let findings = Snippet.findings(.plainHTTPAPI, #"BASE = "http://user:secret@api.liasonpay.com/v1?key=abc""#, file: "a.rb")
        #expect(findings.map(\.message) == ["payment API called over plain HTTP (http://api.liasonpay.com)"])
    }
}
