import Crypto
import Foundation

/// Ed25519 keys as PEM files that standard tools read (SPEC §6): the private key as PKCS#8
/// (`-----BEGIN PRIVATE KEY-----`), the public key as SubjectPublicKeyInfo (`-----BEGIN PUBLIC KEY-----`).
public enum SigningKeys {
    /// DER prefix of an Ed25519 PKCS#8 private key (RFC 8410), followed by the 32-byte seed.
    static let privateKeyPrefix: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
    /// DER prefix of an Ed25519 SubjectPublicKeyInfo, followed by the 32-byte public key.
    static let publicKeyPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]

    /// A new key pair.
    public static func generate() -> Curve25519.Signing.PrivateKey { Curve25519.Signing.PrivateKey() }

    /// The PKCS#8 PEM text of `key`.
    public static func privatePEM(_ key: Curve25519.Signing.PrivateKey) -> String {
        pem(label: "PRIVATE KEY", der: privateKeyPrefix + Array(key.rawRepresentation))
    }

    /// The SubjectPublicKeyInfo PEM text of `key`.
    public static func publicPEM(_ key: Curve25519.Signing.PublicKey) -> String {
        pem(label: "PUBLIC KEY", der: publicKeyPrefix + Array(key.rawRepresentation))
    }

    /// The PKCS#8 PEM text of `key`, encrypted with `passphrase` (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC).
    public static func encryptedPrivatePEM(_ key: Curve25519.Signing.PrivateKey, passphrase: String) throws -> String {
        pem(label: encryptedLabel, der: try EncryptedPrivateKey.encrypt(privateKeyPrefix + Array(key.rawRepresentation), passphrase: passphrase))
    }

    static let encryptedLabel = "ENCRYPTED PRIVATE KEY"

    /// Whether `text` holds a passphrase-protected private key.
    public static func isEncrypted(_ text: String) -> Bool { text.contains("-----BEGIN \(encryptedLabel)-----") }

    /// Reads a PKCS#8 Ed25519 private key from PEM text; an encrypted one asks `passphrase` for
    /// its passphrase (nil: none can be had).
    public static func privateKey(
        fromPEM text: String, source: String, passphrase: () throws(KeyError) -> String? = { nil }
    ) throws(KeyError) -> Curve25519.Signing.PrivateKey {
        if isEncrypted(text) {
            let encrypted = try derBytes(text, label: encryptedLabel, source: source)
            guard let secret = try passphrase() else { throw .passphraseNeeded(source: source) }
            let der = try EncryptedPrivateKey.decrypt(encrypted, passphrase: secret, source: source)
            do { return try privateKey(der: der, source: source) } catch { throw .wrongPassphrase(source: source) }
        }
        return try privateKey(der: try derBytes(text, label: "PRIVATE KEY", source: source), source: source)
    }

    private static func privateKey(der: [UInt8], source: String) throws(KeyError) -> Curve25519.Signing.PrivateKey {
        guard der.count == privateKeyPrefix.count + 32, der.starts(with: privateKeyPrefix),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32))
        else { throw .notEd25519(source: source, expected: "an Ed25519 private key (PKCS#8)") }
        return key
    }

    /// Reads an Ed25519 SubjectPublicKeyInfo public key from PEM text.
    public static func publicKey(fromPEM text: String, source: String) throws(KeyError) -> Curve25519.Signing.PublicKey {
        let der = try derBytes(text, label: "PUBLIC KEY", source: source)
        guard der.count == publicKeyPrefix.count + 32, der.starts(with: publicKeyPrefix),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: der.suffix(32))
        else { throw .notEd25519(source: source, expected: "an Ed25519 public key (SubjectPublicKeyInfo)") }
        return key
    }

    /// A short, stable name for a public key: the first 16 hex digits of the SHA-256 of its raw bytes.
    public static func fingerprint(_ key: Curve25519.Signing.PublicKey) -> String {
        String(Digest.sha256(key.rawRepresentation).prefix(16))
    }

    // MARK: - PEM

    static func pem(label: String, der: [UInt8]) -> String {
        let base64 = Data(der).base64EncodedString()
        var lines = ["-----BEGIN \(label)-----"]
        var index = base64.startIndex
        while index < base64.endIndex {
            let end = base64.index(index, offsetBy: 64, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(String(base64[index..<end]))
            index = end
        }
        lines.append("-----END \(label)-----")
        return lines.joined(separator: "\n") + "\n"
    }

    static func derBytes(_ text: String, label: String, source: String) throws(KeyError) -> [UInt8] {
        let begin = "-----BEGIN \(label)-----", end = "-----END \(label)-----"
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex) else {
            throw .notPEM(source: source, label: label)
        }
        let body = text[start.upperBound..<stop.lowerBound].filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: String(body)) else { throw .notPEM(source: source, label: label) }
        return Array(data)
    }
}

/// Why a key could not be read, written or used. Messages never contain key material.
public enum KeyError: EvidentError, Equatable {
    case notFound(path: String)
    case notPEM(source: String, label: String)
    case notEd25519(source: String, expected: String)
    case exists(path: String)
    case writeFailed(path: String, reason: String)
    case passphraseNeeded(source: String)
    case wrongPassphrase(source: String)
    case unsupportedEncryption(source: String, what: String)
    case emptyPassphrase
    case passphrasesDiffer
    case boundToAnotherSigner(fingerprint: String, signer: String)

    public var kind: FailureKind {
        switch self {
        case .notFound: .missingInput
        case .notPEM, .notEd25519, .exists, .passphraseNeeded, .wrongPassphrase, .unsupportedEncryption,
             .emptyPassphrase, .passphrasesDiffer: .badInput
        case .boundToAnotherSigner: .permissionDenied
        case .writeFailed: .ioError
        }
    }

    public var errorDescription: String? {
        switch self {
        case let .notFound(path): "no such key file: \(path)"
        case let .notPEM(source, label): "\(source) holds no PEM block '\(label)'"
        case let .notEd25519(source, expected): "\(source) is not \(expected)"
        case let .exists(path): "\(path) already exists; keygen never overwrites a key"
        case let .writeFailed(path, reason): "cannot write \(path): \(reason)"
        case let .passphraseNeeded(source): "\(source) is passphrase-protected and no passphrase was given"
        case let .wrongPassphrase(source): "wrong passphrase for \(source)"
        case let .unsupportedEncryption(source, what): "\(source) is encrypted with \(what), which Evident does not read"
        case .emptyPassphrase: "an empty passphrase protects nothing"
        case .passphrasesDiffer: "the two passphrases differ"
        case let .boundToAnotherSigner(fingerprint, signer):
            "key \(fingerprint) already signed for \(TerminalText.oneLine(signer)) in this workspace; one key, one signer"
        }
    }

    public var hint: String? {
        switch self {
        case .notFound, .notPEM, .notEd25519: "make a key pair with `evident keygen --out PREFIX`"
        case .exists: "choose another --out, or add --force to replace it"
        case .writeFailed: "check the folder exists and is writable"
        case .passphraseNeeded: "run on a terminal to be asked for it, or set $EVIDENT_KEY_PASSPHRASE"
        case .wrongPassphrase: "type the passphrase again, or check $EVIDENT_KEY_PASSPHRASE"
        case .unsupportedEncryption: "re-encrypt it with `openssl pkcs8 -topk8 -v2 aes-256-cbc`"
        case .emptyPassphrase, .passphrasesDiffer: "run keygen --encrypt again"
        case .boundToAnotherSigner: "sign with your own key (`evident keygen --out PREFIX`), or as the person the key belongs to (--as)"
        }
    }
}
