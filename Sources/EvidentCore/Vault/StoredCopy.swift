import Crypto
import Foundation

// Adding a file the vault already holds (the same report attached to several items, or to every
// cycle) need not write and sync a full copy only to drop it: when a vault file of the same size
// exists, the file is read once through the same sensitive-content rules, hashed and compared byte
// for byte with those files, without writing. Only a vault file that holds exactly the bytes
// storing would write, and is named by their SHA-256, is taken: a changed or misnamed one is
// rewritten by the ordinary path, as before.

extension EvidenceVault {
    /// Files smaller than this are simply written: the check would cost about as much as the write.
    static let storedCopyMinimumSize: Int64 = 1 << 20
    /// At most this many same-sized vault files are compared.
    private static let storedCopyMaximumCandidates = 8

    /// The vault file that already holds what storing `input` (`size` bytes) would write, found
    /// without writing; nil (with `input` rewound) when there is none. Refuses sensitive content as `store` does.
    func storedCopy(of input: Int32, source: String, size: Int64, redact: Bool, progress: WorkProgress) throws(VaultError) -> StoredFile? {
        guard size >= Self.storedCopyMinimumSize else { return nil }
        let candidates = digests(ofSize: size).prefix(Self.storedCopyMaximumCandidates)
        guard !candidates.isEmpty else { return nil }
        let matcher = MatchingFile(candidates: candidates.compactMap { MappedFile(path: path(for: $0), digest: $0, size: size) })
        var filter = SensitiveFilter(redact: redact)
        var buffer = [UInt8](repeating: 0, count: BackgroundWriter.chunkSize)
        let name = (source as NSString).lastPathComponent
        var done: Int64 = 0
        var first = true
        while matcher.isMatching {
            let count = try VaultFile.read(input, into: &buffer, path: source)
            if count == 0 { break }
            done += Int64(count)
            progress.update("storing \(name)", done: done, total: size)
            if first {
                filter.decideKind(from: buffer[..<count])
                first = false
            }
            try buffer.withUnsafeBufferPointer { chunk throws(VaultError) in
                try filter.feed(UnsafeBufferPointer(rebasing: chunk[..<count]), into: matcher)
            }
        }
        if matcher.isMatching { try filter.finish(into: matcher) }
        if matcher.isMatching, let refusal = filter.refusal(for: source) { throw refusal }
        guard let digest = matcher.matchedDigest() else {
            guard lseek(input, 0, SEEK_SET) == 0 else { throw .unreadable(path: source, reason: String(cString: strerror(errno))) }
            return nil
        }
        return StoredFile(digest: digest, size: size, maskedValues: filter.found.count, maskedLines: filter.maskedLines)
    }

    /// The digests of vault files of exactly `size` bytes.
    func digests(ofSize size: Int64) -> [String] {
        storedDigests().filter { digest in
            var info = stat()
            return stat(path(for: digest), &info) == 0 && Int64(info.st_size) == size
        }
    }
}

/// A sink that writes nothing: it hashes the bytes it is given and compares them with vault files
/// of the same size, dropping each file at its first difference.
final class MatchingFile: VaultSink {
    private var candidates: [MappedFile]
    private var hasher = SHA256()
    private var offset: Int64 = 0

    init(candidates: [MappedFile]) { self.candidates = candidates }

    /// Whether some vault file still holds every byte given so far.
    var isMatching: Bool { !candidates.isEmpty }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(VaultError) {
        hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        let start = offset
        candidates.removeAll { !$0.holds(bytes, at: start) }
        offset += Int64(bytes.count)
    }

    /// The digest of a vault file that holds exactly the bytes given and is named by their SHA-256.
    func matchedDigest() -> String? {
        guard !candidates.isEmpty else { return nil }
        let digest = Digest.hex(hasher.finalize())
        return candidates.first { $0.size == offset && $0.digest == digest }?.digest
    }
}

/// A vault file compared window by window through read-only mappings: nothing is copied, and
/// each window is unmapped once compared, so memory stays bounded whatever the file's size.
/// Vault files are read-only and Evident never shortens one; should something else truncate it
/// mid-comparison, the process stops (SIGBUS) before anything has been written or recorded.
final class MappedFile {
    let digest: String
    let size: Int64
    private let descriptor: Int32
    private static let pageSize = Int64(sysconf(Int32(_SC_PAGESIZE)))

    /// Opens the file at `path`; nil when it cannot be opened or its size is not `size`.
    init?(path: String, digest: String, size: Int64) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard size > 0, fstat(descriptor, &info) == 0, Int64(info.st_size) == size else {
            close(descriptor)
            return nil
        }
        self.digest = digest
        self.size = size
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Whether the file holds `bytes` at `offset`.
    func holds(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int64) -> Bool {
        guard offset + Int64(bytes.count) <= size else { return false }
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return true }
        let mapStart = offset - offset % Self.pageSize
        let length = Int(offset - mapStart) + bytes.count
        guard let window = mmap(nil, length, PROT_READ, MAP_SHARED, descriptor, off_t(mapStart)),
              window != UnsafeMutableRawPointer(bitPattern: -1) else { return false }
        defer { munmap(window, length) }
        return memcmp(window + Int(offset - mapStart), start, bytes.count) == 0
    }
}
