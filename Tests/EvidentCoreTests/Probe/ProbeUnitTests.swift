import Crypto
import Foundation
import Testing
@testable import EvidentCore

/// The probes' pure parts: endpoints, URLs, the ServerHello reader, the signature, the suite tables.
@Suite struct ProbeUnitTests {
    @Test func endpointsParseWithDefaultPortAndBrackets() throws {
        #expect(try ProbeEndpoint(parsing: "api.example.com") == ProbeEndpoint(host: "api.example.com", port: 443))
        #expect(try ProbeEndpoint(parsing: "127.0.0.1:8443") == ProbeEndpoint(host: "127.0.0.1", port: 8443))
        #expect(try ProbeEndpoint(parsing: "[::1]:8443") == ProbeEndpoint(host: "::1", port: 8443))
        #expect(try ProbeEndpoint(parsing: "[::1]").display == "[::1]:443")
        #expect(try ProbeEndpoint(parsing: "127.0.0.1").hostIsAddress)
        #expect(try !ProbeEndpoint(parsing: "localhost").hostIsAddress)
        for bad in ["", ":443", "host:0", "host:65536", "host:x", "::1", "[::1", "[::1]x", "a b", "host/path"] {
            #expect(throws: ProbeError.self, "\(bad)") { try ProbeEndpoint(parsing: bad) }
        }
    }

    @Test func namesUnderInvalidNeverResolve() throws {
        #expect(try ProbeEndpoint(parsing: "x.invalid").isReservedInvalid)
        #expect(try ProbeEndpoint(parsing: "X.INVALID.").isReservedInvalid)
        #expect(try !ProbeEndpoint(parsing: "invalid.example.com").isReservedInvalid)
    }

    @Test func webhookURLsMustBeAbsoluteHTTPWithoutCredentials() throws {
        let url = try ProbeURL(parsing: "https://hooks.example.com/liasonpay?env=staging")
        #expect(url.secure && url.endpoint == ProbeEndpoint(host: "hooks.example.com", port: 443))
        #expect(url.requestTarget == "/liasonpay?env=staging")
        #expect(try ProbeURL(parsing: "http://127.0.0.1:8080").requestTarget == "/")
        #expect(try ProbeURL(parsing: "http://[::1]:8080/x").endpoint == ProbeEndpoint(host: "::1", port: 8080))
        for bad in ["ftp://h/x", "/relative", "http://", "https://user:pw@h/x", "javascript:alert(1)", "file:///etc/passwd"] {
            #expect(throws: ProbeError.self, "\(bad)") { try ProbeURL(parsing: bad) }
        }
    }

    @Test func theServerHelloSuiteIsReadFromFragmentedRecords() {
        // ServerHello: type 2, length, version 0x0303, 32 random bytes, 32-byte session id, suite 0xC02F.
        var hello: [UInt8] = [2, 0, 0, 70, 3, 3] + Array(repeating: 7, count: 32) + [32] + Array(repeating: 9, count: 32) + [0xC0, 0x2F, 0]
        hello += [0, 0]
        let first = Array(hello.prefix(20)), rest = Array(hello.dropFirst(20))
        let records = [22, 3, 3, 0, UInt8(first.count)] + first + [22, 3, 3, 0, UInt8(rest.count)] + rest
        #expect(ServerHelloObserver.serverHelloSuite(records) == 0xC02F)
        #expect(ServerHelloObserver.serverHelloSuite(Array(records.prefix(30))) == nil)
        #expect(ServerHelloObserver.serverHelloSuite(Array("HTTP/1.1 400 Bad Request\r\n".utf8)) == nil)
    }

    @Test func strongSuitesAreForwardSecretAEAD() {
        #expect(CipherSuite(code: 0x1301).isStrong)
        #expect(CipherSuite(code: 0xC02F).isStrong)
        #expect(CipherSuite(code: 0xCCA8).isStrong)
        #expect(!CipherSuite(code: 0x009C).isStrong)
        #expect(!CipherSuite(code: 0xC013).isStrong)
        #expect(CipherSuite(code: 0xABCD).name == "0xABCD")
        #expect(CipherSuites.weak.allSatisfy { !$0.suite.isStrong })
    }

    @Test func boringSSLCannotOfferTheSuitesItDropped() {
        let untested = Set(TLSProbe.suitesItCannotOffer)
        for name in ["TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_NULL_SHA", "TLS_RSA_EXPORT_WITH_RC4_40_MD5", "TLS_RSA_WITH_DES_CBC_SHA",
                     "TLS_DH_anon_WITH_AES_128_CBC_SHA", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA"] {
            #expect(untested.contains(name), "\(name)")
        }
        for name in ["TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                     "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"] {
            #expect(!untested.contains(name), "\(name)")
        }
    }

    @Test func theSignatureIsTheGuidesScheme() throws {
        let secret = try WebhookSecret(environmentVariable: "S", in: ["S": "whsec_test"])
        let body = Array(#"{"id":"evt_1"}"#.utf8)
        let header = secret.signatureHeader(timestamp: 1_700_000_000, body: body)
        let expected = HMAC<SHA256>.authenticationCode(for: Array("1700000000.".utf8) + body, using: SymmetricKey(data: Data("whsec_test".utf8)))
        #expect(header == "t=1700000000,v1=" + Digest.hex(expected))
        #expect("\(secret)" == "(webhook secret, hidden)")
        #expect(throws: ProbeError.missingSecret(variable: "S")) { try WebhookSecret(environmentVariable: "S", in: ["S": ""]) }
    }

    @Test func checklistsMayNameProbesInChecks() {
        #expect(CheckIDs.isKnown("probe-tls") && CheckIDs.isKnown("probe-webhook") && CheckIDs.isKnown("hardcoded-api-key"))
        #expect(!CheckIDs.isKnown("probe-dns"))
    }

    @Test func theLiasonPayChecklistMapsTheProbesToTheTransportAndWebhookItems() throws {
        let items = try #require(ShippedChecklists.load("liasonpay").checklist).items
        func naming(_ probe: ProbeID) -> [String] { items.filter { $0.checks.contains(probe.rawValue) }.map(\.id).sorted() }
        #expect(naming(.tls) == ["transport.secure-cipher-suites", "transport.tls-1-2-minimum"])
        #expect(naming(.webhook) == ["webhooks.signature-header-required", "webhooks.signature-hmac-sha256",
                                     "webhooks.signature-timestamp-tolerance", "webhooks.signature-verified"])
    }
}
