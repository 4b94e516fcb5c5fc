/// One problem found in a user's file, with where it is: printed as `PATH:LINE:COLUMN: error: MESSAGE`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How serious a diagnostic is: errors stop a load, warnings do not.
    public enum Severity: String, Sendable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    public let severity: Severity
    public let message: String
    /// The file as the user named it (a path relative to where they ran Evident, when they gave one).
    public let file: String
    /// 1-based line, when the problem has a place inside the file.
    public let line: Int?
    /// 1-based column, when the problem has a place inside the file.
    public let column: Int?

    /// Makes a diagnostic; `line` and `column` are 1-based.
    public init(_ severity: Severity, _ message: String, file: String, line: Int? = nil, column: Int? = nil) {
        self.severity = severity
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// `PATH:LINE:COLUMN: error: MESSAGE`, or `PATH: error: MESSAGE` for a whole-file problem.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, then position, then message: the order a reader walks a file in.
    public func sortedByLocation() -> [Diagnostic] {
        sorted {
            ($0.file, $0.line ?? 0, $0.column ?? 0, $0.message) < ($1.file, $1.line ?? 0, $1.column ?? 0, $1.message)
        }
    }
}
