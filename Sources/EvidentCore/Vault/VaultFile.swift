import Crypto
import Foundation

/// Low-level file access for the vault: POSIX calls with errors that name the path.
enum VaultFile {
    /// Opens a regular file for reading.
    static func openForReading(_ path: String) throws(VaultError) -> Int32 {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .notFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path: path) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        return descriptor
    }

    /// Reads up to `buffer.count` bytes; 0 at the end of the file.
    static func read(_ descriptor: Int32, into buffer: inout [UInt8], path: String) throws(VaultError) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Writes all of `bytes`.
    static func write(_ descriptor: Int32, _ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(VaultError) {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// The SHA-256 of a file, streamed.
    static func sha256(of path: String) throws(VaultError) -> String {
        let descriptor = try openForReading(path)
        defer { close(descriptor) }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = try read(descriptor, into: &buffer, path: path)
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
        return Digest.hex(hasher.finalize())
    }

    /// Copies `source` to `destination` through a synced temporary file, checking the hash first.
    static func copy(from source: String, to destination: String, expecting digest: String) throws(VaultError) {
        let input = try openForReading(source)
        defer { close(input) }
        let temporary = destination + ".evident-partial-\(getpid())"
        let output = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw .writeFailed(path: destination, reason: String(cString: strerror(errno))) }
        var hasher = SHA256()
        do throws(VaultError) {
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let count = try read(input, into: &buffer, path: source)
                if count == 0 { break }
                try buffer.withUnsafeBufferPointer { chunk throws(VaultError) in
                    let slice = UnsafeBufferPointer(rebasing: chunk[..<count])
                    hasher.update(bufferPointer: UnsafeRawBufferPointer(slice))
                    try write(output, slice, path: destination)
                }
            }
            guard Digest.hex(hasher.finalize()) == digest else { throw VaultError.tampered(digest: digest) }
            guard fsync(output) == 0 else { throw VaultError.writeFailed(path: destination, reason: String(cString: strerror(errno))) }
            close(output)
            guard rename(temporary, destination) == 0 else {
                throw VaultError.writeFailed(path: destination, reason: String(cString: strerror(errno)))
            }
        } catch {
            close(output)
            unlink(temporary)
            throw error
        }
    }

    /// Syncs a folder so a rename into it survives a crash.
    static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

/// A file being written into the vault: hashed as it is written, then synced, renamed to its
/// digest and made read-only; discarded on any failure.
final class IncomingFile: VaultSink {
    /// Name prefix of files being written; `verify` reports leftovers of interrupted writes.
    static let prefix = ".incoming-"

    private let vault: EvidenceVault
    private let temporaryPath: String
    private let descriptor: Int32
    private let writer: BackgroundWriter
    private var hasher = SHA256()
    private var size: Int64 = 0
    private var finished = false

    init(vault: EvidenceVault) throws(VaultError) {
        self.vault = vault
        if !FileManager.default.fileExists(atPath: vault.directory) {
            do {
                try FileManager.default.createDirectory(atPath: vault.directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw .writeFailed(path: vault.directory, reason: error.localizedDescription)
            }
        }
        Self.removeAbandoned(in: vault.directory)
        temporaryPath = vault.directory + "/" + Self.prefix + "\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .writeFailed(path: vault.directory, reason: String(cString: strerror(errno))) }
        writer = BackgroundWriter(descriptor: descriptor, path: vault.directory)
    }

    deinit { if !finished { discard() } }

    /// Deletes partial files left by writers that died (their process id no longer runs).
    static func removeAbandoned(in directory: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { unlink(directory + "/" + name) }
        }
    }

    /// Appends `bytes` to the file (written on a second thread) and to the hash.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(VaultError) {
        hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        size += Int64(bytes.count)
        try writer.enqueue(copying: bytes)
    }

    /// Fills a pooled buffer from `descriptor`, hashes it and hands it to the writer without a copy;
    /// returns the bytes read (0 at the end), and the buffer so the caller may look at it first.
    func append(from descriptor: Int32, path: String, inspect: (UnsafeBufferPointer<UInt8>) -> Void) throws(VaultError) -> Int {
        let chunk = writer.take()
        let count = try VaultFile.read(descriptor, into: &chunk.bytes, path: path)
        chunk.count = count
        chunk.bytes.withUnsafeBufferPointer { buffer in
            let filled = UnsafeBufferPointer(rebasing: buffer[..<count])
            inspect(filled)
            hasher.update(bufferPointer: UnsafeRawBufferPointer(filled))
        }
        size += Int64(count)
        try writer.enqueue(chunk)
        return count
    }

    /// Syncs the file, renames it to its digest (keeping an identical file already there) and makes it read-only.
    func commit() throws(VaultError) -> (digest: String, size: Int64) {
        try writer.drain()
        let digest = Digest.hex(hasher.finalize())
        guard fsync(descriptor) == 0 else { throw .writeFailed(path: vault.directory, reason: String(cString: strerror(errno))) }
        close(descriptor)
        finished = true
        let final = vault.path(for: digest)
        if vault.contains(digest), (try? VaultFile.sha256(of: final)) == digest {
            unlink(temporaryPath)
            return (digest, size)
        }
        chmod(temporaryPath, 0o444)
        guard rename(temporaryPath, final) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw .writeFailed(path: final, reason: reason)
        }
        VaultFile.syncDirectory(vault.directory)
        return (digest, size)
    }

    /// Removes the partial file.
    func discard() {
        try? writer.drain()
        if !finished {
            close(descriptor)
            finished = true
        }
        unlink(temporaryPath)
    }
}
