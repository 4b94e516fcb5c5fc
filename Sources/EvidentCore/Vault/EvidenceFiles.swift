import Foundation

/// Where evidence files are kept, content-addressed by SHA-256: the vault folder beside a SQLite
/// workspace (`EvidenceVault`), or chunked rows in a team store (`PostgresStore`). Files are stored
/// before the row that records them; a team store writes the file's chunks in the same
/// transaction as that row.
protocol EvidenceFiles: Sendable {
    /// Streams the file at `source` in; a text file holding sensitive values is refused, or stored
    /// masked when `redact` is true. Memory stays bounded whatever the file's size.
    func store(contentsOf source: String, redact: Bool, progress: WorkProgress) throws(VaultError) -> EvidenceVault.StoredFile
    /// Stores `bytes` (a scan result, a generated document).
    func store(bytes: [UInt8]) throws(VaultError) -> EvidenceVault.StoredFile
    /// Re-hashes the file `digest`; throws `.missing` or `.tampered` when it no longer holds.
    func check(_ digest: String) throws(VaultError)
    /// Copies the file `digest` to `destination`, checking its hash on the way; atomic.
    func copy(_ digest: String, to destination: String, overwrite: Bool) throws(VaultError)
    /// Deletes the file `digest`.
    func remove(_ digest: String) throws(VaultError)
    /// The digests of every stored file, sorted.
    func storedDigests() throws -> [String]
    /// Leftovers of interrupted writes.
    func incompleteWrites() -> [String]
    /// A local file holding the content `digest`, for streaming into a bundle: the vault file
    /// itself, or a temporary copy a team store streams out (removed when the process ends).
    func localFile(for digest: String) throws(VaultError) -> String
}

extension EvidenceVault: EvidenceFiles {
    func localFile(for digest: String) throws(VaultError) -> String {
        let file = path(for: digest)
        guard FileManager.default.fileExists(atPath: file) else { throw .missing(digest: digest) }
        return file
    }
}
