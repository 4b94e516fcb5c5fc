import Crypto
import Foundation

/// The content-addressed folder of evidence files: each file is named by its SHA-256, written
/// through a temporary file that is synced and renamed into place, then made read-only.
public struct EvidenceVault: Sendable {
    /// The vault folder (`vault/` beside the database).
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// What storing a file gave.
    public struct StoredFile: Sendable, Equatable {
        public let digest: String
        public let size: Int64
        /// How many sensitive values were masked (only with redaction).
        public let maskedValues: Int
        /// The lines that held them.
        public let maskedLines: [Int]
    }

    /// The path of the vault file named `digest`.
    public func path(for digest: String) -> String { directory + "/" + digest }

    /// Whether the vault holds `digest`.
    public func contains(_ digest: String) -> Bool { FileManager.default.fileExists(atPath: path(for: digest)) }

    /// Streams the file at `source` into the vault; a text file holding sensitive values is refused,
    /// or stored masked when `redact` is true. Memory stays constant whatever the file's size.
    /// Content the vault already holds is read once and not written again.
    public func store(contentsOf source: String, redact: Bool, progress: WorkProgress = .none) throws(VaultError) -> StoredFile {
        let input = try VaultFile.openForReading(source)
        defer { close(input) }
        var info = stat()
        let total: Int64? = fstat(input, &info) == 0 ? Int64(info.st_size) : nil
        if let total, let known = try storedCopy(of: input, source: source, size: total, redact: redact, progress: progress) {
            return known
        }
        var done: Int64 = 0
        let writer = try IncomingFile(vault: self)
        do throws(VaultError) {
            var filter = SensitiveFilter(redact: redact)
            var buffer = [UInt8](repeating: 0, count: BackgroundWriter.chunkSize)
            let name = (source as NSString).lastPathComponent
            var first = true
            while true {
                let count = try VaultFile.read(input, into: &buffer, path: source)
                if count == 0 { break }
                done += Int64(count)
                progress.update("storing \(name)", done: done, total: total)
                if first {
                    filter.decideKind(from: buffer[..<count])
                    first = false
                }
                try buffer.withUnsafeBufferPointer { chunk throws(VaultError) in
                    try filter.feed(UnsafeBufferPointer(rebasing: chunk[..<count]), into: writer)
                }
                if !filter.isText {
                    // Binary files need no line scanning: read straight into the writer's buffers.
                    while true {
                        let read = try writer.append(from: input, path: source) { _ in }
                        if read == 0 { break }
                        done += Int64(read)
                        progress.update("storing \(name)", done: done, total: total)
                    }
                    break
                }
            }
            try filter.finish(into: writer)
            if let refusal = filter.refusal(for: source) {
                writer.discard()
                throw refusal
            }
            let (digest, size) = try writer.commit()
            return StoredFile(digest: digest, size: size, maskedValues: filter.found.count, maskedLines: filter.maskedLines)
        } catch {
            writer.discard()
            throw error
        }
    }

    /// Stores `bytes` (a scan result, a generated document) in the vault.
    public func store(bytes: [UInt8]) throws(VaultError) -> StoredFile {
        let writer = try IncomingFile(vault: self)
        do throws(VaultError) {
            try bytes.withUnsafeBufferPointer { buffer throws(VaultError) in try writer.write(buffer) }
            let (digest, size) = try writer.commit()
            return StoredFile(digest: digest, size: size, maskedValues: 0, maskedLines: [])
        } catch {
            writer.discard()
            throw error
        }
    }

    /// Re-hashes the vault file `digest`; throws `.missing` or `.tampered` when it no longer holds.
    public func check(_ digest: String) throws(VaultError) {
        let file = path(for: digest)
        guard FileManager.default.fileExists(atPath: file) else { throw .missing(digest: digest) }
        guard try VaultFile.sha256(of: file) == digest else { throw .tampered(digest: digest) }
    }

    /// Copies the vault file `digest` to `destination`, checking its hash on the way; atomic.
    public func copy(_ digest: String, to destination: String, overwrite: Bool) throws(VaultError) {
        if !overwrite, FileManager.default.fileExists(atPath: destination) { throw .destinationExists(path: destination) }
        try check(digest)
        try VaultFile.copy(from: path(for: digest), to: destination, expecting: digest)
    }

    /// Deletes the vault file `digest`.
    public func remove(_ digest: String) throws(VaultError) {
        do {
            try FileManager.default.removeItem(atPath: path(for: digest))
        } catch {
            throw .writeFailed(path: path(for: digest), reason: error.localizedDescription)
        }
    }

    /// The digests of every file in the vault, sorted; temporary files are left out.
    public func storedDigests() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter(Digest.isSHA256).sorted()
    }

    /// Leftovers of interrupted writes.
    public func incompleteWrites() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasPrefix(IncomingFile.prefix) }.sorted()
    }
}
