import EvidentTestSupport
import Foundation
import Testing

/// `evident probe webhook` against small local endpoints, one per case: a correct verifier of the
/// guide's scheme and verifiers with one flaw each.
@Suite struct ProbeWebhookCLITests {
    /// A fake webhook secret, assembled at run time; it must never appear in any output or file.
    static let secret = "whsec_" + "PROBExPROBExPROBExPROBE77"

    private func probe(_ mode: WebhookServer.Mode, _ extra: [String] = [], in directory: TemporaryDirectory = TemporaryDirectory())
        throws -> CommandResult {
        let server = try WebhookServer.start(mode, secret: Self.secret, in: directory)
        defer { server.stop() }
        return try EvidentBinary.run(
            ["probe", "webhook", "http://127.0.0.1:\(server.port)/webhooks/liasonpay", "--secret-env", "HOOK_SECRET"] + extra,
            in: directory, environment: ["HOOK_SECRET": Self.secret, "EVIDENT_NOW": ProbeTLSCLITests.now()])
    }

    private func statuses(_ result: CommandResult) throws -> [String: Int] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
        let deliveries = try #require(report["deliveries"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: deliveries.map { ($0["name"] as? String ?? "", $0["status"] as? Int ?? 0) })
    }

    @Test func aCorrectVerifierPassesAllFourDeliveries() throws {
        let result = try probe(.correct)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("  unsigned        400 Bad Request in "), "\(result)")
        #expect(result.stdout.contains("  wrong-secret    401 Unauthorized in "))
        #expect(result.stdout.contains("  stale-timestamp 400 Bad Request in "))
        #expect(result.stdout.contains("  signed          200 OK in "))
        #expect(result.stdout.contains("result: PASS, all 4 checks hold"))
        #expect(!result.stdout.contains(Self.secret) && !result.stderr.contains(Self.secret))
    }

    @Test func jsonRecordsEachDeliveryWithStatusAndTiming() throws {
        let result = try probe(.correct, ["--format", "json"])
        #expect(result.status == 0, "\(result)")
        #expect(try statuses(result) == ["unsigned": 400, "wrong-secret": 401, "stale-timestamp": 400, "signed": 200])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let deliveries = try #require(report["deliveries"] as? [[String: Any]])
        #expect(deliveries.allSatisfy { ($0["milliseconds"] as? Int).map { $0 >= 0 } == true })
        #expect(deliveries.first?["timestamp"] is NSNull || deliveries.first?["timestamp"] == nil)
        #expect(report["header"] as? String == "LiasonPay-Signature")
        #expect(!result.stdout.contains(Self.secret) && !result.stdout.contains("v1="))
    }

    @Test func anEndpointThatAcceptsUnsignedDeliveriesFails() throws {
        let result = try probe(.acceptsUnsigned)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("FAIL  a delivery without a signature is refused (4xx): expected 4xx, got 200 OK"), "\(result)")
        #expect(result.stdout.contains("1 of 4 checks failed: unsigned-refused"))
    }

    @Test func anEndpointThatIgnoresTheTimestampFails() throws {
        let result = try probe(.ignoresTimestamp)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("1 of 4 checks failed: stale-timestamp-refused"), "\(result)")
    }

    @Test func anEndpointThatAcceptsAWrongSignatureFails() throws {
        let result = try probe(.acceptsWrongSignature)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("1 of 4 checks failed: wrong-secret-refused"), "\(result)")
    }

    @Test func redirectsAreReportedAndNeverFollowed() throws {
        let result = try probe(.redirects)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("302 Found in "), "\(result)")
        #expect(result.stdout.contains("(redirect to http://127.0.0.1:9/elsewhere, not followed)"))
        #expect(result.stdout.contains("4 of 4 checks failed"))
    }

    @Test func anHTTPSEndpointIsCheckedAgainstTheGivenCA() throws {
        let directory = TemporaryDirectory()
        let pki = try TestPKI(in: directory)
        let leaf = try pki.leaf("hook", names: ["127.0.0.1"], notBefore: Date().addingTimeInterval(-86_400),
                                notAfter: Date().addingTimeInterval(30 * 86_400))
        let server = try WebhookServer.start(.correct, secret: Self.secret, tls: leaf, in: directory)
        defer { server.stop() }
        let url = "https://127.0.0.1:\(server.port)/webhooks/liasonpay"
        let trusted = try EvidentBinary.run(["probe", "webhook", url, "--secret-env", "HOOK_SECRET", "--ca", pki.caPath],
                                            in: directory, environment: ["HOOK_SECRET": Self.secret])
        #expect(trusted.status == 0, "\(trusted)")
        #expect(trusted.stdout.contains("result: PASS, all 4 checks hold"))
        let untrusted = try EvidentBinary.run(["probe", "webhook", url, "--secret-env", "HOOK_SECRET"],
                                              in: directory, environment: ["HOOK_SECRET": Self.secret])
        #expect(untrusted.status == 74, "\(untrusted)")
        #expect(untrusted.stderr.contains("the TLS handshake failed"), "\(untrusted)")
        #expect(!untrusted.stderr.contains(Self.secret))
    }

    @Test func aClosedPortExits74() throws {
        let port = LoopbackPort.free()
        let result = try EvidentBinary.run(["probe", "webhook", "http://127.0.0.1:\(port)/hook", "--secret-env", "HOOK_SECRET"],
                                           in: TemporaryDirectory(), environment: ["HOOK_SECRET": Self.secret])
        #expect(result.status == 74, "\(result)")
        #expect(result.stderr.contains("cannot connect to 127.0.0.1:\(port): connection refused"), "\(result)")
    }
}
