import Foundation

/// The output formats of `evident scan`, each one small renderer of a `ScanReport`.
public enum ScanFormat: String, Sendable, CaseIterable {
    /// `PATH:LINE: detector-id: message`, one finding a line.
    case text
    /// The report as a versioned JSON document.
    case json
    /// SARIF 2.1.0, for code-scanning tools.
    case sarif

    /// The report in this format, ending in a newline (empty for a clean text report).
    public func render(_ report: ScanReport) -> String {
        switch self {
        case .text: ScanText.render(report)
        case .json: ScanJSON.render(report)
        case .sarif: ScanSARIF.render(report)
        }
    }
}

/// The text format: what a person or `grep` reads.
public enum ScanText {
    /// One `PATH:LINE: detector-id: message` line per finding, paths as the user would open them.
    public static func render(_ report: ScanReport) -> String {
        report.findings.map { finding in
            "\(report.displayPath(finding.path)):\(finding.line): \(finding.detector.rawValue): \(finding.message)\n"
        }.joined()
    }

    /// The closing line for standard error: `scanned 12 files (48.2 KB): 3 findings (…)`.
    public static func summary(_ report: ScanReport) -> String {
        let files = report.filesScanned == 1 ? "1 file" : "\(report.filesScanned) files"
        var line = "scanned \(files) (\(ByteCount.text(report.bytesScanned))): "
        if report.findings.isEmpty {
            line += "no findings"
        } else {
            let parts = report.detectors.compactMap { id in
                report.counts[id.rawValue].flatMap { $0 > 0 ? "\(id.rawValue) \($0)" : nil }
            }
            line += (report.findings.count == 1 ? "1 finding" : "\(report.findings.count) findings")
                + " (" + parts.joined(separator: ", ") + ")"
        }
        if !report.skipped.isEmpty {
            line += report.skipped.count == 1 ? "; 1 file skipped" : "; \(report.skipped.count) files skipped"
        }
        return line
    }
}

/// The JSON format: the `ScanReport` itself, keys sorted, so equal scans give equal bytes.
public enum ScanJSON {
    /// The report as pretty-printed JSON with sorted keys and a final newline.
    public static func render(_ report: ScanReport) -> String {
        encode(report)
    }

    /// Any Codable value as Evident's JSON: pretty-printed, keys sorted, slashes unescaped.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain Codable values of strings and numbers cannot fail.
        let data = try! encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
