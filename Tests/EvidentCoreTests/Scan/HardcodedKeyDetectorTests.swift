@testable import EvidentCore
import Testing

/// `hardcoded-api-key`: LiasonPay keys and webhook secrets written into files, found by the shared
/// `SensitiveData` engine and always masked.
@Suite struct HardcodedKeyDetectorTests {
    @Test(arguments: [
        ("app.js", #"const apiKey = "{LIVE}";"#),
        ("checkout.ts", "export const key: string = '{TEST}';"),
        ("public/js/bundle.min.js", #"!function(){var a={key:"{LIVE}",v:1};window.pay=a}();"#),
        ("client.py", #"liasonpay.api_key = "{LIVE}""#),
        ("main.go", #"const apiKey = "{RK}""#),
        ("Payments.java", #"private static final String KEY = "{LIVE}";"#),
        ("Billing.kt", #"val secret = "{TEST}""#),
        ("charge.php", #"$client = new LiasonPay\Client('{LIVE}');"#),
        ("pay.rb", #"LiasonPay.api_key = "{LIVE}""#),
        ("Pay.cs", #"var client = new LiasonPayClient("{LIVE}");"#),
        ("Client.swift", #"let key = "{LIVE}""#),
        ("deploy.sh", "curl -u {LIVE}: https://liasonpay.net/api/v1/charges"),
        (".env", "LIASONPAY_API_KEY={LIVE}"),
        ("config.yaml", "liasonpay:\n  webhook_secret: {WHSEC}"),
        ("settings.json", #"{ "apiKey": "{LIVE}" }"#),
        ("index.html", #"<script>LiasonPay.init("{TEST}")</script>"#),
        ("NOTES.md", "The old key was {LIVE}, rotated on Monday."),
        ("app.js", "// temporary: {LIVE}"),
    ])
    func findsKeys(file: String, code: String) {
        let findings = Snippet.findings(.hardcodedAPIKey, code, file: file)
        #expect(findings.count == 1, "\(file): \(code)")
        #expect(findings.first?.severity == .critical)
    }

    @Test(arguments: [
        ("app.js", "const apiKey = process.env.LIASONPAY_API_KEY;"),
        ("app.py", #"api_key = os.environ["LIASONPAY_API_KEY"]"#),
        ("app.js", "const key = 'sk_live_short';"),
        ("app.js", "const docs = 'sk_test_xxxxxxxxxxxxxxxxxxxxxxxx';"),
        ("app.js", "const prefix = 'sk_live_';"),
        ("app.go", "diskTestConfigurationVersion1234 := disk_test_configuration1234567890"),
        ("app.js", "const card = '4242 4242 4242 4242';"),
        ("README.md", "Set LIASONPAY_API_KEY to your sk_live_… key."),
    ])
    func ignoresLookAlikes(file: String, code: String) {
        #expect(Snippet.findings(.hardcodedAPIKey, code, file: file).isEmpty, "\(file): \(code)")
    }

    @Test func neverShowsTheKeyInFull() {
        let text = "const keys = ['{LIVE}', '{WHSEC}'];"
        let findings = Snippet.findings(.hardcodedAPIKey, text, file: "keys.js")
        #expect(findings.count == 2)
        #expect(findings.map(\.message) == [
            "LiasonPay secret key hardcoded in source (sk_live_…0000)",
            "LiasonPay secret key hardcoded in source (whsec_…3333)",
        ])
        for finding in findings {
            #expect(!finding.excerpt.contains(Snippet.liveKey) && !finding.excerpt.contains(Snippet.webhookSecret))
            #expect(finding.excerpt == "const keys = ['sk_live_…0000', 'whsec_…3333'];")
        }
    }

    @Test func reportsLineAndColumn() {
        let findings = Snippet.findings(.hardcodedAPIKey, "// config\n\nconst é = \"{LIVE}\";\n", file: "a.js")
        #expect(findings.map(\.line) == [3])
        #expect(findings.first?.column == 12)
    }

    @Test func aLongMinifiedLineIsCutAroundTheKeyAndStaysMasked() {
        let padding = String(repeating: "var a=1;", count: 200)
        let findings = Snippet.findings(.hardcodedAPIKey, padding + "k=\"{LIVE}\";" + padding, file: "app.min.js")
        let excerpt = findings.first?.excerpt ?? ""
        #expect(excerpt.contains("sk_live_…0000"))
        #expect(excerpt.hasPrefix("…") && excerpt.hasSuffix("…"))
        #expect(excerpt.utf8.count <= Excerpt.maximumLength + 6)
    }
}

/// Test-mode keys in test fixtures are reported below live keys; development branches are named.
@Suite struct KeySeverityTests {
    @Test(arguments: ["test/fixtures/client.js", "spec/payments_spec.rb", "src/__tests__/api.test.ts", "tests/test_billing.py"])
    func testKeysInTestFilesAreLow(_ path: String) {
        let findings = Snippet.findings(.hardcodedAPIKey, "const key = '{TEST}';\n", file: path)
        #expect(findings.map(\.severity) == [.low])
        #expect(findings.first?.message.contains("test key in a test file") == true)
    }

    @Test func liveKeysInTestFilesStayCritical() {
        #expect(Snippet.findings(.hardcodedAPIKey, "const key = '{LIVE}';\n", file: "test/fixtures/client.js").map(\.severity) == [.critical])
        #expect(Snippet.findings(.hardcodedAPIKey, "const key = '{TEST}';\n", file: "src/config.js").map(\.severity) == [.critical])
    }

    @Test func developmentOnlyBranchesAreNamedInTheFinding() {
        let text = "if (process.env.NODE_ENV === 'development') {\n  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n}\n"
        let findings = Snippet.findings(.tlsVerificationDisabled, text, file: "server.js")
        #expect(findings.map(\.line) == [2])
        #expect(findings.first?.message.contains("only in a development branch: if (process.env.NODE_ENV === 'development') {") == true,
                "\(findings.first?.message ?? "")")
    }
}
