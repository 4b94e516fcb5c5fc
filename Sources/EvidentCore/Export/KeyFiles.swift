import Crypto
import Foundation

/// Key files on disk: writing a new pair, finding the signing key of a command.
public enum KeyFiles {
    /// Writes `PREFIX.key` (mode 0600) and `PREFIX.pub`; refuses to overwrite unless `force`. With a
    /// `passphrase` the private key is written encrypted (PKCS#8 PBES2, as openssl reads it).
    /// Returns the public key's fingerprint.
    public static func generate(
        prefix: String, force: Bool, passphrase: String? = nil
    ) throws(KeyError) -> (privatePath: String, publicPath: String, fingerprint: String) {
        let privatePath = prefix + ".key", publicPath = prefix + ".pub"
        if !force {
            for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) { throw .exists(path: path) }
        }
        let key = SigningKeys.generate()
        let privatePEM: String
        if let passphrase {
            do { privatePEM = try SigningKeys.encryptedPrivatePEM(key, passphrase: passphrase) } catch {
                throw .writeFailed(path: privatePath, reason: "the key could not be encrypted")
            }
        } else {
            privatePEM = SigningKeys.privatePEM(key)
        }
        try write(privatePEM, to: privatePath, mode: 0o600)
        try write(SigningKeys.publicPEM(key.publicKey), to: publicPath, mode: 0o644)
        return (privatePath, publicPath, SigningKeys.fingerprint(key.publicKey))
    }

    /// The signing key: `--sign-key PATH`, else `$EVIDENT_SIGNING_KEY` holding the PEM text, else
    /// none. A passphrase-protected key is opened with `$EVIDENT_KEY_PASSPHRASE`, else with what
    /// `prompt` asks the person at the terminal (nil when there is none).
    public static func signingKey(
        path: String?, environment: [String: String], prompt: (String) -> String? = { _ in nil }
    ) throws(KeyError) -> Curve25519.Signing.PrivateKey? {
        let text: String, source: String
        if let path {
            guard let data = FileManager.default.contents(atPath: path) else { throw .notFound(path: path) }
            (text, source) = (String(decoding: data, as: UTF8.self), path)
        } else if let value = environment["EVIDENT_SIGNING_KEY"], !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            (text, source) = (value, "$EVIDENT_SIGNING_KEY")
        } else {
            return nil
        }
        return try SigningKeys.privateKey(fromPEM: text, source: source) { () throws(KeyError) -> String? in
            if let passphrase = environment["EVIDENT_KEY_PASSPHRASE"], !passphrase.isEmpty { return passphrase }
            return prompt("Passphrase for \(source): ")
        }
    }

    /// A public key read from a PEM file.
    public static func publicKey(path: String) throws(KeyError) -> Curve25519.Signing.PublicKey {
        guard let data = FileManager.default.contents(atPath: path) else { throw .notFound(path: path) }
        return try SigningKeys.publicKey(fromPEM: String(decoding: data, as: UTF8.self), source: path)
    }

    private static func write(_ text: String, to path: String, mode: mode_t) throws(KeyError) {
        let temporary = path + ".partial-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
        fchmod(descriptor, mode)
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
