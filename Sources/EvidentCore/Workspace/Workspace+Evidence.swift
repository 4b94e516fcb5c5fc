import Foundation

/// Where new evidence comes from.
public enum EvidenceSource: Sendable, Equatable {
    case file(path: String)
    case url(String)
    case note(String)
}

/// A request to attach evidence to an item (`evident evidence add`).
public struct EvidenceRequest: Sendable {
    public var itemID: String
    public var source: EvidenceSource
    public var asOf: Timestamp?
    public var expires: Timestamp?
    public var redact: Bool
    public var cycle: String?
    /// A few words saying what a file or link shows (stored masked, like a note).
    public var caption: String?

    public init(itemID: String, source: EvidenceSource, asOf: Timestamp? = nil, expires: Timestamp? = nil,
                redact: Bool = false, cycle: String? = nil, caption: String? = nil) {
        self.itemID = itemID
        self.source = source
        self.asOf = asOf
        self.expires = expires
        self.redact = redact
        self.cycle = cycle
        self.caption = caption
    }
}

/// What attaching evidence did, with anything the user should be warned about.
public struct AddedEvidence: Sendable {
    public let evidence: Evidence
    public let cycle: Cycle
    public let warnings: [String]
}

extension Workspace {
    /// Attaches evidence to an item of an open cycle. A file is streamed into the vault before the
    /// row is written, so a crash leaves at worst an orphan vault file; links and notes are stored
    /// with sensitive values masked.
    public func addEvidence(_ request: EvidenceRequest, session: Session, progress: WorkProgress = .none) throws -> AddedEvidence {
        try addEvidence([request], session: session, progress: progress)[0]
    }

    /// Attaches several pieces of evidence, all or none: every file reaches the vault and every
    /// request is checked before the rows are written in one transaction.
    public func addEvidence(_ requests: [EvidenceRequest], session: Session, progress: WorkProgress = .none) throws -> [AddedEvidence] {
        let prepared = try requests.map { try prepareEvidence($0, session: session, progress: progress) }
        let stored = try database.insertEvidence(prepared.map(\.evidence), session: session)
        return zip(prepared, stored).map { AddedEvidence(evidence: $1, cycle: $0.cycle, warnings: $0.warnings) }
    }

    /// The evidence row `request` makes (its file already in the vault), with its cycle and warnings.
    private func prepareEvidence(
        _ request: EvidenceRequest, session: Session, progress: WorkProgress
    ) throws -> (evidence: Evidence, cycle: Cycle, warnings: [String]) {
        let cycle = try openCycle(request.cycle)
        let item = try item(request.itemID, in: cycle)
        if let asOf = request.asOf, asOf > session.now {
            throw WorkflowError.futureDate(flag: "--as-of", value: asOf.date)
        }
        let effective = request.asOf ?? session.now
        var warnings: [String] = []
        var evidence = Evidence(
            id: 0, cycleID: cycle.id, itemID: item.itemID, kind: .note, digest: "", size: 0, redacted: false,
            effectiveAt: effective,
            expiresAt: Evidence.expiry(effective: effective, explicit: request.expires, maxAgeDays: item.maxAgeDays),
            addedAt: session.now, addedBy: session.actor)
        switch request.source {
        case let .file(path):
            let stored = try vault.store(contentsOf: path, redact: request.redact, progress: progress)
            evidence.kind = .file
            evidence.digest = stored.digest
            evidence.size = stored.size
            evidence.fileName = Self.safeFileName(path)
            evidence.redacted = stored.maskedValues > 0
            if stored.maskedValues > 0 {
                warnings.append("masked \(stored.maskedValues) sensitive value\(stored.maskedValues == 1 ? "" : "s") on line"
                    + "\(stored.maskedLines.count == 1 ? "" : "s") \(stored.maskedLines.map(String.init).joined(separator: ", ")); the vault holds the masked copy")
            }
        case let .url(text):
            let (masked, matches) = SensitiveData.mask(try Self.checkedURL(text))
            evidence.kind = .url
            evidence.url = masked
            evidence.digest = Digest.sha256(masked)
            evidence.size = Int64(masked.utf8.count)
            evidence.redacted = !matches.isEmpty
            if !matches.isEmpty { warnings.append(Self.maskWarning(matches, in: "the URL")) }
        case let .note(text):
            let (note, matches) = Self.cleanNote(text)
            guard let note else { throw WorkflowError.emptyText(flag: "--note") }
            evidence.kind = .note
            evidence.note = note
            evidence.digest = Digest.sha256(note)
            evidence.size = Int64(note.utf8.count)
            evidence.redacted = !matches.isEmpty
            if !matches.isEmpty { warnings.append(Self.maskWarning(matches, in: "the note")) }
        }
        if let caption = request.caption, evidence.kind != .note {
            let (text, matches) = Self.cleanNote(caption)
            guard let text else { throw WorkflowError.emptyText(flag: "--caption") }
            evidence.note = text
            if !matches.isEmpty { warnings.append(Self.maskWarning(matches, in: "the caption")) }
        }
        if let expiry = evidence.expiresAt, expiry <= session.now {
            warnings.append("this evidence is already expired (expiry \(expiry.date))")
        }
        return (evidence, cycle, warnings)
    }

    /// Throws unless `itemID` is an item of the cycle's checklist version ("did you mean" when close).
    public func checkItemID(_ itemID: String, in cycle: Cycle) throws {
        _ = try item(itemID, in: cycle)
    }

    /// The item `itemID` of the cycle's checklist version, with "did you mean" when unknown.
    func item(_ itemID: String, in cycle: Cycle) throws -> ChecklistItemRecord {
        let items = try database.items(versionID: cycle.versionID)
        guard let item = items.first(where: { $0.itemID == itemID }) else {
            throw WorkflowError.unknownItem(itemID, suggestion: Suggestion.closest(to: itemID, in: items.map(\.itemID)))
        }
        return item
    }

    /// The evidence `id`.
    public func evidence(id: Int64) throws -> Evidence {
        guard let evidence = try database.evidence(id: id) else { throw WorkflowError.unknownEvidence(id) }
        return evidence
    }

    /// Writes evidence `id` to `destination`: the vault file (checked against its hash on the way), or
    /// the link's or note's text.
    public func exportEvidence(id: Int64, to destination: String, overwrite: Bool) throws {
        let evidence = try evidence(id: id)
        if evidence.hasVaultFile {
            if evidence.purgedAt != nil { throw VaultError.missing(digest: evidence.digest) }
            try vault.copy(evidence.digest, to: destination, overwrite: overwrite)
            return
        }
        if !overwrite, FileManager.default.fileExists(atPath: destination) { throw VaultError.destinationExists(path: destination) }
        let text = (evidence.url ?? evidence.note ?? "") + "\n"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: destination), options: .atomic)
        } catch {
            throw VaultError.writeFailed(path: destination, reason: error.localizedDescription)
        }
    }

    /// Withdraws evidence (kept in history, no longer counted); with `purge`, also deletes its vault
    /// file when no other evidence uses it. Returns whether the file was deleted.
    public func withdrawEvidence(id: Int64, reason: String, purge: Bool, session: Session) throws -> (Evidence, purged: Bool) {
        let evidence = try evidence(id: id)
        let cycle = try self.cycle(id: evidence.cycleID)
        try requireOpen(cycle)
        guard !evidence.isWithdrawn else { throw WorkflowError.evidenceWithdrawn(id) }
        let (text, _) = Self.cleanNote(reason)
        guard let text else { throw WorkflowError.emptyText(flag: "--reason") }
        let withdrawn = try database.withdrawEvidence(evidence, reason: text, session: session)
        guard purge, evidence.hasVaultFile else { return (withdrawn, false) }
        // The file stays while anything else needs it: current evidence, or any evidence of a closed cycle.
        let sharing = try database.evidenceSharingFile(digest: evidence.digest, excluding: id)
        var closed: [Int64: Bool] = [:]
        for other in sharing where closed[other.cycleID] == nil {
            closed[other.cycleID] = try database.cycle(id: other.cycleID)?.isOpen == false
        }
        if sharing.contains(where: { !$0.isWithdrawn || closed[$0.cycleID] == true }) { return (withdrawn, false) }
        try database.markPurged([withdrawn] + sharing, session: session)
        try? vault.remove(evidence.digest)
        return (try self.evidence(id: id), true)
    }

    // MARK: - Input checks

    /// An `http`/`https` URL with a host; anything else is bad input.
    static func checkedURL(_ text: String) throws(WorkflowError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased() else {
            throw .badURL("'\(SensitiveData.mask(trimmed).text)' is not a URL")
        }
        guard scheme == "http" || scheme == "https" else { throw .badURL("the scheme '\(scheme):' is not allowed") }
        guard let host = components.host, !host.isEmpty else { throw .badURL("it has no host") }
        return trimmed
    }

    /// The last path component, masked and without control characters: metadata, never a path.
    static func safeFileName(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let visible = String(String.UnicodeScalarView(name.unicodeScalars.map {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format ? "?" : $0
        }))
        return SensitiveData.mask(visible).text
    }

    static func maskWarning(_ matches: [SensitiveData.Match], in place: String) -> String {
        let kinds = Array(Set(matches.map(\.kind.phrase))).sorted().joined(separator: " and ")
        return "\(place) held \(kinds); it was stored masked (\(matches.map(\.masked).joined(separator: ", ")))"
    }
}
