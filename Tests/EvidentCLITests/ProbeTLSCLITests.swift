import EvidentTestSupport
import Foundation
import Testing

/// `evident probe tls` against real `openssl s_server` peers on loopback ports, one per case, with
/// certificates made by the test.
@Suite struct ProbeTLSCLITests {
    /// The clock the runs read: now, so that certificates made now are judged as a user would see them.
    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    static let day: TimeInterval = 86_400

    /// A folder with a test CA, and the probe's environment.
    final class Lab: @unchecked Sendable {
        // Unchecked: a lab belongs to one test.
        let directory = TemporaryDirectory()
        let pki: TestPKI
        /// The clock is read at each run, after the certificates were made (a CA is valid from the second it is made).
        var environment: [String: String] { ["EVIDENT_NOW": ProbeTLSCLITests.now()] }

        init() throws { pki = try TestPKI(in: directory) }

        /// A CA-signed certificate for `names`, valid from a day ago for `days` days.
        func leaf(_ label: String, names: [String] = ["127.0.0.1"], days: Double = 30) throws -> (certificate: String, key: String) {
            try pki.leaf(label, names: names, notBefore: Date().addingTimeInterval(-day), notAfter: Date().addingTimeInterval(days * day))
        }

        func probe(_ arguments: String...) throws -> CommandResult {
            try EvidentBinary.run(["probe", "tls"] + arguments, in: directory, environment: environment)
        }
    }

    private func json(_ result: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
    }

    private func check(_ report: [String: Any], _ id: String) -> Bool? {
        (report["checks"] as? [[String: Any]])?.first { $0["id"] as? String == id }?["passed"] as? Bool
    }

    @Test func aModernEndpointWithAChainToTheGivenCAPassesEveryCheck() throws {
        let lab = try Lab()
        let leaf = try lab.leaf("good")
        let server = try TLSServer.start(certificate: leaf.certificate, key: leaf.key, options: TLSServer.modern, in: lab.directory)
        defer { server.stop() }
        let result = try lab.probe("127.0.0.1:\(server.port)", "--ca", lab.pki.caPath)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("TLS 1.0 refused"), "\(result)")
        #expect(result.stdout.contains("TLS 1.1 refused"))
        #expect(result.stdout.contains("TLS 1.2 accepted (TLS_ECDHE_RSA_WITH_"))
        #expect(result.stdout.contains("TLS 1.3 accepted (TLS_"))
        #expect(result.stdout.contains("negotiated   TLS 1.3, TLS_"))
        #expect(result.stdout.contains("weak suites  none accepted"))
        #expect(result.stdout.contains("not tested   BoringSSL cannot offer TLS_RSA_WITH_RC4_128_SHA"))
        #expect(result.stdout.contains("trusted: chain CN=127.0.0.1 → CN=Evident Test CA (--ca \(lab.pki.caPath))"))
        #expect(result.stdout.contains("result: PASS, all 7 checks hold"))
    }

    @Test func jsonCarriesTheRawObservations() throws {
        let lab = try Lab()
        let leaf = try lab.leaf("good")
        let server = try TLSServer.start(certificate: leaf.certificate, key: leaf.key, options: TLSServer.modern, in: lab.directory)
        defer { server.stop() }
        let result = try lab.probe("127.0.0.1:\(server.port)", "--ca", lab.pki.caPath, "--format", "json")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        let report = try json(result)
        #expect(report["probe"] as? String == "probe-tls")
        #expect(report["passed"] as? Bool == true)
        let protocols = try #require(report["protocols"] as? [[String: Any]])
        #expect(protocols.map { $0["version"] as? String } == ["TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3"])
        #expect(protocols.map { $0["accepted"] as? Bool } == [false, false, true, true])
        let negotiated = try #require(report["negotiated"] as? [String: Any])
        #expect(negotiated["strong"] as? Bool == true)
        let weak = try #require(report["weak_suites"] as? [[String: Any]])
        #expect(weak.contains { $0["offered"] as? Bool == true } && weak.contains { $0["offered"] as? Bool == false })
        #expect(weak.allSatisfy { $0["accepted"] as? Bool == false })
        let certificate = try #require(report["certificate"] as? [String: Any])
        #expect(certificate["names"] as? [String] == ["127.0.0.1"])
        #expect((certificate["fingerprint"] as? String)?.hasPrefix("sha256:") == true)
    }

    @Test func anEndpointThatAllowsTLS10AndWeakSuitesFails() throws {
        let lab = try Lab()
        let leaf = try lab.leaf("legacy")
        let server = try TLSServer.start(certificate: leaf.certificate, key: leaf.key, options: TLSServer.legacy, in: lab.directory)
        defer { server.stop() }
        let result = try lab.probe("127.0.0.1:\(server.port)", "--ca", lab.pki.caPath, "--format", "json")
        #expect(result.status == 1, "\(result)")
        let report = try json(result)
        let protocols = try #require(report["protocols"] as? [[String: Any]])
        #expect(protocols.first?["accepted"] as? Bool == true, "TLS 1.0: \(protocols)")
        #expect(check(report, "legacy-protocols-refused") == false)
        #expect(check(report, "modern-protocol-accepted") == true)
        #expect(check(report, "no-weak-suites") == false)
        let accepted = (report["weak_suites"] as? [[String: Any]] ?? []).filter { $0["accepted"] as? Bool == true }.compactMap { $0["suite"] as? String }
        #expect(accepted.contains("TLS_RSA_WITH_AES_128_CBC_SHA"), "\(accepted)")
        #expect(check(report, "chain-trusted") == true)
    }

    @Test func anExpiredCertificateFailsItsValidityCheck() throws {
        let lab = try Lab()
        let leaf = try lab.pki.leaf("expired", names: ["127.0.0.1"], notBefore: Date(timeIntervalSince1970: 1_577_836_800),
                                    notAfter: Date(timeIntervalSince1970: 1_609_459_200))
        let server = try TLSServer.start(certificate: leaf.certificate, key: leaf.key, options: TLSServer.modern, in: lab.directory)
        defer { server.stop() }
        let result = try lab.probe("127.0.0.1:\(server.port)", "--ca", lab.pki.caPath)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("FAIL  the certificate is within its validity dates: expired on 2021-01-01T00:00:00Z"), "\(result)")
        #expect(result.stdout.contains("valid 2020-01-01T00:00:00Z to 2021-01-01T00:00:00Z"))
        #expect(result.stdout.contains("result: FAIL, 1 of 7 checks failed: certificate-current"))
    }

    @Test func aCertificateForAnotherHostFailsTheHostnameCheck() throws {
        let lab = try Lab()
        let leaf = try lab.leaf("wrong-host", names: ["wrong.example.test"])
        let server = try TLSServer.start(certificate: leaf.certificate, key: leaf.key, options: TLSServer.modern, in: lab.directory)
        defer { server.stop() }
        let result = try lab.probe("127.0.0.1:\(server.port)", "--ca", lab.pki.caPath)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("FAIL  the certificate names the host: 127.0.0.1 does not match wrong.example.test"), "\(result)")
        #expect(result.stdout.contains("result: FAIL, 1 of 7 checks failed: hostname-matched"))
    }

    @Test func aSelfSignedCertificateIsNotTrusted() throws {
        let lab = try Lab()
        let leaf = try lab.pki.selfSigned("self", name: "127.0.0.1")
        let server = try TLSServer.start(certificate: leaf.certificate, key: leaf.key, options: TLSServer.modern, in: lab.directory)
        defer { server.stop() }
        let result = try lab.probe("127.0.0.1:\(server.port)", "--ca", lab.pki.caPath)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("NOT trusted: self-signed certificate CN=127.0.0.1, not in the --ca"), "\(result)")
        #expect(result.stdout.contains("checks failed: chain-trusted"))
    }

    @Test func withoutCAThePrivateChainIsJudgedAgainstTheSystemStore() throws {
        let lab = try Lab()
        let leaf = try lab.leaf("good")
        let server = try TLSServer.start(certificate: leaf.certificate, key: leaf.key, options: TLSServer.modern, in: lab.directory)
        defer { server.stop() }
        let result = try lab.probe("127.0.0.1:\(server.port)")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("NOT trusted: no chain from issuer CN=Evident Test CA to a root in the system trust store"), "\(result)")
    }
}
