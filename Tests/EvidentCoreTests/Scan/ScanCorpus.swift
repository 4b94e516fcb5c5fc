@testable import EvidentCore
import EvidentTestSupport
import Foundation

/// The labelled corpus under `Tests/Fixtures/scan-corpus/`: every line that carries
/// `EXPECT: detector-id[, detector-id]` must be reported by those detectors; every other line
/// (and those marked `OK: detector-id`, written down as must-not-flag) must not be.
struct ScanCorpus {
    /// One labelled line.
    struct Label: Hashable {
        let path: String
        let line: Int
        let detector: DetectorID
    }

    /// A line that came out wrong: missed or wrongly flagged.
    struct Miss: CustomStringConvertible {
        let part: String
        let label: Label
        let missed: Bool
        var description: String {
            "\(missed ? "missed" : "wrongly flagged"): \(part)/\(label.path):\(label.line): \(label.detector.rawValue)"
        }
    }

    let part: String
    let mustFlag: Set<Label>
    let mustNotFlag: Set<Label>
    let reported: Set<Label>

    /// Scans one part (`tuning` or `holdout`) and reads its labels.
    init(part: String) throws {
        self.part = part
        let root = Fixtures.path("scan-corpus/" + part)
        let report = try SourceScan.run(root: root, evidentVersion: "9.9.9")
        reported = Set(report.findings.map { Label(path: $0.path, line: $0.line, detector: $0.detector) })
        var must: Set<Label> = []
        var mustNot: Set<Label> = []
        for file in Self.files(under: root) {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for detector in Self.ids(after: "EXPECT:", in: line) { must.insert(Label(path: file, line: index + 1, detector: detector)) }
                for detector in Self.ids(after: "OK:", in: line) { mustNot.insert(Label(path: file, line: index + 1, detector: detector)) }
            }
        }
        mustFlag = must
        mustNotFlag = mustNot
    }

    /// The detector ids listed after `marker` on `line`.
    static func ids(after marker: String, in line: Substring) -> [DetectorID] {
        guard let range = line.range(of: marker) else { return [] }
        var found: [DetectorID] = []
        for word in line[range.upperBound...].split(whereSeparator: { $0 == " " || $0 == "," }) {
            guard let id = DetectorID(rawValue: String(word)) else { break }
            found.append(id)
        }
        return found
    }

    /// The labelled lines, must-flag and must-not-flag.
    var labelledLines: Int { Set(mustFlag.map { "\($0.path):\($0.line)" } + mustNotFlag.map { "\($0.path):\($0.line)" }).count }

    /// The figures of `detector` on this part.
    func figures(_ detector: DetectorID) -> CorpusFigures {
        let expected = mustFlag.filter { $0.detector == detector }
        let found = reported.filter { $0.detector == detector }
        return CorpusFigures(mustFlag: expected.count, caught: expected.intersection(found).count, reported: found.count)
    }

    /// Every wrong line of `detector`.
    func misses(_ detector: DetectorID) -> [Miss] {
        let expected = mustFlag.filter { $0.detector == detector }
        let found = reported.filter { $0.detector == detector }
        return (expected.subtracting(found).map { Miss(part: part, label: $0, missed: true) }
            + found.subtracting(expected).map { Miss(part: part, label: $0, missed: false) })
            .sorted { ($0.label.path, $0.label.line) < ($1.label.path, $1.label.line) }
    }

    /// The relative paths of every file under `root`, sorted.
    static func files(under root: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root)
        var files: [String] = []
        while let next = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + next, isDirectory: &isFolder), !isFolder.boolValue {
                files.append(next)
            }
        }
        return files.sorted()
    }
}
