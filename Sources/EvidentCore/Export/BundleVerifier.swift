import Crypto
import Foundation
import ZIPFoundation

/// What checking a bundle found (SPEC §6): it holds only when every file is listed, every size and
/// hash matches, nothing extra is present, no path escapes the bundle, the record inside it (audit
/// chain, results, sign-offs) agrees with itself and, with a key, the signature holds. Nothing is
/// ever extracted to disk.
public struct BundleVerification: Sendable, Equatable {
    /// How the signature stands.
    public enum Signature: Sendable, Equatable {
        case notChecked
        case valid(fingerprint: String)
        case invalid
        case missing
    }

    public var manifest: BundleManifest?
    public var problems: [String] = []
    public var filesVerified = 0
    public var signature: Signature = .notChecked
    /// The record inside, once the files it is read from have matched the manifest.
    public var record: BundleRecord?

    public var holds: Bool { problems.isEmpty && signature != .invalid && signature != .missing }
}

/// Checks auditor bundles offline.
public enum BundleVerifier {
    /// Entries larger than this must not be compressed more than `maxRatio` to 1 (zip bombs).
    static let ratioThreshold: UInt64 = 64 << 20
    static let maxRatio: UInt64 = 200

    /// Verifies the bundle at `path`, and its signature when `publicKey` is given.
    public static func verify(path: String, publicKey: Curve25519.Signing.PublicKey?, progress: WorkProgress = .none) throws -> BundleVerification {
        guard FileManager.default.isReadableFile(atPath: path) else { throw VaultError.notFound(path: path) }
        var result = BundleVerification()
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            result.problems.append("\(path) is not a readable zip archive")
            return result
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            var name = entry.path
            if entry.type == .directory, name.hasSuffix("/") { name.removeLast() }
            guard BundlePath.isSafe(name) else {
                result.problems.append("unsafe path in the bundle: \(TerminalText.oneLine(entry.path)) (it would escape or hide); refused")
                continue
            }
            // Folder entries, as `zip -r`, Finder or Python's zipfile write them, are not files.
            if entry.type == .directory { continue }
            guard entry.type == .file else {
                result.problems.append("\(name): not a regular file (a symbolic link)")
                continue
            }
            if entries[name] != nil { result.problems.append("\(name): appears twice") }
            entries[name] = entry
        }
        guard let manifestEntry = entries[BundleManifest.Name.manifest],
              let manifestBytes = try? read(archive, manifestEntry, limit: 64 << 20)
        else {
            result.problems.append("manifest.json is missing or unreadable")
            return result
        }
        guard let manifest = try? JSONDecoder().decode(BundleManifest.self, from: manifestBytes) else {
            result.problems.append("manifest.json is not an Evident bundle manifest")
            return result
        }
        result.manifest = manifest
        var listed = Set<String>(), matched = Set<String>()
        for file in manifest.files {
            guard BundlePath.isSafe(file.path), file.path != BundleManifest.Name.manifest, file.path != BundleManifest.Name.signature else {
                result.problems.append("manifest.json lists an unsafe path: \(TerminalText.oneLine(file.path))")
                continue
            }
            guard listed.insert(file.path).inserted else {
                result.problems.append("manifest.json lists \(file.path) twice")
                continue
            }
            guard let entry = entries[file.path] else {
                result.problems.append("\(file.path): listed in the manifest but missing from the bundle")
                continue
            }
            if let problem = check(archive, entry, against: file) {
                result.problems.append(problem)
            } else {
                result.filesVerified += 1
                matched.insert(file.path)
            }
            progress.update("verifying the bundle", done: Int64(listed.count), total: Int64(manifest.files.count))
        }
        for name in entries.keys.sorted() where !listed.contains(name) && name != BundleManifest.Name.manifest && name != BundleManifest.Name.signature {
            result.problems.append("\(name): present in the bundle but not listed in the manifest")
        }
        checkRecord(archive, entries, matched: matched, manifest: manifest, into: &result)
        if let publicKey {
            result.signature = signature(archive, entries[BundleManifest.Name.signature], manifest: manifestBytes, key: publicKey)
        }
        return result
    }

    /// Checks the record the bundle holds (audit chain, results, sign-offs) once its files are known
    /// to be the ones the manifest lists.
    private static func checkRecord(
        _ archive: Archive, _ entries: [String: Entry], matched: Set<String>, manifest: BundleManifest, into result: inout BundleVerification
    ) {
        let names = [BundleManifest.Name.results, BundleManifest.Name.signoffs, BundleManifest.Name.auditLog]
        for name in names where !manifest.files.contains(where: { $0.path == name }) {
            result.problems.append("manifest.json does not list \(name): the record cannot be checked")
        }
        guard names.allSatisfy(matched.contains) else { return }
        let contents = names.compactMap { name in entries[name].flatMap { try? read(archive, $0, limit: recordLimit) } }
        guard contents.count == names.count else {
            result.problems.append("the record (results.json, signoffs.json, audit-log.jsonl) is larger than \(recordLimit >> 20) MiB; refused")
            return
        }
        result.record = BundleRecordCheck.check(
            results: contents[0], signoffs: contents[1], auditLog: contents[2], manifest: manifest, problems: &result.problems)
    }

    /// The most a record file may hold: it is read into memory.
    static let recordLimit = 512 << 20

    /// A problem with one listed file, or nil when its size and SHA-256 match.
    private static func check(_ archive: Archive, _ entry: Entry, against file: BundleManifest.File) -> String? {
        guard file.size >= 0, entry.uncompressedSize == UInt64(file.size) else {
            return "\(file.path): size \(entry.uncompressedSize) bytes, the manifest says \(file.size)"
        }
        if entry.uncompressedSize > ratioThreshold, entry.compressedSize > 0, entry.uncompressedSize / entry.compressedSize > maxRatio {
            return "\(file.path): compressed more than \(maxRatio) to 1; refused as a possible zip bomb"
        }
        var hasher = SHA256()
        var total: UInt64 = 0
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 20, skipCRC32: false) { chunk in
                total += UInt64(chunk.count)
                guard total <= UInt64(file.size) else { throw BundleReadLimit() }
                hasher.update(data: chunk)
            }
        } catch {
            return "\(file.path): its content cannot be read back (\(error is BundleReadLimit ? "longer than declared" : "corrupt data"))"
        }
        guard total == UInt64(file.size) else { return "\(file.path): \(total) bytes of content, the manifest says \(file.size)" }
        let digest = Digest.hex(hasher.finalize())
        return digest == file.sha256 ? nil : "\(file.path): SHA-256 \(digest) does not match the manifest's \(file.sha256)"
    }

    private static func signature(_ archive: Archive, _ entry: Entry?, manifest: Data, key: Curve25519.Signing.PublicKey) -> BundleVerification.Signature {
        guard let entry, let text = try? read(archive, entry, limit: 4096) else { return .missing }
        let base64 = String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = Data(base64Encoded: base64), key.isValidSignature(bytes, for: manifest) else { return .invalid }
        return .valid(fingerprint: SigningKeys.fingerprint(key))
    }

    /// An entry's bytes, refusing more than `limit`.
    private static func read(_ archive: Archive, _ entry: Entry, limit: Int) throws -> Data {
        guard entry.uncompressedSize <= UInt64(limit) else { throw BundleReadLimit() }
        var data = Data()
        _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
            data.append(chunk)
            if data.count > limit { throw BundleReadLimit() }
        }
        return data
    }

    private struct BundleReadLimit: Error {}
}
