/// What each detector looks at and how well it does it, measured on the labelled corpus
/// (`Tests/Fixtures/scan-corpus/`): the figures `--attach` files with a scan and `docs/scan.md`
/// publishes. A test recomputes every figure from the corpus and fails when this table, the
/// corpus or `docs/scan.md` disagree, so this table is the one place they are written.
public struct DetectorQuality: Sendable, Equatable {
    public let detector: DetectorID
    /// What the detector reads and recognises, in one sentence: what "no findings" can mean.
    public let scope: String
    /// Figures on the part of the corpus the detectors were tuned against.
    public let tuning: CorpusFigures
    /// Figures on the held-out part, written before any tuning and never tuned against.
    public let holdout: CorpusFigures

    /// Both parts together.
    public var overall: CorpusFigures { tuning + holdout }
}

/// Counts from one part of the labelled corpus for one detector.
public struct CorpusFigures: Sendable, Equatable, CustomStringConvertible {
    /// Lines labelled must-flag.
    public let mustFlag: Int
    /// Must-flag lines it reported.
    public let caught: Int
    /// Lines it reported at all.
    public let reported: Int

    public init(mustFlag: Int, caught: Int, reported: Int) {
        self.mustFlag = mustFlag
        self.caught = caught
        self.reported = reported
    }

    /// Caught over must-flag (1 when nothing was to be caught).
    public var recall: Double { mustFlag == 0 ? 1 : Double(caught) / Double(mustFlag) }
    /// Correct reports over all reports (1 when nothing was reported).
    public var precision: Double { reported == 0 ? 1 : Double(caught) / Double(reported) }

    /// Recall and precision as whole percentages, with the counts behind them.
    public var description: String {
        "recall \(Self.percent(recall)) (\(caught)/\(mustFlag)), precision \(Self.percent(precision)) (\(caught)/\(reported))"
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 1000).rounded()) / 10).\(Int((value * 1000).rounded()) % 10)%" }

    public static func + (lhs: CorpusFigures, rhs: CorpusFigures) -> CorpusFigures {
        CorpusFigures(mustFlag: lhs.mustFlag + rhs.mustFlag, caught: lhs.caught + rhs.caught, reported: lhs.reported + rhs.reported)
    }
}

extension DetectorQuality {
    /// The goals every detector must meet on the whole corpus.
    public static let recallGoal = 0.90
    public static let precisionGoal = 0.95

    /// The quality of `id`.
    public static func of(_ id: DetectorID) -> DetectorQuality {
        table.first { $0.detector == id }!
    }

    /// One line for evidence: scope, then the measured figures.
    public var evidenceText: String {
        "\(detector.rawValue): \(scope) Measured on \(overall.mustFlag) must-flag lines of the labelled corpus: "
            + "\(overall); on the held-out part alone: \(holdout)."
    }

    /// The Markdown table `docs/scan.md` carries, generated from `table`.
    public static func markdownTable() -> String {
        var lines = [
            "| detector | tuning recall | tuning precision | held-out recall | held-out precision | overall recall | overall precision |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for quality in table {
            let cells = [quality.tuning, quality.holdout, quality.overall].flatMap { figures in
                ["\(CorpusFigures.percent(figures.recall)) (\(figures.caught)/\(figures.mustFlag))",
                 "\(CorpusFigures.percent(figures.precision)) (\(figures.caught)/\(figures.reported))"]
            }
            lines.append("| `\(quality.detector.rawValue)` | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}
