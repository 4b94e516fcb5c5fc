import Crypto
import Foundation

/// Key files on disk: writing a new pair, finding the signing key of a command.
public enum KeyFiles {
    /// Writes `PREFIX.key` (mode 0600) and `PREFIX.pub`; refuses to overwrite unless `force`.
    /// Returns the public key's fingerprint.
    public static func generate(prefix: String, force: Bool) throws(KeyError) -> (privatePath: String, publicPath: String, fingerprint: String) {
        let privatePath = prefix + ".key", publicPath = prefix + ".pub"
        if !force {
            for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) { throw .exists(path: path) }
        }
        let key = SigningKeys.generate()
        try write(SigningKeys.privatePEM(key), to: privatePath, mode: 0o600)
        try write(SigningKeys.publicPEM(key.publicKey), to: publicPath, mode: 0o644)
        return (privatePath, publicPath, SigningKeys.fingerprint(key.publicKey))
    }

    /// The signing key: `--sign-key PATH`, else `$EVIDENT_SIGNING_KEY` holding the PEM text, else none.
    public static func signingKey(path: String?, environment: [String: String]) throws(KeyError) -> Curve25519.Signing.PrivateKey? {
        if let path {
            guard let data = FileManager.default.contents(atPath: path) else { throw .notFound(path: path) }
            return try SigningKeys.privateKey(fromPEM: String(decoding: data, as: UTF8.self), source: path)
        }
        if let text = environment["EVIDENT_SIGNING_KEY"], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return try SigningKeys.privateKey(fromPEM: text, source: "$EVIDENT_SIGNING_KEY")
        }
        return nil
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
