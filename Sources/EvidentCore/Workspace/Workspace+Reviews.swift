import Foundation

/// What recording a review did.
public struct RecordedReview: Sendable {
    public let review: Review
    public let cycle: Cycle
    /// Sensitive values masked out of the note.
    public let maskedValues: [SensitiveData.Match]
}

/// Why a review CSV was refused: every problem, by row.
public struct ReviewImportError: EvidentError, Equatable {
    public let file: String
    public let diagnostics: [Diagnostic]

    public var kind: FailureKind { .badInput }
    public var errorDescription: String? {
        "\(file) has \(diagnostics.count) problem\(diagnostics.count == 1 ? "" : "s"); no review was recorded"
    }
    public var hint: String? { "fix the rows above and import the whole file again" }
}

extension Workspace {
    /// Appends a review to an item's history in an open cycle; `na` and `fail` need a note.
    public func recordReview(
        itemID: String, status: ReviewStatus, note: String?, cycle name: String?, session: Session
    ) throws -> RecordedReview {
        let cycle = try openCycle(name)
        let items = try database.items(versionID: cycle.versionID)
        guard items.contains(where: { $0.itemID == itemID }) else {
            throw WorkflowError.unknownItem(itemID, suggestion: Suggestion.closest(to: itemID, in: items.map(\.itemID)))
        }
        let (text, masked) = Self.cleanNote(note)
        if status.needsNote, text == nil { throw WorkflowError.noteRequired(status) }
        let review = try database.insertReviews([ReviewEntry(itemID: itemID, status: status, note: text)],
                                                cycleID: cycle.id, session: session)[0]
        return RecordedReview(review: review, cycle: cycle, maskedValues: masked)
    }

    /// Imports reviews from a CSV file with the header `item,status,note`, all or nothing: any bad row
    /// refuses the whole file with `FILE:ROW: error:` diagnostics.
    public func importReviews(csvPath: String, cycle name: String?, session: Session) throws -> (cycle: Cycle, reviews: [Review], masked: Int) {
        let cycle = try openCycle(name)
        let text = try Self.readText(csvPath)
        let records: [CSV.Record]
        do {
            records = try CSV.parse(text)
        } catch {
            throw ReviewImportError(file: csvPath, diagnostics: [Diagnostic(.error, error.message, file: csvPath, line: error.line)])
        }
        let items = try database.items(versionID: cycle.versionID).map(\.itemID)
        let parsed = ReviewCSV.entries(records, file: csvPath, knownItems: items)
        if !parsed.diagnostics.isEmpty { throw ReviewImportError(file: csvPath, diagnostics: parsed.diagnostics) }
        let owners = ReviewCSVAssignments.read(records, file: csvPath)
        if !owners.diagnostics.isEmpty { throw ReviewImportError(file: csvPath, diagnostics: owners.diagnostics) }
        var masked = 0
        let entries = parsed.entries.map { entry in
            let (note, matches) = Self.cleanNote(entry.note)
            masked += matches.count
            return ReviewEntry(itemID: entry.itemID, status: entry.status, note: note)
        }
        let current = try snapshot(of: cycle, now: session.now)
        let changed = owners.entries.filter { entry in
            let now = current.assignment(of: entry.itemID)
            return now?.owner != entry.owner || now?.dueAt != entry.dueAt
        }
        let reviews = try database.insertReviews(entries, assignments: changed, cycleID: cycle.id, session: session)
        return (cycle, reviews, masked)
    }

    /// A note trimmed, nil when empty, with sensitive values masked.
    static func cleanNote(_ note: String?) -> (String?, [SensitiveData.Match]) {
        guard let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return (nil, []) }
        let (masked, matches) = SensitiveData.mask(trimmed)
        return (masked, matches)
    }

    /// A small text input file, read whole; missing or unreadable is missing input (66).
    static func readText(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw VaultError.notFound(path: path) }
        guard !isDirectory.boolValue else { throw VaultError.notAFile(path: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VaultError.unreadable(path: path, reason: "permission denied")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Reading a review CSV (`item,status,note`) against known items: the entries, or every problem by row.
public enum ReviewCSVReader {
    /// The entries of `text`, or the diagnostics that refuse it.
    public static func read(_ text: String, file: String, knownItems: [String]) -> (entries: [ReviewEntry], diagnostics: [Diagnostic]) {
        do {
            return ReviewCSV.entries(try CSV.parse(text), file: file, knownItems: knownItems)
        } catch {
            return ([], [Diagnostic(.error, error.message, file: file, line: error.line)])
        }
    }
}

/// The rows of a review CSV checked against the cycle's items.
enum ReviewCSV {
    static let columns = ["item", "status", "note"] + ReviewCSVAssignments.columns

    /// The entries of `records` (header first), or every problem found.
    static func entries(_ records: [CSV.Record], file: String, knownItems: [String]) -> (entries: [ReviewEntry], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let header = records.first else {
            return ([], [Diagnostic(.error, "the file is empty; it needs the header item,status,note", file: file, line: 1)])
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var position: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if columns.contains(name), position[name] == nil {
                position[name] = index
            } else {
                let help = Suggestion.didYouMean(name, in: columns)
                diagnostics.append(Diagnostic(.error, "unexpected column '\(name)'\(help); the header is item,status,note", file: file, line: header.line))
            }
        }
        for required in ["item", "status"] where position[required] == nil {
            diagnostics.append(Diagnostic(.error, "the header has no '\(required)' column; it is item,status,note", file: file, line: header.line))
        }
        guard diagnostics.isEmpty else { return ([], diagnostics) }
        let known = Set(knownItems)
        var entries: [ReviewEntry] = []
        for record in records.dropFirst() {
            func value(_ column: String) -> String? {
                position[column].flatMap { $0 < record.fields.count ? record.fields[$0].trimmingCharacters(in: .whitespaces) : nil }
            }
            func problem(_ message: String) { diagnostics.append(Diagnostic(.error, message, file: file, line: record.line)) }
            if record.fields.count > names.count { problem("\(record.fields.count) fields, but the header has \(names.count)") }
            let item = value("item") ?? ""
            let statusText = (value("status") ?? "").lowercased()
            let note = value("note")
            if item.isEmpty { problem("no item id") } else if !known.contains(item) {
                problem("unknown item '\(item)'" + Suggestion.didYouMean(item, in: knownItems))
            }
            guard let status = ReviewStatus(rawValue: statusText) else {
                let allowed = ReviewStatus.allCases.map(\.rawValue)
                problem("unknown status '\(statusText)'\(Suggestion.didYouMean(statusText, in: allowed)) (one of: \(allowed.joined(separator: ", ")))")
                continue
            }
            if status.needsNote, (note ?? "").isEmpty { problem("a '\(status.rawValue)' review needs a note saying why") }
            entries.append(ReviewEntry(itemID: item, status: status, note: note))
        }
        return (entries, diagnostics)
    }
}
