/// `manifest.json` of an auditor bundle (SPEC §6): every other file with its size and SHA-256, and
/// what the bundle is of. `manifest.sig` signs its exact bytes.
public struct BundleManifest: Sendable, Equatable, Codable {
    /// The manifest format's version.
    public static let currentFormatVersion = 1

    /// One file of the bundle.
    public struct File: Sendable, Equatable, Codable {
        public let path: String
        public let size: Int64
        public let sha256: String
    }

    /// The checklist version the cycle pinned.
    public struct ChecklistRef: Sendable, Equatable, Codable {
        public let id: String
        public let version: String
    }

    /// The program that wrote the bundle.
    public struct Tool: Sendable, Equatable, Codable {
        public let name: String
        public let version: String
    }

    public let formatVersion: Int
    public let cycle: String
    public let checklist: ChecklistRef
    public let generatedAt: Timestamp
    public let tool: Tool
    public let files: [File]

    enum CodingKeys: String, CodingKey {
        case cycle, checklist, tool, files
        case formatVersion = "format_version"
        case generatedAt = "generated_at"
    }

    /// The exact bytes written as `manifest.json` (and signed): indented canonical JSON.
    public var bytes: [UInt8] { Array(CanonicalJSON.pretty(self).utf8) }

    /// Bundle paths Evident writes, besides evidence files.
    public enum Name {
        public static let manifest = "manifest.json"
        public static let signature = "manifest.sig"
        public static let htmlReport = "report.html"
        public static let markdownReport = "report.md"
        public static let results = "results.json"
        public static let signoffs = "signoffs.json"
        public static let auditLog = "audit-log.jsonl"
        public static let oscal = "oscal/assessment-results.json"
    }
}

/// Safe relative paths inside a bundle: no absolute paths, no `..`, no backslashes or control characters.
public enum BundlePath {
    /// Whether `path` stays inside the bundle when extracted anywhere.
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), path.utf8.count <= 512 else { return false }
        guard !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == ":" }) else { return false }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// `evidence/<item-id>/<sha256-prefix>-<safe-name>` for an evidence file.
    public static func evidence(item: String, digest: String, name: String?) -> String {
        "evidence/\(item)/\(digest.prefix(12))-\(safeName(name))"
    }

    /// A file name reduced to letters, digits, dots, dashes and underscores (at most 80), never hidden.
    public static func safeName(_ name: String?) -> String {
        var result = ""
        var lastWasDash = false
        for scalar in (name ?? "").unicodeScalars {
            let keep = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
            if keep {
                result.unicodeScalars.append(scalar)
                lastWasDash = scalar == "-"
            } else if !lastWasDash {
                result += "-"
                lastWasDash = true
            }
        }
        while result.hasPrefix(".") || result.hasPrefix("-") { result.removeFirst() }
        if result.count > 80 { result = String(result.suffix(80)) }
        return result.isEmpty ? "evidence" : result
    }
}
