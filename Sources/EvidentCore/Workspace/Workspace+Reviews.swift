import Foundation

/// What recording a review did.
public struct RecordedReview: Sendable {
    public let review: Review
    public let cycle: Cycle
    /// Sensitive values masked out of the note.
    public let maskedValues: [SensitiveData.Match]
    /// Set when the review is a `pass` with neither evidence that counts nor a note: it is recorded,
    /// but rests on nothing an auditor can see.
    public let passWithoutEvidence: Bool
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
        let unsupported = try status == .pass && text == nil && !hasValidEvidence(itemID, in: cycle, at: session.now)
        return RecordedReview(review: review, cycle: cycle, maskedValues: masked, passWithoutEvidence: unsupported)
    }

    /// Whether `itemID` has evidence in `cycle` that is neither withdrawn nor expired at `time`.
    func hasValidEvidence(_ itemID: String, in cycle: Cycle, at time: Timestamp) throws -> Bool {
        try database.evidence(cycleID: cycle.id, itemID: itemID).contains { !$0.isWithdrawn && !$0.isExpired(at: time) }
    }

    /// Imports reviews from a CSV file (SPEC §4), all or nothing: any bad row refuses the whole
    /// file with `FILE:ROW: error:` diagnostics. The file `report --format csv` writes reads back
    /// unchanged; rows that repeat an item's current verdict and note are not recorded again.
    public func importReviews(csvPath: String, cycle name: String?, session: Session) throws -> ReviewImportResult {
        let cycle = try openCycle(name)
        let text = try ReviewCSVText.decode(try Self.readData(csvPath), file: csvPath)
        let items = try database.items(versionID: cycle.versionID).map(\.itemID)
        let parsed = ReviewCSVReader.read(text, file: csvPath, knownItems: items)
        if !parsed.diagnostics.isEmpty { throw ReviewImportError(file: csvPath, diagnostics: parsed.diagnostics) }
        var current: [String: Review] = [:]
        for review in try database.reviews(cycleID: cycle.id) { current[review.itemID] = review }
        var masked = 0, unchanged = 0
        var entries: [ReviewEntry] = []
        for entry in parsed.entries {
            let (note, matches) = Self.cleanNote(entry.note)
            masked += matches.count
            if let latest = current[entry.itemID], latest.status == entry.status, latest.note == note {
                unchanged += 1
                continue
            }
            entries.append(ReviewEntry(itemID: entry.itemID, status: entry.status, note: note))
        }
        let snapshot = try snapshot(of: cycle, now: session.now)
        let assignments = parsed.assignments.filter { entry in
            let now = snapshot.assignment(of: entry.itemID)
            return now?.owner != entry.owner || now?.dueAt != entry.dueAt
        }
        let reviews = try database.insertReviews(entries, assignments: assignments, cycleID: cycle.id, session: session)
        let unsupported = try entries.filter { $0.status == .pass && $0.note == nil }
            .filter { try !hasValidEvidence($0.itemID, in: cycle, at: session.now) }.map(\.itemID)
        return ReviewImportResult(
            cycle: cycle, reviews: reviews, assignments: assignments.count, masked: masked, unchanged: unchanged,
            skipped: parsed.skipped, ignoredColumns: parsed.ignoredColumns, passesWithoutEvidence: unsupported)
    }

    /// A note trimmed, nil when empty, with sensitive values masked.
    static func cleanNote(_ note: String?) -> (String?, [SensitiveData.Match]) {
        guard let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return (nil, []) }
        let (masked, matches) = SensitiveData.mask(trimmed)
        return (masked, matches)
    }

    /// A small input file, read whole; missing or unreadable is missing input (66).
    static func readData(_ path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw VaultError.notFound(path: path) }
        guard !isDirectory.boolValue else { throw VaultError.notAFile(path: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VaultError.unreadable(path: path, reason: "permission denied")
        }
        return data
    }
}
