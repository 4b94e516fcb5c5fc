@testable import EvidentCore
import EvidentTestSupport
import Foundation

/// Runs one detector over a snippet, as the scanner would over a file of that name.
enum Snippet {
    /// Fake keys with the shape of real ones, assembled at run time so no key-shaped literal sits
    /// in the test sources.
    static let liveKey = "sk_" + "live_" + "DEMOxDEMOxDEMOxDEMOx0000"
    static let testKey = "sk_" + "test_" + "DEMOxDEMOxDEMOxDEMOx1111"
    static let restrictedKey = "rk_" + "live_" + "DEMOxDEMOxDEMOxDEMOx2222"
    static let webhookSecret = "whsec_" + "DEMOxDEMOxDEMOxDEMOx3333"

    /// `text` with `{LIVE}`, `{TEST}`, `{RK}` and `{WHSEC}` replaced by the fake keys.
    static func expand(_ text: String) -> String {
        text.replacingOccurrences(of: "{LIVE}", with: liveKey).replacingOccurrences(of: "{TEST}", with: testKey)
            .replacingOccurrences(of: "{RK}", with: restrictedKey).replacingOccurrences(of: "{WHSEC}", with: webhookSecret)
    }

    /// The findings of `detector` in `text`, read as the file `name`.
    static func findings(_ detector: DetectorID, _ text: String, file name: String) -> [Finding] {
        let scanner = FileScanner(detectors: [Detector.named(detector)])
        let language = SourceLanguage.of(fileName: String(name.split(separator: "/").last ?? ""))
        return scanner.findings(in: Array(expand(text).utf8), path: name, language: language)
    }

    /// The lines on which `detector` reports something in `text`.
    static func lines(_ detector: DetectorID, _ text: String, file name: String) -> [Int] {
        findings(detector, text, file: name).map(\.line)
    }
}

/// A temporary folder tree built from a dictionary of relative paths and contents.
extension TemporaryDirectory {
    /// Writes every file of `files` (relative path → text, fake keys expanded).
    func populate(_ files: [String: String]) {
        for (path, text) in files { write(path, Snippet.expand(text)) }
    }

    /// Scans the folder (or `relative` inside it) and returns the report, pinned to version 9.9.9.
    func scan(_ relative: String = "") throws -> ScanReport {
        try SourceScan.run(root: relative.isEmpty ? path : path(relative), evidentVersion: "9.9.9")
    }
}

/// Checked-in expected outputs under `Tests/Fixtures/scan/expected/`; `RECORD_SNAPSHOTS=1`
/// rewrites them from the current output.
enum ExpectedOutput {
    /// The expected text of `name`, recording `actual` first when asked to.
    static func text(_ name: String, recording actual: String) -> String {
        let path = Fixtures.path("scan/expected/" + name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing \(path)>"
    }
}

/// The shipped sample integration, scanned as if the user had typed `evident scan Examples/sample-integration`.
enum SampleIntegration {
    /// The report of the sample, its root written as a user in the repository would give it.
    static func report() throws -> ScanReport {
        let scanned = try SourceScan.run(root: Fixtures.repository("Examples/sample-integration"), evidentVersion: "9.9.9")
        return ScanReport(
            evidentVersion: scanned.evidentVersion, root: "Examples/sample-integration", rootIsFile: false,
            filesScanned: scanned.filesScanned, bytesScanned: scanned.bytesScanned, digest: scanned.digest,
            detectors: scanned.detectors, findings: scanned.findings, skipped: scanned.skipped)
    }
}
