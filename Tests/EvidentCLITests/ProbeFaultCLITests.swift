import EvidentTestSupport
import Foundation
import Testing

/// Probes that cannot complete exit 74 with a clear message and file nothing; bad input exits 64–66.
/// Every target is a loopback port or a name under `.invalid`, which never resolves.
@Suite struct ProbeFaultCLITests {
    /// A workbench with the LiasonPay checklist loaded and a cycle open, so `--attach` could file.
    private func bench() throws -> Workbench {
        let bench = Workbench(now: ProbeTLSCLITests.now())
        try bench.expectSuccess(bench.run("init"))
        try bench.expectSuccess(bench.run("checklist", "load", Fixtures.repository("Checklists/liasonpay")))
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4"))
        return bench
    }

    private func expectNothingAttached(_ bench: Workbench) throws {
        let list = try bench.json("evidence", "list", "--format", "json")
        #expect((list["evidence"] as? [Any])?.isEmpty == true, "\(list)")
    }

    @Test func aClosedPortExits74AndAttachesNothing() throws {
        let bench = try bench()
        let port = LoopbackPort.free()
        let result = try bench.run("probe", "tls", "127.0.0.1:\(port)", "--attach")
        #expect(result.status == 74, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("evident: error: cannot connect to 127.0.0.1:\(port): connection refused"), "\(result)")
        #expect(result.stderr.contains("hint: "))
        try expectNothingAttached(bench)
    }

    @Test func aNameThatDoesNotResolveExits74() throws {
        let bench = try bench()
        let result = try bench.run("probe", "tls", "payments.staging.invalid", "--attach")
        #expect(result.status == 74, "\(result)")
        #expect(result.stderr.contains("evident: error: cannot resolve the host name payments.staging.invalid"), "\(result)")
        try expectNothingAttached(bench)
        let webhook = try bench.run("probe", "webhook", "https://hooks.staging.invalid/liasonpay", "--secret-env", "HOOK_SECRET",
                                    environment: ["HOOK_SECRET": "whsec_" + "abcdefghijklmnopqrstuvwx"])
        #expect(webhook.status == 74, "\(webhook)")
        #expect(webhook.stderr.contains("cannot resolve the host name hooks.staging.invalid"), "\(webhook)")
    }

    @Test func aPortThatDoesNotSpeakTLSExits74() throws {
        let bench = try bench()
        let banner = try WebhookServer.start(.banner, in: bench.directory)
        defer { banner.stop() }
        let result = try bench.run("probe", "tls", "127.0.0.1:\(banner.port)", "--attach")
        #expect(result.status == 74, "\(result)")
        #expect(result.stderr.contains("evident: error: 127.0.0.1:\(banner.port) does not speak TLS"), "\(result)")
        try expectNothingAttached(bench)
    }

    @Test func aServerThatNeverAnswersIsBoundedByTheTimeout() throws {
        let bench = try bench()
        let silent = Listener()
        defer { withExtendedLifetime(silent) {} }
        let result = try bench.run("probe", "tls", "127.0.0.1:\(silent.port)", "--timeout", "1", "--attach")
        #expect(result.status == 74, "\(result)")
        #expect(result.stderr.contains("did not answer within 1 s"), "\(result)")
        #expect(result.stderr.contains("hint: check that the port serves the endpoint, or allow more time with --timeout"))
        try expectNothingAttached(bench)
    }

    @Test func aWebhookEndpointThatNeverAnswersIsBoundedByTheTimeout() throws {
        let bench = try bench()
        let server = try WebhookServer.start(.hangs, secret: "s", in: bench.directory)
        defer { server.stop() }
        let result = try bench.run("probe", "webhook", "http://127.0.0.1:\(server.port)/hook", "--secret-env", "HOOK_SECRET",
                                   "--timeout", "1", "--attach", environment: ["HOOK_SECRET": "s"])
        #expect(result.status == 74, "\(result)")
        #expect(result.stderr.contains("did not answer within 1 s (the unsigned delivery)"), "\(result)")
        try expectNothingAttached(bench)
    }

    @Test func aWebhookURLThatIsNotHTTPIsBadInput() throws {
        let result = try EvidentBinary.run(["probe", "webhook", "ftp://127.0.0.1/hook", "--secret-env", "HOOK_SECRET"],
                                           in: TemporaryDirectory(), environment: ["HOOK_SECRET": "s"])
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("evident: error: 'ftp://127.0.0.1/hook' is not a usable webhook URL: the scheme is 'ftp'"), "\(result)")
        #expect(result.stderr.contains("hint: give the endpoint's full address"))
        let relative = try EvidentBinary.run(["probe", "webhook", "/hook", "--secret-env", "HOOK_SECRET"],
                                             in: TemporaryDirectory(), environment: ["HOOK_SECRET": "s"])
        #expect(relative.status == 65, "\(relative)")
    }

    @Test func aMissingSecretVariableIsBadInputWithAHint() throws {
        let result = try EvidentBinary.run(["probe", "webhook", "http://127.0.0.1:9/hook", "--secret-env", "HOOK_SECRET"],
                                           in: TemporaryDirectory())
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("evident: error: the environment variable HOOK_SECRET that should hold the webhook secret is not set"))
        #expect(result.stderr.contains("hint: export the staging endpoint's webhook secret first"))
        let missingFlag = try EvidentBinary.run(["probe", "webhook", "http://127.0.0.1:9/hook"], in: TemporaryDirectory())
        #expect(missingFlag.status == 64, "\(missingFlag)")
    }

    @Test func badTargetsAndOptionsAreRefusedBeforeAnyConnection() throws {
        let directory = TemporaryDirectory()
        #expect(try EvidentBinary.run(["probe", "tls", "127.0.0.1:99999"], in: directory).status == 65)
        #expect(try EvidentBinary.run(["probe", "tls", "bad host"], in: directory).status == 65)
        #expect(try EvidentBinary.run(["probe", "tls", "::1"], in: directory).status == 65)
        #expect(try EvidentBinary.run(["probe", "tls", "127.0.0.1:1", "--timeout", "0"], in: directory).status == 64)
        #expect(try EvidentBinary.run(["probe", "tls", "127.0.0.1:1", "--cycle", "x"], in: directory).status == 64)
        let missingCA = try EvidentBinary.run(["probe", "tls", "127.0.0.1:1", "--ca", "nowhere.pem"], in: directory)
        #expect(missingCA.status == 66, "\(missingCA)")
        #expect(missingCA.stderr.contains("cannot read the CA file nowhere.pem"))
        directory.write("not-a-ca.pem", "hello\n")
        #expect(try EvidentBinary.run(["probe", "tls", "127.0.0.1:1", "--ca", "not-a-ca.pem"], in: directory).status == 65)
    }

    @Test func attachNeedsAWorkspaceAndAnOpenCycleBeforeProbing() throws {
        let directory = TemporaryDirectory()
        #expect(try EvidentBinary.run(["probe", "tls", "127.0.0.1:1", "--attach"], in: directory).status == 66)
        let bench = Workbench()
        try bench.prepare(cycle: nil)
        let result = try bench.run("probe", "tls", "127.0.0.1:1", "--attach")
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("evident: error: no review cycle yet"), "\(result)")
    }
}
