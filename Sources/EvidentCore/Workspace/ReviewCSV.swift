import Foundation

/// What `review import` did.
public struct ReviewImportResult: Sendable {
    public let cycle: Cycle
    /// The reviews recorded.
    public let reviews: [Review]
    /// Owners and due dates recorded from the `owner` and `due` columns (rows that change them).
    public let assignments: Int
    /// Sensitive values masked out of notes.
    public let masked: Int
    /// Rows that repeat the item's current verdict and note: nothing to record.
    public let unchanged: Int
    /// Rows without a verdict (empty or `pending` status).
    public let skipped: Int
    /// Header columns Evident does not import, as written.
    public let ignoredColumns: [String]
    /// Items recorded `pass` with neither a note nor evidence that counts.
    public let passesWithoutEvidence: [String]
}

/// Why a review CSV was refused: every problem, by row.
public struct ReviewImportError: EvidentError, Equatable {
    public let file: String
    public let diagnostics: [Diagnostic]
    /// What to do instead of the usual "fix the rows", when the problem is the file as a whole.
    public var advice: String?

    public init(file: String, diagnostics: [Diagnostic], advice: String? = nil) {
        self.file = file
        self.diagnostics = diagnostics
        self.advice = advice
    }

    public var kind: FailureKind { .badInput }
    public var errorDescription: String? {
        "\(file) has \(diagnostics.count) problem\(diagnostics.count == 1 ? "" : "s"); no review was recorded"
    }
    public var hint: String? { advice ?? "fix the rows above and import the whole file again" }
}

/// The text of a review CSV: UTF-8 only (a BOM is fine). Anything else is refused by row, never
/// read with replacement characters that would lose the lead's words.
public enum ReviewCSVText {
    /// How to save a spreadsheet as UTF-8 CSV.
    static let saveAsUTF8 = "save the file as UTF-8 and import it again: in Excel choose “CSV UTF-8 (Comma delimited)”, "
        + "in LibreOffice tick “Edit filter settings” and pick “Unicode (UTF-8)”, in Numbers export CSV with “Unicode (UTF-8)”"

    /// The file's text, or the rows that are not UTF-8.
    public static func decode(_ data: Data, file: String) throws(ReviewImportError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ReviewImportError(file: file, diagnostics: [
                Diagnostic(.error, "the file is UTF-16 text, not UTF-8", file: file, line: 1),
            ], advice: saveAsUTF8)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var diagnostics: [Diagnostic] = []
        var line = 1
        for row in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            defer { line += 1 }
            guard String(validating: row, as: UTF8.self) == nil else { continue }
            let column = firstInvalidByte(in: row)
            let byte = column < row.count ? String(row[row.startIndex + column], radix: 16, uppercase: true) : "?"
            diagnostics.append(Diagnostic(
                .error, "row \(line) is not UTF-8 text (byte 0x\(byte) at column \(column + 1)); it looks like a Windows or Mac spreadsheet encoding",
                file: file, line: line))
        }
        throw ReviewImportError(file: file, diagnostics: diagnostics, advice: saveAsUTF8)
    }

    /// The offset in `row` of the first byte sequence that is not UTF-8.
    private static func firstInvalidByte(in row: ArraySlice<UInt8>) -> Int {
        var index = row.startIndex
        while index < row.endIndex {
            let length = switch row[index] {
            case 0x00...0x7F: 1
            case 0xC2...0xDF: 2
            case 0xE0...0xEF: 3
            case 0xF0...0xF4: 4
            default: 0
            }
            guard length > 0, index + length <= row.endIndex,
                  String(validating: row[index..<(index + length)], as: UTF8.self) != nil else { break }
            index += length
        }
        return index - row.startIndex
    }
}

/// Reading a review CSV against known items: the entries, or every problem by row.
public enum ReviewCSVReader {
    /// What a review CSV holds: the verdicts to record and what was passed over.
    public struct Parsed: Sendable {
        public var entries: [ReviewEntry] = []
        /// Owners and due dates from the `owner` and `due` columns, whatever the row's status.
        public var assignments: [AssignmentEntry] = []
        public var diagnostics: [Diagnostic] = []
        /// Rows with an empty or `pending` status.
        public var skipped = 0
        /// Header columns that are not imported, as written.
        public var ignoredColumns: [String] = []
    }

    /// The columns `review import` reads; every other column is named in one warning.
    public static let importedColumns = ["item", "status", "note"] + ReviewCSVAssignments.columns

    /// The entries of `text`, or the diagnostics that refuse it.
    public static func read(_ text: String, file: String, knownItems: [String]) -> Parsed {
        let records: [CSV.Record]
        do {
            records = try CSV.parse(text, separator: CSV.separator(guessedFrom: text))
        } catch {
            return Parsed(diagnostics: [Diagnostic(.error, error.message, file: file, line: error.line)])
        }
        return entries(records, file: file, knownItems: knownItems)
    }

    /// The entries of `records` (header first), or every problem found.
    static func entries(_ records: [CSV.Record], file: String, knownItems: [String]) -> Parsed {
        var parsed = Parsed()
        guard let header = records.first else {
            parsed.diagnostics.append(Diagnostic(.error, "the file is empty; it needs a header with at least item,status", file: file, line: 1))
            return parsed
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var position: [String: Int] = [:]
        for (index, name) in names.enumerated() where !name.isEmpty {
            if !importedColumns.contains(name) {
                parsed.ignoredColumns.append(header.fields[index].trimmingCharacters(in: .whitespaces))
            } else if position[name] != nil {
                parsed.diagnostics.append(Diagnostic(.error, "the column '\(name)' appears twice", file: file, line: header.line))
            } else {
                position[name] = index
            }
        }
        for required in ["item", "status"] where position[required] == nil {
            let close = Suggestion.closest(to: required, in: parsed.ignoredColumns).map { " (is '\($0)' meant to be '\(required)'?)" } ?? ""
            parsed.diagnostics.append(Diagnostic(
                .error, "the header has no '\(required)' column\(close); it needs item and status, and may have note, owner and due", file: file, line: header.line))
        }
        guard parsed.diagnostics.isEmpty else { return parsed }
        let known = Set(knownItems)
        for record in records.dropFirst() {
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.contains(where: { !$0.isEmpty }) else { continue }
            func value(_ column: String) -> String? { position[column].flatMap { $0 < fields.count ? fields[$0] : nil } }
            func problem(_ message: String) { parsed.diagnostics.append(Diagnostic(.error, message, file: file, line: record.line)) }
            if fields.count > names.count, fields[names.count...].contains(where: { !$0.isEmpty }) {
                problem("\(fields.count) fields, but the header has \(names.count)")
            }
            let item = value("item") ?? ""
            let assignment = ReviewCSVAssignments.entry(item: item, owner: value("owner"), due: value("due"))
            if let message = assignment.problem { problem(message) }
            let statusText = (value("status") ?? "").lowercased()
            let skipped = statusText.isEmpty || statusText == "pending"
            if item.isEmpty {
                if !skipped || assignment.entry != nil { problem("no item id") }
            } else if !known.contains(item), !skipped || assignment.entry != nil {
                problem("unknown item '\(item)'" + Suggestion.didYouMean(item, in: knownItems))
            }
            if let entry = assignment.entry, !item.isEmpty { parsed.assignments.append(entry) }
            if skipped {
                parsed.skipped += 1
                continue
            }
            guard let status = ReviewStatus(rawValue: statusText == "n/a" ? "na" : statusText) else {
                let allowed = ReviewStatus.allCases.map(\.rawValue)
                problem("unknown status '\(statusText)'\(Suggestion.didYouMean(statusText, in: allowed)) (one of: \(allowed.joined(separator: ", ")), n/a; empty or pending skips the row)")
                continue
            }
            let note = value("note").map(CSV.unguarded)
            if status.needsNote, (note ?? "").isEmpty { problem("a '\(status.rawValue)' review needs a note saying why") }
            parsed.entries.append(ReviewEntry(itemID: item, status: status, note: note))
        }
        return parsed
    }
}
