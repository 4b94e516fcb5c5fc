/// Why a file could not be put into or taken out of the vault.
public enum VaultError: EvidentError, Equatable {
    /// The file does not exist.
    case notFound(path: String)
    /// The path is a folder or something else that is not a regular file.
    case notAFile(path: String)
    /// The file exists but cannot be read.
    case unreadable(path: String, reason: String)
    /// A text file holds sensitive values; it was not stored. Lines are 1-based.
    case sensitiveContent(path: String, lines: [Int], kinds: [SensitiveData.Kind])
    /// Writing failed (disk full, permissions).
    case writeFailed(path: String, reason: String)
    /// A vault file no longer matches the digest it is named by.
    case tampered(digest: String)
    /// A vault file that evidence needs is missing.
    case missing(digest: String)
    /// The destination exists and `--force` was not given.
    case destinationExists(path: String)
    /// The team store holding the files failed (its server went away, say).
    case store(String)

    public var kind: FailureKind {
        switch self {
        case .notFound, .notAFile, .unreadable, .missing: .missingInput
        case .sensitiveContent, .destinationExists: .badInput
        case .writeFailed, .store: .ioError
        case .tampered: .checkFailed
        }
    }

    public var errorDescription: String? {
        switch self {
        case let .notFound(path): "no such file: \(path)"
        case let .notAFile(path): "\(path) is not a regular file"
        case let .unreadable(path, reason): "cannot read \(path): \(reason)"
        case let .sensitiveContent(path, lines, kinds):
            "\(path) holds \(Self.describe(kinds)) on line\(lines.count == 1 ? "" : "s") \(Self.list(lines)); it was not stored"
        case let .writeFailed(path, reason): "cannot write \(path): \(reason)"
        case let .tampered(digest): "vault file \(digest) no longer matches its SHA-256"
        case let .missing(digest): "vault file \(digest) is missing"
        case let .destinationExists(path): "\(path) already exists"
        case let .store(message): message
        }
    }

    public var hint: String? {
        switch self {
        case .notAFile: "give a file; to attach a folder, archive it first"
        case .sensitiveContent: "remove the values from the file, or add --redact to store a copy with them masked"
        case .writeFailed: "check free disk space and permissions"
        case .tampered, .missing: "run `evident verify` to see every problem"
        case .destinationExists: "choose another path or add --force to overwrite it"
        default: nil
        }
    }

    private static func describe(_ kinds: [SensitiveData.Kind]) -> String {
        let phrases = kinds.map(\.phrase)
        return phrases.count <= 1 ? (phrases.first ?? "sensitive data") : phrases.dropLast().joined(separator: ", ") + " and " + phrases.last!
    }

    private static func list(_ lines: [Int]) -> String {
        let shown = lines.prefix(20).map(String.init).joined(separator: ", ")
        return lines.count > 20 ? shown + " and \(lines.count - 20) more" : shown
    }
}
