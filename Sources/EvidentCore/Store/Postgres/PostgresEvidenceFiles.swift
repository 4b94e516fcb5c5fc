import Crypto
import Foundation
import NIOCore

/// Evidence files on their way into (or out of) a team store: a private temporary folder where a
/// file is first stored exactly as into a vault (hashed, checked for sensitive values, masked with
/// `--redact`), then streamed into the store's chunks by the transaction that records it. Removed
/// when the command ends.
final class EvidenceStaging: @unchecked Sendable {
    // Unchecked: `staged` and `folder` are only touched under `lock`.
    private let lock = NSLock()
    private var folder: String?
    private var staged: [String: String] = [:]

    /// The staging vault, created on first use (mode 0700, under the temporary folder).
    func vault() throws(VaultError) -> EvidenceVault {
        lock.lock()
        defer { lock.unlock() }
        if let folder { return EvidenceVault(directory: folder) }
        let base = (ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        var template = Array((base + "/evident-staging.XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw VaultError.writeFailed(path: base, reason: "cannot create a temporary folder")
        }
        let path = String(cString: made)
        folder = path
        return EvidenceVault(directory: path)
    }

    /// Notes that `digest`'s content waits in the staging vault.
    func remember(_ digest: String) {
        lock.withLock { staged[digest] = folder.map { $0 + "/" + digest } }
    }

    /// Records `path` as the local copy of `digest`.
    func adoptFile(_ digest: String, _ path: String) { lock.withLock { staged[digest] = path } }

    /// The staged copy of `digest`, if this process stored it.
    func stagedFile(_ digest: String) -> String? { lock.withLock { staged[digest] } }

    /// A fresh path in the staging folder for a file streamed out of the store.
    func scratchPath(_ name: String) throws(VaultError) -> String {
        let vault = try vault()
        return vault.directory + "/out-" + name
    }

    deinit {
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }
}

extension PostgresStore: EvidenceFiles {
    /// Evidence files are stored in chunks of this size (the schema's ceiling per chunk).
    static let chunkSize = 1 << 20
    /// The largest evidence file a team store takes: 16 GiB.
    static let maximumFileSize: Int64 = 16 << 30

    func store(contentsOf source: String, redact: Bool, progress: WorkProgress) throws(VaultError) -> EvidenceVault.StoredFile {
        let stored = try staging.vault().store(contentsOf: source, redact: redact, progress: progress)
        guard stored.size <= Self.maximumFileSize else {
            throw VaultError.writeFailed(path: source, reason: "a team store takes evidence files up to 16 GiB")
        }
        staging.remember(stored.digest)
        return stored
    }

    func store(bytes: [UInt8]) throws(VaultError) -> EvidenceVault.StoredFile {
        let stored = try staging.vault().store(bytes: bytes)
        staging.remember(stored.digest)
        return stored
    }

    /// Streams a staged file into the store's chunks, inside the caller's transaction, unless the
    /// store already holds that content (deduplicated by digest; concurrent writers of the same
    /// content take turns on a lock named by it).
    func uploadIfStaged(_ digest: String) throws {
        try link.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [.text(digest)])
        let present = try link.queryRows("SELECT 1 FROM evidence_file WHERE digest = $1", [.text(digest)]).isEmpty == false
        if present { return }
        guard let path = staging.stagedFile(digest) else { throw VaultError.missing(digest: digest) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw VaultError.missing(digest: digest) }
        defer { try? handle.close() }
        let size = Int64((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)??.int64Value ?? 0)
        let chunks = Int((size + Int64(Self.chunkSize) - 1) / Int64(Self.chunkSize))
        try link.execute(
            "INSERT INTO evidence_file (digest, size, chunks) VALUES ($1, $2, $3)",
            [.text(digest), .integer(size), .integer(Int64(chunks))])
        var hasher = SHA256()
        var seq: Int64 = 0
        while true {
            let data: Data
            do { data = try handle.read(upToCount: Self.chunkSize) ?? Data() } catch {
                throw VaultError.unreadable(path: path, reason: error.localizedDescription)
            }
            if data.isEmpty { break }
            hasher.update(data: data)
            try link.execute(
                "INSERT INTO evidence_chunk (digest, seq, bytes) VALUES ($1, $2, $3)",
                [.text(digest), .integer(seq), .bytes(ByteBuffer(data: data))])
            seq += 1
        }
        guard Digest.hex(hasher.finalize()) == digest, seq == chunks else { throw VaultError.tampered(digest: digest) }
    }

    /// Streams the stored chunks of `digest` to `body`, in order; throws `.missing` when absent.
    private func streamChunks(_ digest: String, _ body: (ByteBuffer) throws -> Void) throws {
        guard let file = try link.queryRows("SELECT size, chunks FROM evidence_file WHERE digest = $1", [.text(digest)]).first else {
            throw VaultError.missing(digest: digest)
        }
        let chunks = file.requiredInteger(1)
        var seq: Int64 = 0
        while seq < chunks {
            guard let bytes = try link.queryRows(
                "SELECT bytes FROM evidence_chunk WHERE digest = $1 AND seq = $2", [.text(digest), .integer(seq)]
            ).first?.bytes(0) else { throw VaultError.tampered(digest: digest) }
            try body(bytes)
            seq += 1
        }
    }

    func check(_ digest: String) throws(VaultError) {
        var hasher = SHA256()
        do {
            try streamChunks(digest) { buffer in
                buffer.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
            }
        } catch let error as VaultError {
            throw error
        } catch {
            throw VaultError.store((error as? StoreError)?.errorDescription ?? "the team store could not be read")
        }
        guard Digest.hex(hasher.finalize()) == digest else { throw .tampered(digest: digest) }
    }

    func localFile(for digest: String) throws(VaultError) -> String {
        if let staged = staging.stagedFile(digest), FileManager.default.fileExists(atPath: staged) { return staged }
        let path = try staging.scratchPath(digest)
        if FileManager.default.fileExists(atPath: path) { return path }
        guard FileManager.default.createFile(atPath: path + ".partial", contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: path + ".partial")
        else { throw .writeFailed(path: path, reason: "cannot create a temporary file") }
        var hasher = SHA256()
        do {
            defer { try? handle.close() }
            try streamChunks(digest) { buffer in
                let data = Data(buffer.readableBytesView)
                hasher.update(data: data)
                try handle.write(contentsOf: data)
            }
        } catch let error as VaultError {
            throw error
        } catch {
            throw VaultError.store((error as? StoreError)?.errorDescription ?? "the team store could not be read")
        }
        guard Digest.hex(hasher.finalize()) == digest else { throw .tampered(digest: digest) }
        do { try FileManager.default.moveItem(atPath: path + ".partial", toPath: path) } catch {
            throw .writeFailed(path: path, reason: error.localizedDescription)
        }
        return path
    }

    func copy(_ digest: String, to destination: String, overwrite: Bool) throws(VaultError) {
        if !overwrite, FileManager.default.fileExists(atPath: destination) { throw .destinationExists(path: destination) }
        let local = try localFile(for: digest)
        try VaultFile.copy(from: local, to: destination, expecting: digest)
    }

    /// Purging happens in the store, with the row that records it (`markPurged`).
    func remove(_ digest: String) throws(VaultError) {}

    func storedDigests() throws -> [String] {
        try link.queryRows("SELECT digest FROM evidence_file ORDER BY digest").map { $0.requiredString(0) }
    }

    func incompleteWrites() -> [String] { [] }
}
