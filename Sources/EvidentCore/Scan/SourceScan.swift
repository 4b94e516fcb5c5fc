import Crypto
import Dispatch
import Foundation

/// `evident scan` as a function: walks a tree, reads each text file once, runs the detectors on
/// every core, and returns the report with its digest. Output is the same whatever the number of
/// workers or the order they finish in.
public enum SourceScan {
    /// Scans `root` (a folder or a file, as the user gave it).
    /// - Parameters:
    ///   - evidentVersion: written into the report (pinned by tests).
    ///   - workers: threads to use; all cores by default.
    ///   - progress: told the bytes scanned so far after each file, for a progress line.
    public static func run(
        root: String, detectors: [Detector] = Detector.all, evidentVersion: String = EvidentVersion.current,
        workers: Int? = nil, progress: WorkProgress = .none
    ) throws(ScanError) -> ScanReport {
        let rootIsFile = try checkRoot(root)
        var files: [SourceFile]
        var skipped: [SkippedFile] = []
        if rootIsFile {
            let name = root.split(separator: "/").last.map(String.init) ?? root
            files = [SourceFile(relativePath: name, path: root)]
        } else {
            (files, skipped) = SourceWalker(root: root).walk()
        }
        files.sort { $0.relativePath < $1.relativePath }
        let outcomes = scanAll(files, with: FileScanner(detectors: detectors), workers: workers, progress: progress)
        var digest = ScanDigest()
        var findings: [Finding] = []
        var bytes = 0
        var scanned = 0
        for (file, outcome) in zip(files, outcomes) {
            switch outcome {
            case let .scanned(size, sha256, found):
                digest.add(path: file.relativePath, sha256: sha256)
                findings += found
                bytes += size
                scanned += 1
            case .binary:
                continue
            case let .skipped(reason):
                skipped.append(reason)
            }
        }
        return ScanReport(
            evidentVersion: evidentVersion, root: root, rootIsFile: rootIsFile, filesScanned: scanned,
            bytesScanned: bytes, digest: digest.finish(), detectors: detectors.map(\.id), findings: findings,
            skipped: skipped)
    }

    /// Whether `root` is a file (else a folder); throws when it is neither or cannot be read.
    private static func checkRoot(_ root: String) throws(ScanError) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else {
            throw .missingRoot(root)
        }
        guard FileManager.default.isReadableFile(atPath: root) else { throw .unreadableRoot(root) }
        return !isFolder.boolValue
    }

    // MARK: - Workers

    /// What became of one file.
    enum Outcome: Sendable {
        case scanned(bytes: Int, sha256: String, findings: [Finding])
        case binary
        case skipped(SkippedFile)
    }

    /// Scans `files` on `workers` threads taking files from a shared queue; outcomes come back
    /// in the order of `files`.
    static func scanAll(_ files: [SourceFile], with scanner: FileScanner, workers: Int?, progress: WorkProgress) -> [Outcome] {
        let queue = ScanQueue(count: files.count)
        let threads = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, 16, max(files.count, 1)))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = queue.next() {
                let outcome = scan(files[index], with: scanner)
                let done = queue.store(outcome, at: index)
                progress.update("scanning", done: Int64(done), total: nil)
            }
        }
        return queue.outcomes()
    }

    /// Reads and scans one file.
    static func scan(_ file: SourceFile, with scanner: FileScanner) -> Outcome {
        switch FileReader.read(file.path) {
        case let .text(bytes):
            let sha256 = ScanDigest.hex(bytes.withUnsafeBytes { SHA256.hash(data: $0) })
            let language = SourceLanguage.of(fileName: String(file.relativePath.split(separator: "/").last ?? ""))
            let findings = scanner.findings(in: bytes, path: file.relativePath, language: language)
            return .scanned(bytes: bytes.count, sha256: sha256, findings: findings)
        case .binary:
            return .binary
        case let .tooLarge(size):
            return .skipped(SkippedFile(path: file.relativePath, reason: .tooLarge,
                                        detail: "\(ByteCount.text(size)) is over the \(ByteCount.text(FileReader.maximumSize)) limit"))
        case let .unreadable(reason):
            return .skipped(SkippedFile(path: file.relativePath, reason: .unreadable, detail: "cannot read: \(reason)"))
        }
    }
}

/// The files of a scan handed out one at a time to worker threads, and their outcomes collected.
/// `@unchecked Sendable`: every access to the mutable state goes through `lock`.
final class ScanQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var upcoming = 0
    private var bytesDone = 0
    private var results: [SourceScan.Outcome?]

/// A queue of `count` files, none taken yet.
    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    /// The index of the next file to scan, or nil when all are taken.
    func next() -> Int? {
        lock.withLock {
            guard upcoming < results.count else { return nil }
            defer { upcoming += 1 }
            return upcoming
        }
    }

    /// Records the outcome of file `index`; returns the bytes scanned so far.
    func store(_ outcome: SourceScan.Outcome, at index: Int) -> Int {
        lock.withLock {
            results[index] = outcome
            if case let .scanned(bytes, _, _) = outcome { bytesDone += bytes }
            return bytesDone
        }
    }

    /// Every outcome, in file order.
    func outcomes() -> [SourceScan.Outcome] {
        lock.withLock { results.map { $0 ?? .binary } }
    }
}

// MARK: - Errors

/// Why a scan could not start.
public enum ScanError: EvidentError, Equatable {
    /// The path to scan does not exist.
    case missingRoot(String)
    /// The path to scan exists but cannot be read.
    case unreadableRoot(String)

    public var kind: FailureKind { .missingInput }

    public var errorDescription: String? {
        switch self {
        case let .missingRoot(path): "no such file or folder to scan: \(path)"
        case let .unreadableRoot(path): "cannot read \(path): permission denied"
        }
    }

    public var hint: String? {
        switch self {
        case .missingRoot: "give the folder of the integration's source (or one file): evident scan PATH"
        case .unreadableRoot: "check the permissions of the path, or scan as a user who can read it"
        }
    }
}
