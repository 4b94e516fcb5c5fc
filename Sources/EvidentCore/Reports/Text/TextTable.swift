/// A plain-text table with aligned columns, for terminal output.
public struct TextTable {
    /// How a column lines up.
    public enum Alignment { case left, right }

    private let headers: [String]
    private let alignments: [Alignment]
    private var rows: [[String]] = []

    /// A table with these column headers and alignments (left when not given).
    public init(_ headers: [String], alignments: [Alignment] = []) {
        self.headers = headers
        self.alignments = headers.indices.map { $0 < alignments.count ? alignments[$0] : .left }
    }

    /// Adds a row; missing cells are empty.
    public mutating func add(_ cells: [String]) {
        rows.append(headers.indices.map { $0 < cells.count ? TerminalText.oneLine(cells[$0]) : "" })
    }

    /// The table, indented by `indent` spaces, without a trailing newline.
    public func render(indent: Int = 2) -> String {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        let lines = ([headers] + rows).map { cells in
            String(repeating: " ", count: indent) + cells.indices.map { column in
                let cell = cells[column]
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                let isLast = column == cells.count - 1
                return alignments[column] == .right ? padding + cell : (isLast ? cell : cell + padding)
            }.joined(separator: "  ")
        }
        return lines.joined(separator: "\n")
    }
}

/// Making user text safe and tidy for a terminal.
public enum TerminalText {
    /// `text` on one line with control characters (escape sequences included) made visible.
    public static func oneLine(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t": scalars.append(" ")
            case _ where scalar.properties.generalCategory == .control: scalars.append("?")
            case _ where bidiControls.contains(scalar.value): scalars.append("?")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// `text` with control characters other than newlines made visible.
    public static func safe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            if scalar == "\n" || scalar == "\t" { return scalar }
            if scalar.properties.generalCategory == .control || bidiControls.contains(scalar.value) { return "?" }
            return scalar
        }))
    }

    /// At most `limit` characters, with an ellipsis when cut.
    public static func truncate(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// Right-to-left and directional override characters that can disguise text.
    static let bidiControls: Set<UInt32> = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F]

    /// Whether `scalar` is one of `bidiControls`; most text is tested, so the range test comes first.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x200E...0x2069).contains(scalar.value) && bidiControls.contains(scalar.value)
    }
}

/// ANSI styling that is switched off unless output goes to a terminal without `NO_COLOR`.
public struct TextStyle: Sendable {
    public let enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }

    /// A status label (`PASS`, `FAIL`, …) coloured by meaning; the word carries it without colour.
    public func status(_ status: ItemStatus) -> String {
        switch status {
        case .pass: green(status.label)
        case .partial: yellow(status.label)
        case .fail: red(status.label)
        case .na, .pending: dim(status.label)
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
