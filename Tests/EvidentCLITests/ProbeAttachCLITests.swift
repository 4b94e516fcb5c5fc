import EvidentTestSupport
import Foundation
import Testing

/// `evident probe … --attach`: results filed as evidence on the LiasonPay items whose checks name the
/// probe, expiring no later than the certificate, shown in reports, never holding the secret.
@Suite struct ProbeAttachCLITests {
    private func bench() throws -> Workbench {
        let bench = Workbench(now: ProbeTLSCLITests.now())
        try bench.expectSuccess(bench.run("init"))
        try bench.expectSuccess(bench.run("checklist", "load", Fixtures.repository("Checklists/liasonpay")))
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4"))
        return bench
    }

    private func evidence(_ bench: Workbench) throws -> [[String: Any]] {
        try #require(try bench.json("evidence", "list", "--format", "json")["evidence"] as? [[String: Any]])
    }

    @Test func aTLSProbeIsFiledOnTheTransportItemsAndExpiresWithTheCertificate() throws {
        let bench = try bench()
        let pki = try TestPKI(in: bench.directory)
        let notAfter = Date().addingTimeInterval(20 * 86_400)
        let leaf = try pki.leaf("good", names: ["127.0.0.1"], notBefore: Date().addingTimeInterval(-86_400), notAfter: notAfter)
        let server = try TLSServer.start(certificate: leaf.certificate, key: leaf.key, options: TLSServer.modern, in: bench.directory)
        defer { server.stop() }
        bench.setNow(ProbeTLSCLITests.now())
        let result = try bench.run("probe", "tls", "127.0.0.1:\(server.port)", "--ca", pki.caPath, "--attach")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("Attached the probe-tls result to 2 items of cycle 2026-Q4: "
            + "transport.secure-cipher-suites, transport.tls-1-2-minimum; it expires "), "\(result)")

        let filed = try evidence(bench)
        #expect(Set(filed.compactMap { $0["item_id"] as? String }) == ["transport.secure-cipher-suites", "transport.tls-1-2-minimum"])
        let expected = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: notAfter.timeIntervalSince1970.rounded(.down)))
        #expect(filed.allSatisfy { $0["kind"] as? String == "scan" })
        #expect(filed.allSatisfy { $0["expires_at"] as? String == expected }, "\(filed)")
        let note = try #require(filed.first?["note"] as? String)
        #expect(note.hasPrefix("TLS probe of 127.0.0.1:\(server.port) at "))
        #expect(note.contains("TLS 1.0 refused, TLS 1.1 refused, TLS 1.2 accepted, TLS 1.3 accepted"))
        #expect(note.contains("chain trusted (--ca "))
        #expect(note.hasSuffix("all 7 checks hold"))
        let digest = try #require(filed.first?["digest"] as? String)
        #expect(bench.directory.read(".evident/vault/\(digest)").contains("\"weak_suites\""))

        let markdown = try bench.run("report", "--format", "md")
        #expect(markdown.stdout.contains("TLS probe of 127.0.0.1:\(server.port)"), "\(markdown)")
        let html = try bench.run("report", "--format", "html")
        #expect(html.stdout.contains("TLS probe of 127.0.0.1:\(server.port)"))
        #expect(try bench.run("verify").status == 0)
    }

    @Test func aFailedTLSProbeIsFiledTooAndExitsOne() throws {
        let bench = try bench()
        let pki = try TestPKI(in: bench.directory)
        let leaf = try pki.leaf("expired", names: ["127.0.0.1"], notBefore: Date(timeIntervalSince1970: 1_577_836_800),
                                notAfter: Date(timeIntervalSince1970: 1_609_459_200))
        let server = try TLSServer.start(certificate: leaf.certificate, key: leaf.key, options: TLSServer.modern, in: bench.directory)
        defer { server.stop() }
        bench.setNow(ProbeTLSCLITests.now())
        let result = try bench.run("probe", "tls", "127.0.0.1:\(server.port)", "--ca", pki.caPath, "--attach")
        #expect(result.status == 1, "\(result)")
        let filed = try evidence(bench)
        #expect(filed.count == 2)
        #expect(filed.allSatisfy { $0["expires_at"] as? String == "2021-01-01T00:00:00Z" }, "\(filed)")
        #expect((filed.first?["note"] as? String)?.hasSuffix("1 of 7 checks failed: certificate-current") == true)
    }

    @Test func aWebhookProbeIsFiledOnTheSignatureItemsWithoutTheSecret() throws {
        let bench = try bench()
        let secret = ProbeWebhookCLITests.secret
        let server = try WebhookServer.start(.correct, secret: secret, in: bench.directory)
        defer { server.stop() }
        let result = try bench.run("probe", "webhook", "http://127.0.0.1:\(server.port)/hook", "--secret-env", "HOOK_SECRET", "--attach",
                                   environment: ["HOOK_SECRET": secret])
        #expect(result.status == 0, "\(result)")
        let items = ["webhooks.signature-header-required", "webhooks.signature-hmac-sha256",
                     "webhooks.signature-timestamp-tolerance", "webhooks.signature-verified"]
        #expect(result.stderr.contains("Attached the probe-webhook result to 4 items of cycle 2026-Q4: " + items.joined(separator: ", ")),
                "\(result)")
        let filed = try evidence(bench)
        #expect(filed.compactMap { $0["item_id"] as? String }.sorted() == items)
        let note = try #require(filed.first?["note"] as? String)
        #expect(note.contains("unsigned → 400 Bad Request in "), "\(note)")
        #expect(note.contains("signed → 200 OK in "))

        let report = try bench.run("report", "--format", "md")
        #expect(report.stdout.contains("Webhook probe of http://127.0.0.1:\(server.port)/hook"))
        // The secret is nowhere: not in output, the database, the vault or the audit log.
        for text in [result.stdout, result.stderr, report.stdout, try bench.run("log", "--format", "json").stdout] {
            #expect(!text.contains(secret))
        }
        let files = FileManager.default.enumerator(atPath: bench.directory.path(".evident"))?.allObjects as? [String] ?? []
        for file in files {
            let data = FileManager.default.contents(atPath: bench.directory.path(".evident/\(file)")) ?? Data()
            #expect(data.range(of: Data(secret.utf8)) == nil, "\(file)")
        }
    }
}
