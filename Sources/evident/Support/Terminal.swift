import EvidentCore
import Foundation

/// Writing to the terminal: results to standard output, messages to standard error, colour only
/// on a terminal and never with `NO_COLOR` set.
enum Terminal {
    /// Whether standard error may carry colour.
    static let colorOnStandardError = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    /// Whether standard output may carry colour.
    static let colorOnStandardOutput = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    /// Writes `text` and a newline to standard output.
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes `text` to standard output as is.
    static func outputRaw(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// `evident: error: MESSAGE` on standard error.
    static func error(_ message: String) {
        standardError("evident: " + paint("error:", .red, colorOnStandardError) + " " + TextSanitizer.visible(message))
    }

    /// `evident: warning: MESSAGE` on standard error.
    static func warning(_ message: String) {
        standardError("evident: " + paint("warning:", .yellow, colorOnStandardError) + " " + TextSanitizer.visible(message))
    }

    /// `hint: MESSAGE` on standard error.
    static func hint(_ message: String) {
        standardError(paint("hint:", .cyan, colorOnStandardError) + " " + TextSanitizer.visible(message))
    }

    /// A plain message on standard error (progress and notes that are not results).
    static func note(_ message: String) {
        standardError(message)
    }

    /// Every diagnostic as `PATH:LINE:COLUMN: error: MESSAGE` on standard error.
    static func diagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            var line = TextSanitizer.visible(diagnostic.description)
            if colorOnStandardError {
                let label = diagnostic.severity.rawValue + ":"
                let color: Color = diagnostic.severity == .error ? .red : .yellow
                line = line.replacingOccurrences(of: " " + label + " ", with: " " + paint(label, color, true) + " ")
            }
            standardError(line)
        }
    }

    enum Color: String {
        case red = "31", green = "32", yellow = "33", cyan = "36", bold = "1", dim = "2"
    }

    /// `text` in `color` when `enabled`.
    static func paint(_ text: String, _ color: Color, _ enabled: Bool = colorOnStandardOutput) -> String {
        enabled ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }

    private static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
