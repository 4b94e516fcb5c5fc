@testable import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// Recall and precision of every detector on the labelled corpus: the goals of SPEC §5's
/// measured quality, the table in `DetectorQuality` and `docs/scan.md` kept equal to what is measured.
@Suite struct ScanCorpusTests {
    static let tuning = Result { try ScanCorpus(part: "tuning") }
    static let holdout = Result { try ScanCorpus(part: "holdout") }

    @Test func theCorpusHoldsEnoughLabelledLines() throws {
        let total = try Self.tuning.get().labelledLines + Self.holdout.get().labelledLines
        #expect(total >= 400)
        for detector in DetectorID.allCases {
            #expect(try Self.holdout.get().figures(detector).mustFlag >= 5, "\(detector.rawValue) needs held-out cases")
        }
    }

    @Test(arguments: DetectorID.allCases)
    func everyDetectorMeetsTheGoals(_ detector: DetectorID) throws {
        let overall = try Self.tuning.get().figures(detector) + Self.holdout.get().figures(detector)
        let misses = try Self.tuning.get().misses(detector) + Self.holdout.get().misses(detector)
        #expect(overall.recall >= DetectorQuality.recallGoal, "\(detector.rawValue): \(overall)\n\(misses.map(\.description).joined(separator: "\n"))")
        #expect(overall.precision >= DetectorQuality.precisionGoal, "\(detector.rawValue): \(overall)\n\(misses.map(\.description).joined(separator: "\n"))")
    }

    @Test(arguments: DetectorID.allCases)
    func theTableInCodeIsWhatIsMeasured(_ detector: DetectorID) throws {
        let quality = DetectorQuality.of(detector)
        let tuning = try Self.tuning.get().figures(detector)
        let holdout = try Self.holdout.get().figures(detector)
        #expect(quality.tuning == tuning, "\(detector.rawValue) tuning: measured \(tuning.mustFlag), \(tuning.caught), \(tuning.reported)")
        #expect(quality.holdout == holdout, "\(detector.rawValue) holdout: measured \(holdout.mustFlag), \(holdout.caught), \(holdout.reported)")
    }

    @Test func docsScanPublishesTheTable() throws {
        let docs = try String(contentsOfFile: Fixtures.repository("docs/scan.md"), encoding: .utf8)
        #expect(docs.contains(DetectorQuality.markdownTable()), "docs/scan.md must carry DetectorQuality.markdownTable() verbatim")
    }

    @Test func labelsNameOnlyRealDetectors() throws {
        #expect(ScanCorpus.ids(after: "EXPECT:", in: "x // EXPECT: sql-string-interpolation, plain-http-api") == [
            .sqlStringInterpolation, .plainHTTPAPI])
        #expect(ScanCorpus.ids(after: "OK:", in: "send('OK: done')").isEmpty)
    }
}
