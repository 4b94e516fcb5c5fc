import Foundation

/// Why a SARIF file was refused.
public enum SARIFImportError: EvidentError, Equatable {
    case missingFile(String)
    case unreadable(String)
    case tooLarge(String, size: Int)
    case tooDeep(String, line: Int, column: Int, limit: Int)
    case notJSON(String, detail: String)
    case notSARIF(String, detail: String)
    case unsupportedVersion(String, version: String)

    public var kind: FailureKind {
        switch self {
        case .missingFile, .unreadable: .missingInput
        default: .badInput
        }
    }

    public var errorDescription: String? {
        switch self {
        case let .missingFile(path): "no such SARIF file: \(path)"
        case let .unreadable(path): "cannot read \(path)"
        case let .tooLarge(path, size):
            "\(path): \(ByteCount.text(size)) is over the \(ByteCount.text(SARIFImport.maximumSize)) limit for a SARIF file"
        case let .tooDeep(path, line, column, limit):
            "\(path):\(line):\(column): JSON nested more than \(limit) levels deep; not a SARIF log"
        case let .notJSON(path, detail): "\(path): not valid JSON: \(detail)"
        case let .notSARIF(path, detail): "\(path): not a SARIF 2.1.0 log: \(detail)"
        case let .unsupportedVersion(path, version): "\(path): SARIF version \(version) is not supported (2.1.0 only)"
        }
    }

    public var hint: String? {
        switch self {
        case .missingFile, .unreadable: "give the SARIF file a scanner wrote (semgrep --sarif, codeql database analyze --format=sarif-latest, gitleaks --report-format sarif)"
        case .tooLarge: "split the scan into several SARIF files, one per run or folder"
        case .unsupportedVersion: "ask the scanner for SARIF 2.1.0 (most write it by default)"
        default: "check that the file is the scanner's SARIF output, complete and unchanged"
        }
    }

    /// A decoding failure as a located message: the JSON path of the member that is wrong.
    static func from(_ error: DecodingError, path: String) -> SARIFImportError {
        func where_(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.isEmpty ? "the top level" : String(text.drop { $0 == "." })
        }
        switch error {
        case let .keyNotFound(key, context):
            let parent = where_(context.codingPath)
            return .notSARIF(path, detail: "missing \"\(key.stringValue)\" in \(parent)")
        case let .typeMismatch(type, context):
            return .notSARIF(path, detail: "\(where_(context.codingPath)) is not \(describe(type))")
        case let .valueNotFound(type, context):
            return .notSARIF(path, detail: "\(where_(context.codingPath)) is null, expected \(describe(type))")
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty {
                let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return .notJSON(path, detail: underlying ?? context.debugDescription)
            }
            return .notSARIF(path, detail: "\(where_(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return .notSARIF(path, detail: String(describing: error))
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is [Any].Type: "an array"
        default: "the expected kind of value"
        }
    }
}
