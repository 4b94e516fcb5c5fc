import Foundation

/// Certificates made for one test with the openssl command line: a test CA and leaves it signs,
/// with chosen names and dates, and self-signed ones. Everything stays in the test's folder.
public final class TestPKI: @unchecked Sendable {
    // Unchecked: a PKI belongs to one test and is only used from that test's task.
    public let directory: TemporaryDirectory

    /// `openssl`, run with no configuration file so the system's policy does not apply.
    public static let openssl = "/usr/bin/openssl"
    static let environment = ["OPENSSL_CONF": "/dev/null"]

    /// Creates the CA (`ca.pem`, `ca.key`) in `directory`.
    public init(in directory: TemporaryDirectory) throws {
        self.directory = directory
        directory.write("pki/index.txt", "")
        directory.write("pki/serial.txt", "01\n")
        directory.write("pki/ca.cnf", """
            [ca]
            default_ca = test
            [test]
            database = index.txt
            new_certs_dir = .
            certificate = ca.pem
            private_key = ca.key
            default_md = sha256
            policy = any
            serial = serial.txt
            unique_subject = no
            copy_extensions = none
            [any]
            commonName = supplied

            """)
        try run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "365",
                 "-subj", "/CN=Evident Test CA", "-addext", "basicConstraints=critical,CA:TRUE",
                 "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
    }

    /// The CA certificate's path, for `--ca`.
    public var caPath: String { directory.path("pki/ca.pem") }

    /// A leaf for `names` signed by the CA, valid from `notBefore` to `notAfter`; returns (certificate, key) paths.
    public func leaf(_ label: String, names: [String], notBefore: Date, notAfter: Date) throws -> (certificate: String, key: String) {
        let extensions = "subjectAltName=" + Self.subjectAltNames(names)
            + "\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n"
        directory.write("pki/\(label).ext", extensions)
        try run(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(label).key", "-out", "\(label).csr", "-subj", "/CN=\(names[0])"])
        try run(["ca", "-batch", "-config", "ca.cnf", "-in", "\(label).csr", "-out", "\(label).pem",
                 "-startdate", Self.time(notBefore), "-enddate", Self.time(notAfter), "-extfile", "\(label).ext",
                 "-notext"])
        return (directory.path("pki/\(label).pem"), directory.path("pki/\(label).key"))
    }

    /// A self-signed certificate for `name`, valid from yesterday for 30 days.
    public func selfSigned(_ label: String, name: String) throws -> (certificate: String, key: String) {
        try run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(label).key", "-out", "\(label).pem", "-days", "30",
                 "-subj", "/CN=\(name)", "-addext", "subjectAltName=" + Self.subjectAltNames([name])])
        return (directory.path("pki/\(label).pem"), directory.path("pki/\(label).key"))
    }

    /// `IP:127.0.0.1,DNS:example.test`: addresses as IP entries, names as DNS entries.
    static func subjectAltNames(_ names: [String]) -> String {
        names.map { $0.first?.isNumber == true ? "IP:\($0)" : "DNS:\($0)" }.joined(separator: ",")
    }

    /// `20270101000000Z`, the form `openssl ca` takes.
    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss'Z'"
        return formatter.string(from: date)
    }

    private func run(_ arguments: [String]) throws {
        let result = try ExternalTool.run(Self.openssl, arguments, in: directory.url.appendingPathComponent("pki"),
                                          environment: Self.environment)
        if result.status != 0 { throw PeerError.tool("openssl \(arguments.prefix(2).joined(separator: " ")): \(result.stderr)") }
    }
}

/// `openssl s_server` on a loopback port for one test.
public enum TLSServer {
    /// Serves `certificate` (with `key`, and `chain` when given) on 127.0.0.1 with extra s_server `options`.
    public static func start(certificate: String, key: String, options: [String], in directory: TemporaryDirectory) throws -> PeerProcess {
        let port = LoopbackPort.free()
        return try PeerProcess(
            TestPKI.openssl,
            ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificate, "-key", key, "-quiet", "-naccept", "200"] + options,
            port: port, in: directory, environment: TestPKI.environment)
    }

    /// Options for an endpoint as the guide wants it: TLS 1.2 and 1.3 only, ECDHE with AEAD.
    public static let modern = ["-no_tls1", "-no_tls1_1", "-cipher", "ECDHE+AESGCM:ECDHE+CHACHA20"]
    /// Options for an old endpoint: every version and every suite OpenSSL still has, TLS 1.0 included.
    public static let legacy = ["-cipher", "DEFAULT:@SECLEVEL=0"]
}
