import Foundation

/// The SARIF 2.1.0 format: one run whose driver lists every detector as a rule, one result per
/// finding, skipped files as tool notifications. Paths are relative: to where the user ran the
/// scan when they gave a relative root (what CI code scanning expects from the repository root),
/// else to the root itself, named in `originalUriBaseIds`.
public enum ScanSARIF {
    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    /// The report as a SARIF log.
    public static func render(_ report: ScanReport) -> String {
        ScanJSON.encode(log(report))
    }

    /// The SARIF log of `report`, as values.
    static func log(_ report: ScanReport) -> SARIFLog {
        let rules = report.detectors.map { Detector.named($0) }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let absolute = report.root.hasPrefix("/")
        let base = absolute ? "SCANROOT" : "%SRCROOT%"
        func location(_ path: String, _ region: SARIFLog.Region?) -> SARIFLog.Location {
            if absolute, report.rootIsFile {
                let uri = URL(fileURLWithPath: report.root).absoluteString
                return .init(physicalLocation: .init(artifactLocation: .init(uri: uri, uriBaseId: nil), region: region))
            }
            let shown = absolute ? path : report.displayPath(path)
            var uri = shown.hasPrefix("./") ? String(shown.dropFirst(2)) : shown
            uri = uri.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? uri
            return .init(physicalLocation: .init(artifactLocation: .init(uri: uri, uriBaseId: base), region: region))
        }
        let results = report.findings.map { finding in
            SARIFLog.Result(
                ruleId: finding.detector.rawValue, ruleIndex: ruleIndex[finding.detector] ?? 0,
                level: finding.severity.sarifLevel, message: .init(text: finding.message),
                locations: [location(finding.path, .init(startLine: finding.line, startColumn: finding.column,
                                                         snippet: .init(text: finding.excerpt)))])
        }
        let notes = report.skipped.map { skipped in
            SARIFLog.Notification(level: "warning", message: .init(text: "\(skipped.path): \(skipped.detail)"),
                                  locations: [location(skipped.path, nil)])
        }
        var bases: [String: SARIFLog.ArtifactLocation]?
        if absolute, !report.rootIsFile {
            let folder = report.root.hasSuffix("/") ? report.root : report.root + "/"
            bases = ["SCANROOT": .init(uri: URL(fileURLWithPath: folder, isDirectory: true).absoluteString, uriBaseId: nil)]
        }
        let driver = SARIFLog.Driver(
            name: "Evident", version: report.evidentVersion, semanticVersion: report.evidentVersion,
            rules: rules.map(rule))
        return SARIFLog(runs: [.init(
            tool: .init(driver: driver), originalUriBaseIds: bases, results: results,
            invocations: [.init(executionSuccessful: true, toolExecutionNotifications: notes)])])
    }

    private static func rule(_ detector: Detector) -> SARIFLog.Rule {
        .init(id: detector.id.rawValue, name: detector.id.rawValue,
              shortDescription: .init(text: detector.title), fullDescription: .init(text: detector.title + "."),
              help: .init(text: detector.help), defaultConfiguration: .init(level: detector.severity.sarifLevel),
              properties: .init(tags: ["security"], severity: detector.severity.rawValue,
                                securitySeverity: detector.severity.securityScore))
    }
}

/// The parts of a SARIF 2.1.0 log Evident writes.
struct SARIFLog: Codable, Equatable {
    var schema = ScanSARIF.schema
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    /// One run of one tool.
    struct Run: Codable, Equatable {
        var tool: Tool
        var originalUriBaseIds: [String: ArtifactLocation]?
        var columnKind = "unicodeCodePoints"
        var results: [Result]
        var invocations: [Invocation]
    }

    /// The tool that ran.
    struct Tool: Codable, Equatable { var driver: Driver }

    /// The tool's main component and its rules.
    struct Driver: Codable, Equatable {
        var name: String
        var version: String
        var semanticVersion: String
        var rules: [Rule]
    }

    /// A detector, as a SARIF rule.
    struct Rule: Codable, Equatable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Text
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }

    /// A rule's default level.
    struct Configuration: Codable, Equatable { var level: String }

    /// Tags and severities code-scanning services read.
    struct RuleProperties: Codable, Equatable {
        var tags: [String]
        var severity: String
        var securitySeverity: String

        enum CodingKeys: String, CodingKey {
            case tags, severity = "evident-severity", securitySeverity = "security-severity"
        }
    }

    /// One finding.
    struct Result: Codable, Equatable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
    }

    /// Where a result or notification is.
    struct Location: Codable, Equatable { var physicalLocation: PhysicalLocation }

    /// A file and a region in it.
    struct PhysicalLocation: Codable, Equatable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    /// A file, by URI relative to a base.
    struct ArtifactLocation: Codable, Equatable {
        var uri: String
        var uriBaseId: String?
    }

    /// Line, column and snippet.
    struct Region: Codable, Equatable {
        var startLine: Int
        var startColumn: Int
        var snippet: Text
    }

    /// How the run went, with its notifications.
    struct Invocation: Codable, Equatable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]
    }

    /// A warning about the run: a skipped file.
    struct Notification: Codable, Equatable {
        var level: String
        var message: Text
        var locations: [Location]
    }

    /// A message.
    struct Text: Codable, Equatable { var text: String }
}
