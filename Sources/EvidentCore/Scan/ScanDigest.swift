import Crypto

/// The digest of what a scan read, so evidence names exactly the tree it judged: SHA-256 over a
/// version line, then, for each scanned text file in path order, its path relative to the root,
/// a NUL byte, the hex SHA-256 of its content and a line feed. Binary and skipped files are not
/// part of it; the same tree gives the same digest wherever it is and however it is walked.
struct ScanDigest {
    /// The first line hashed, naming this recipe.
    static let header = "evident-scan-digest-v1\n"

    private var hasher = SHA256()

/// A digest with nothing added yet.
    init() {
        hasher.update(data: Array(Self.header.utf8))
    }

    /// Adds one file; files must come in path order.
    mutating func add(path: String, sha256: String) {
        hasher.update(data: Array(path.utf8) + [0] + Array(sha256.utf8) + [0x0A])
    }

    /// `sha256:` and the hex digest.
    func finish() -> String {
        "sha256:" + Self.hex(hasher.finalize())
    }

    /// Lower-case hex of `bytes`.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(64)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// Sizes for people: `812 B`, `4.5 KB`, `123.4 MB` (powers of 1024).
public enum ByteCount {
    /// `count` bytes as a short text.
    public static func text(_ count: Int) -> String {
        if count < 1024 { return "\(count) B" }
        var value = Double(count) / 1024
        for unit in ["KB", "MB", "GB"] {
            if value < 1024 || unit == "GB" {
                let tenths = Int((value * 10).rounded())
                return "\(tenths / 10).\(tenths % 10) \(unit)"
            }
            value /= 1024
        }
        return "\(count) B"
    }
}
