import Foundation

/// A SARIF 2.1.0 file from any scanner, read and checked: which tools ran, which rules they
/// ran, and what each found. Hostile files are refused before they are decoded: over
/// `maximumSize`, nested deeper than `maximumDepth`, not JSON, not SARIF 2.1.0.
public struct SARIFImport: Sendable {
    /// One tool's run: its name as SARIF spells it (matched lower-cased), the rules it declared and its results.
    public struct Run: Sendable, Equatable {
        /// The driver's name as the file spells it (`Semgrep OSS`, `CodeQL`, `gitleaks`).
        public let tool: String
        /// What `checks` patterns name: the name's first word, lower-cased (`semgrep`, `codeql`, `gitleaks`).
        public var toolID: String {
            String(tool.lowercased().split(whereSeparator: \.isWhitespace).first ?? "")
        }
        public let version: String?
        /// Rule ids the tool declared, sorted; the rules that ran even when nothing was found.
        public let rules: [String]
        public let results: [Result]
    }

    /// One result: the rule, where, and the message (secrets masked).
    public struct Result: Sendable, Equatable {
        public let rule: String
        public let level: String
        public let path: String?
        public let line: Int?
        public let message: String

        /// `PATH:LINE`, or what of it is known.
        public var place: String {
            guard let path else { return "(no location)" }
            return line.map { "\(path):\($0)" } ?? path
        }
    }

    /// Files larger than this are refused unread.
    public static let maximumSize = 64 << 20
    /// JSON nested deeper than this is refused before decoding (SARIF itself needs about ten levels).
    public static let maximumDepth = 64

    /// The file as given.
    public let path: String
    /// The bytes as stored: the file with any secret masked.
    public let storedBytes: [UInt8]
    /// Whether masking changed anything.
    public let redacted: Bool
    public let runs: [Run]

    /// Reads and checks the SARIF file at `path`.
    public static func read(path: String) throws(SARIFImportError) -> SARIFImport {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw .missingFile(path)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maximumSize else { throw .tooLarge(path, size: size) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        guard data.count <= maximumSize else { throw .tooLarge(path, size: data.count) }
        return try parse(Array(data), path: path)
    }

    /// Checks and decodes SARIF text already read from `path`.
    static func parse(_ bytes: [UInt8], path: String) throws(SARIFImportError) -> SARIFImport {
        try JSONDepth.check(bytes, limit: maximumDepth, path: path)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notJSON(path, detail: "the file is not UTF-8 text") }
        let document: SARIFDocument
        do {
            let version = try JSONDecoder().decode(VersionProbe.self, from: Data(bytes))
            guard let found = version.version else { throw SARIFImportError.notSARIF(path, detail: "no \"version\" member at the top level") }
            guard found == "2.1.0" else { throw SARIFImportError.unsupportedVersion(path, version: found) }
            document = try JSONDecoder().decode(SARIFDocument.self, from: Data(bytes))
        } catch let error as SARIFImportError {
            throw error
        } catch let error as DecodingError {
            throw SARIFImportError.from(error, path: path)
        } catch {
            throw .notJSON(path, detail: String(describing: error))
        }
        if let schema = document.schema, !schema.lowercased().contains("sarif") {
            throw .notSARIF(path, detail: "\"$schema\" is \(schema), not a SARIF schema")
        }
        let masked = SensitiveData.mask(text)
        let runs = document.runs.map { run in
            let declared = run.tool.driver.rules ?? []
            let results = (run.results ?? []).map { result -> Result in
                let rule = result.ruleId ?? result.rule?.id
                    ?? (result.ruleIndex ?? result.rule?.index).flatMap { declared.indices.contains($0) ? declared[$0].id : nil }
                    ?? "(no rule)"
                let location = result.locations?.first?.physicalLocation
                return Result(
                    rule: rule, level: result.level ?? "warning", path: location?.artifactLocation?.uri.map(displayPath),
                    line: location?.region?.startLine,
                    message: SensitiveData.mask(result.message?.text ?? "").text)
            }
            return Run(tool: run.tool.driver.name, version: run.tool.driver.semanticVersion ?? run.tool.driver.version,
                       rules: Set(declared.map(\.id) + results.map(\.rule)).sorted(), results: results)
        }
        return SARIFImport(path: path, storedBytes: Array(masked.text.utf8), redacted: masked.text != text, runs: runs)
    }

    /// A location URI as a path: `file://` and percent-encoding removed.
    private static func displayPath(_ uri: String) -> String {
        var path = uri
        if path.hasPrefix("file://") { path = String(path.dropFirst(7)) }
        return path.removingPercentEncoding ?? path
    }

    private struct VersionProbe: Decodable {
        let version: String?
    }
}

/// A pre-decoding walk over JSON text: the deepest nesting of arrays and objects, strings skipped.
enum JSONDepth {
    /// Throws when `bytes` nest deeper than `limit`, naming the line and column where they do.
    static func check(_ bytes: [UInt8], limit: Int, path: String) throws(SARIFImportError) {
        var depth = 0
        var line = 1
        var lineStart = 0
        var index = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > limit { throw .tooDeep(path, line: line, column: index - lineStart + 1, limit: limit) }
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
                case 0x0A: line += 1; lineStart = index + 1
                default: break
                }
            }
            index += 1
        }
    }
}
