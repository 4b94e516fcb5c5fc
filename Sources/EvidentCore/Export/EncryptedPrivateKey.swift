import _CryptoExtras
import Crypto
import Foundation
import SwiftASN1

/// Passphrase-protected PKCS#8 (`-----BEGIN ENCRYPTED PRIVATE KEY-----`, RFC 5958 with PBES2 of
/// RFC 8018), as `openssl pkcs8 -topk8 -v2 aes-256-cbc` writes it: PBKDF2 with an HMAC-SHA
/// pseudo-random function derives an AES-CBC key from the passphrase. The primitives are
/// swift-crypto's; this file only reads and writes their parameters as DER with swift-asn1.
enum EncryptedPrivateKey {
    /// PBKDF2 rounds for keys Evident writes (OWASP's figure for PBKDF2-HMAC-SHA256).
    static let writeRounds = 600_000
    /// More rounds than this in a key someone hands us is refused: it would hang the command.
    static let maxRounds = 10_000_000

    /// The PKCS#8 DER inside `der` (an EncryptedPrivateKeyInfo), decrypted with `passphrase`.
    static func decrypt(_ der: [UInt8], passphrase: String, source: String) throws(KeyError) -> [UInt8] {
        let info: EncryptedPrivateKeyInfo
        do {
            info = try EncryptedPrivateKeyInfo(derEncoded: der)
        } catch let error as KeyError {
            throw error
        } catch {
            throw .notEd25519(source: source, expected: "a PKCS#8 encrypted private key")
        }
        guard info.rounds <= maxRounds else { throw .unsupportedEncryption(source: source, what: "\(info.rounds) PBKDF2 rounds") }
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(
                from: Array(passphrase.utf8), salt: info.salt, using: info.prf.hashFunction,
                outputByteCount: info.cipher.keyBytes, unsafeUncheckedRounds: info.rounds)
            let plain = try AES._CBC.decrypt(info.encrypted, using: key, iv: AES._CBC.IV(ivBytes: info.iv))
            return Array(plain)
        } catch {
            // A wrong passphrase shows as bad padding or, rarely, as a key that does not parse later.
            throw .wrongPassphrase(source: source)
        }
    }

    /// `der` (a PKCS#8 PrivateKeyInfo) encrypted with `passphrase`: PBKDF2-HMAC-SHA256 and AES-256-CBC.
    static func encrypt(_ der: [UInt8], passphrase: String) throws -> [UInt8] {
        var salt = [UInt8](repeating: 0, count: 16)
        var iv = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = generator.next() }
        for index in iv.indices { iv[index] = generator.next() }
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(passphrase.utf8), salt: salt, using: .sha256, outputByteCount: 32, unsafeUncheckedRounds: writeRounds)
        let encrypted = try AES._CBC.encrypt(der, using: key, iv: AES._CBC.IV(ivBytes: iv))
        let info = EncryptedPrivateKeyInfo(salt: salt, rounds: writeRounds, prf: .sha256, cipher: .aes256, iv: iv, encrypted: Array(encrypted))
        var serializer = DER.Serializer()
        try serializer.serialize(info)
        return serializer.serializedBytes
    }
}

/// The pseudo-random functions PBKDF2 may use here.
enum PBKDF2PRF: CaseIterable {
    case sha1, sha256, sha384, sha512

    var oid: ASN1ObjectIdentifier {
        switch self {
        case .sha1: [1, 2, 840, 113549, 2, 7]
        case .sha256: [1, 2, 840, 113549, 2, 9]
        case .sha384: [1, 2, 840, 113549, 2, 10]
        case .sha512: [1, 2, 840, 113549, 2, 11]
        }
    }

    var hashFunction: KDF.Insecure.PBKDF2.HashFunction {
        switch self {
        case .sha1: .insecureSHA1
        case .sha256: .sha256
        case .sha384: .sha384
        case .sha512: .sha512
        }
    }
}

/// The AES-CBC ciphers PBES2 may name here.
enum PBES2Cipher: CaseIterable {
    case aes128, aes192, aes256

    var oid: ASN1ObjectIdentifier {
        switch self {
        case .aes128: [2, 16, 840, 1, 101, 3, 4, 1, 2]
        case .aes192: [2, 16, 840, 1, 101, 3, 4, 1, 22]
        case .aes256: [2, 16, 840, 1, 101, 3, 4, 1, 42]
        }
    }

    var keyBytes: Int {
        switch self {
        case .aes128: 16
        case .aes192: 24
        case .aes256: 32
        }
    }
}

/// EncryptedPrivateKeyInfo with PBES2 parameters (PBKDF2 + AES-CBC): the only shape accepted.
struct EncryptedPrivateKeyInfo: DERImplicitlyTaggable {
    static let pbes2: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 5, 13]
    static let pbkdf2: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 5, 12]

    static var defaultIdentifier: ASN1Identifier { .sequence }

    var salt: [UInt8]
    var rounds: Int
    var prf: PBKDF2PRF
    var cipher: PBES2Cipher
    var iv: [UInt8]
    var encrypted: [UInt8]

    init(salt: [UInt8], rounds: Int, prf: PBKDF2PRF, cipher: PBES2Cipher, iv: [UInt8], encrypted: [UInt8]) {
        self.salt = salt
        self.rounds = rounds
        self.prf = prf
        self.cipher = cipher
        self.iv = iv
        self.encrypted = encrypted
    }

    init(derEncoded root: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        var parsed: (salt: [UInt8], rounds: Int, prf: PBKDF2PRF, cipher: PBES2Cipher, iv: [UInt8])?
        let encrypted: [UInt8] = try DER.sequence(root, identifier: identifier) { nodes in
            guard let algorithm = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "no algorithm") }
            parsed = try Self.parsePBES2(algorithm)
            return try Array(ASN1OctetString(derEncoded: &nodes).bytes)
        }
        guard let parsed else { throw ASN1Error.invalidASN1Object(reason: "no algorithm") }
        self.init(salt: parsed.salt, rounds: parsed.rounds, prf: parsed.prf, cipher: parsed.cipher, iv: parsed.iv, encrypted: encrypted)
    }

    private static func parsePBES2(_ node: ASN1Node) throws -> (salt: [UInt8], rounds: Int, prf: PBKDF2PRF, cipher: PBES2Cipher, iv: [UInt8]) {
        try DER.sequence(node, identifier: .sequence) { nodes in
            guard try ASN1ObjectIdentifier(derEncoded: &nodes) == pbes2 else {
                throw KeyError.unsupportedEncryption(source: "the key", what: "an encryption scheme other than PBES2")
            }
            guard let parameters = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "no PBES2 parameters") }
            return try DER.sequence(parameters, identifier: .sequence) { nodes in
                guard let kdf = nodes.next(), let scheme = nodes.next() else {
                    throw ASN1Error.invalidASN1Object(reason: "incomplete PBES2 parameters")
                }
                let (salt, rounds, prf) = try parsePBKDF2(kdf)
                let (cipher, iv) = try DER.sequence(scheme, identifier: .sequence) { nodes in
                    let oid = try ASN1ObjectIdentifier(derEncoded: &nodes)
                    guard let cipher = PBES2Cipher.allCases.first(where: { $0.oid == oid }) else {
                        throw KeyError.unsupportedEncryption(source: "the key", what: "a cipher other than AES-CBC")
                    }
                    let iv = try Array(ASN1OctetString(derEncoded: &nodes).bytes)
                    guard iv.count == 16 else { throw ASN1Error.invalidASN1Object(reason: "IV") }
                    return (cipher, iv)
                }
                return (salt, rounds, prf, cipher, iv)
            }
        }
    }

    private static func parsePBKDF2(_ node: ASN1Node) throws -> (salt: [UInt8], rounds: Int, prf: PBKDF2PRF) {
        try DER.sequence(node, identifier: .sequence) { nodes in
            guard try ASN1ObjectIdentifier(derEncoded: &nodes) == pbkdf2 else {
                throw KeyError.unsupportedEncryption(source: "the key", what: "a key derivation other than PBKDF2")
            }
            guard let parameters = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "no PBKDF2 parameters") }
            return try DER.sequence(parameters, identifier: .sequence) { nodes in
                let salt = try Array(ASN1OctetString(derEncoded: &nodes).bytes)
                let rounds = try Int(derEncoded: &nodes)
                guard rounds > 0 else { throw ASN1Error.invalidASN1Object(reason: "rounds") }
                _ = try DER.optionalImplicitlyTagged(&nodes, tag: .integer) as Int?
                var prf = PBKDF2PRF.sha1
                if let algorithm = nodes.next() {
                    prf = try DER.sequence(algorithm, identifier: .sequence) { nodes in
                        let oid = try ASN1ObjectIdentifier(derEncoded: &nodes)
                        _ = nodes.next()  // NULL parameters, when present
                        guard let prf = PBKDF2PRF.allCases.first(where: { $0.oid == oid }) else {
                            throw KeyError.unsupportedEncryption(source: "the key", what: "a PBKDF2 hash other than SHA-1/256/384/512")
                        }
                        return prf
                    }
                }
                return (salt, rounds, prf)
            }
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.appendConstructedNode(identifier: .sequence) { coder in
                try coder.serialize(Self.pbes2)
                try coder.appendConstructedNode(identifier: .sequence) { coder in
                    try coder.appendConstructedNode(identifier: .sequence) { coder in
                        try coder.serialize(Self.pbkdf2)
                        try coder.appendConstructedNode(identifier: .sequence) { coder in
                            try coder.serialize(ASN1OctetString(contentBytes: ArraySlice(salt)))
                            try coder.serialize(rounds)
                            try coder.appendConstructedNode(identifier: .sequence) { coder in
                                try coder.serialize(prf.oid)
                                try coder.serialize(ASN1Null())
                            }
                        }
                    }
                    try coder.appendConstructedNode(identifier: .sequence) { coder in
                        try coder.serialize(cipher.oid)
                        try coder.serialize(ASN1OctetString(contentBytes: ArraySlice(iv)))
                    }
                }
            }
            try coder.serialize(ASN1OctetString(contentBytes: ArraySlice(encrypted)))
        }
    }
}
