import Foundation

/// The parts of a SARIF 2.1.0 log that `evidence import-sarif` reads; everything else is ignored.
struct SARIFDocument: Decodable {
    let version: String
    let schema: String?
    let runs: [Run]

    enum CodingKeys: String, CodingKey {
        case version, runs
        case schema = "$schema"
    }

    struct Run: Decodable {
        let tool: Tool
        let results: [Result]?
    }

    struct Tool: Decodable {
        let driver: Driver
    }

    struct Driver: Decodable {
        let name: String
        let version: String?
        let semanticVersion: String?
        let rules: [Rule]?
    }

    struct Rule: Decodable {
        let id: String
    }

    struct Result: Decodable {
        let ruleId: String?
        let ruleIndex: Int?
        let rule: RuleReference?
        let level: String?
        let message: Message?
        let locations: [Location]?
    }

    struct RuleReference: Decodable {
        let id: String?
        let index: Int?
    }

    struct Message: Decodable {
        let text: String?
    }

    struct Location: Decodable {
        let physicalLocation: PhysicalLocation?
    }

    struct PhysicalLocation: Decodable {
        let artifactLocation: ArtifactLocation?
        let region: Region?
    }

    struct ArtifactLocation: Decodable {
        let uri: String?
    }

    struct Region: Decodable {
        let startLine: Int?
    }
}
