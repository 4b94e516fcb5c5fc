/// A TLS cipher suite by its IANA code point.
public struct CipherSuite: Sendable, Codable, Equatable, Hashable {
    public let code: UInt16
    /// The IANA name (`TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`), or `0xC0FF` for a code Evident does not know.
    public let name: String

    /// The suite with `code`, named from the table below.
    public init(code: UInt16) {
        self.code = code
        self.name = CipherSuites.names[code] ?? CipherSuites.hex(code)
    }

    /// Whether the suite is what the guide calls strong: TLS 1.3's AEAD suites, or ECDHE (forward
    /// secret) with AES-GCM or ChaCha20-Poly1305.
    public var isStrong: Bool {
        CipherSuites.tls13.contains(code)
            || (name.hasPrefix("TLS_ECDHE_") && (name.contains("_GCM_") || name.contains("CHACHA20_POLY1305")))
    }
}

/// A suite the guide counts as weak, with why; `probe tls` offers each one alone.
public struct WeakCipherSuite: Sendable, Equatable {
    public let suite: CipherSuite
    public let weakness: String
}

/// The cipher suites `probe tls` knows by name, and the weak ones it tries.
public enum CipherSuites {
    /// TLS 1.3's suites: fixed by BoringSSL, always offered in a TLS 1.3 handshake.
    static let tls13: Set<UInt16> = [0x1301, 0x1302, 0x1303]

    /// Known weak suites, worst weakness first. Which of them BoringSSL (in swift-nio-ssl) can still
    /// offer is asked of BoringSSL at run time (`TLSProbe.offerable`): it has dropped RC4, NULL,
    /// export, single DES, anonymous, DHE, CAMELLIA, SEED and IDEA suites and some CBC-SHA256/384
    /// ones, so an endpoint that accepts only those cannot be caught by this probe; the output says so.
    public static let weak: [WeakCipherSuite] = [
        weak(0x0005, "RC4 stream cipher (broken)"),
        weak(0xC011, "RC4 stream cipher (broken)"),
        weak(0x0003, "export-grade 40-bit key"),
        weak(0x0008, "export-grade 40-bit key"),
        weak(0x0002, "no encryption (NULL cipher)"),
        weak(0x003B, "no encryption (NULL cipher)"),
        weak(0x0009, "single DES, 56-bit key"),
        weak(0x0034, "anonymous key exchange: no server authentication"),
        weak(0xC018, "anonymous key exchange: no server authentication"),
        weak(0x000A, "3DES, 64-bit block (Sweet32), no forward secrecy"),
        weak(0x0007, "IDEA, 64-bit block, no forward secrecy"),
        weak(0x0096, "SEED, no forward secrecy"),
        weak(0x0041, "CAMELLIA in CBC mode, no forward secrecy"),
        weak(0x0033, "finite-field DHE with CBC and SHA-1"),
        weak(0x009E, "finite-field DHE, often with weak parameters"),
        weak(0x002F, "RSA key exchange (no forward secrecy), CBC with SHA-1"),
        weak(0x0035, "RSA key exchange (no forward secrecy), CBC with SHA-1"),
        weak(0x003C, "RSA key exchange (no forward secrecy), CBC"),
        weak(0x009C, "RSA key exchange (no forward secrecy)"),
        weak(0x009D, "RSA key exchange (no forward secrecy)"),
        weak(0xC013, "CBC mode with SHA-1 (padding-oracle class)"),
        weak(0xC014, "CBC mode with SHA-1 (padding-oracle class)"),
        weak(0xC009, "CBC mode with SHA-1 (padding-oracle class)"),
        weak(0xC00A, "CBC mode with SHA-1 (padding-oracle class)"),
        weak(0xC027, "CBC mode (padding-oracle class)"),
        weak(0xC023, "CBC mode (padding-oracle class)"),
        weak(0xC028, "CBC mode (padding-oracle class)"),
    ]

    /// IANA names of the suites above and the strong ones an endpoint usually negotiates.
    static let names: [UInt16: String] = [
        0x0002: "TLS_RSA_WITH_NULL_SHA",
        0x0003: "TLS_RSA_EXPORT_WITH_RC4_40_MD5",
        0x0005: "TLS_RSA_WITH_RC4_128_SHA",
        0x0007: "TLS_RSA_WITH_IDEA_CBC_SHA",
        0x0008: "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA",
        0x0009: "TLS_RSA_WITH_DES_CBC_SHA",
        0x000A: "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
        0x002F: "TLS_RSA_WITH_AES_128_CBC_SHA",
        0x0033: "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
        0x0034: "TLS_DH_anon_WITH_AES_128_CBC_SHA",
        0x0035: "TLS_RSA_WITH_AES_256_CBC_SHA",
        0x003B: "TLS_RSA_WITH_NULL_SHA256",
        0x003C: "TLS_RSA_WITH_AES_128_CBC_SHA256",
        0x0041: "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA",
        0x0096: "TLS_RSA_WITH_SEED_CBC_SHA",
        0x009C: "TLS_RSA_WITH_AES_128_GCM_SHA256",
        0x009D: "TLS_RSA_WITH_AES_256_GCM_SHA384",
        0x009E: "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
        0x1301: "TLS_AES_128_GCM_SHA256",
        0x1302: "TLS_AES_256_GCM_SHA384",
        0x1303: "TLS_CHACHA20_POLY1305_SHA256",
        0xC009: "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
        0xC00A: "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
        0xC011: "TLS_ECDHE_RSA_WITH_RC4_128_SHA",
        0xC013: "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
        0xC014: "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
        0xC018: "TLS_ECDH_anon_WITH_AES_128_CBC_SHA",
        0xC023: "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
        0xC027: "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
        0xC028: "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
        0xC02B: "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        0xC02C: "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        0xC02F: "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        0xC030: "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        0xCCA8: "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        0xCCA9: "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
    ]

    /// `0x00FF`.
    static func hex(_ code: UInt16) -> String {
        let digits = String(code, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func weak(_ code: UInt16, _ weakness: String) -> WeakCipherSuite {
        WeakCipherSuite(suite: CipherSuite(code: code), weakness: weakness)
    }
}
