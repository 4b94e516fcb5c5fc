import Crypto
import Foundation
import ZIPFoundation

/// One file to put in a bundle: bytes in memory, or a vault file streamed and checked.
enum BundleEntry {
    case bytes(path: String, [UInt8])
    case vaultFile(path: String, digest: String, size: Int64)

    var path: String {
        switch self {
        case let .bytes(path, _), let .vaultFile(path, _, _): path
        }
    }
}

/// Writing the zip: fixed dates and permissions, deflate for generated text, stored evidence,
/// through a temporary file renamed into place.
enum BundleZip {
    static func write(_ entries: [BundleEntry], to path: String, vault: any EvidenceFiles, date: Timestamp, progress: WorkProgress) throws {
        let total = entries.reduce(Int64(0)) { sum, entry in
            switch entry {
            case let .bytes(_, bytes): sum + Int64(bytes.count)
            case let .vaultFile(_, _, size): sum + size
            }
        }
        var done: Int64 = 0
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).partial-\(getpid())")
        try? FileManager.default.removeItem(at: temporary)
        let modified = Date(timeIntervalSince1970: TimeInterval(max(date.seconds, 315_532_800)))
        do {
            let archive: Archive
            do {
                archive = try Archive(url: temporary, accessMode: .create)
            } catch {
                throw ReportError.unwritable(path: path, reason: "cannot create the archive")
            }
            for entry in entries {
                switch entry {
                case let .bytes(entryPath, bytes):
                    let data = Data(bytes)
                    try archive.addEntry(
                        with: entryPath, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                        permissions: 0o644, compressionMethod: .deflate
                    ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
                    done += Int64(data.count)
                case let .vaultFile(entryPath, digest, size):
                    try addVaultFile(archive, path: entryPath, digest: digest, size: size, vault: vault, modified: modified)
                    done += size
                }
                progress.update("writing the bundle", done: done, total: total)
            }
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, path) == 0 else {
                throw ReportError.unwritable(path: path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if error is any EvidentError { throw error }
            throw ReportError.unwritable(path: path, reason: error.localizedDescription)
        }
    }

    /// Streams a vault file into the archive, hashing it on the way: a changed file aborts the export.
    private static func addVaultFile(
        _ archive: Archive, path: String, digest: String, size: Int64, vault: any EvidenceFiles, modified: Date
    ) throws {
        let source = try vault.localFile(for: digest)
        guard let handle = FileHandle(forReadingAtPath: source) else { throw VaultError.missing(digest: digest) }
        defer { try? handle.close() }
        var hasher = SHA256()
        var read: Int64 = 0
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: size, modificationDate: modified, permissions: 0o644,
            compressionMethod: .none, bufferSize: 1 << 20
        ) { position, chunk in
            try handle.seek(toOffset: UInt64(position))
            let data = try handle.read(upToCount: chunk) ?? Data()
            guard data.count == chunk else { throw VaultError.tampered(digest: digest) }
            hasher.update(data: data)
            read += Int64(data.count)
            return data
        }
        guard read == size, Digest.hex(hasher.finalize()) == digest else { throw VaultError.tampered(digest: digest) }
    }
}
