import EvidentCore
import Foundation

/// `evident review --interactive`: walks the pending items of the open cycle section by section,
/// saving every answer as it is given, so quitting or Ctrl-C loses nothing. The previous cycle's
/// verdict of an item is offered as the default (Enter), never recorded unless the reviewer takes it.
struct InteractiveReview {
    let workspace: Workspace
    let options: WorkspaceOptions
    let cycleName: String?
    let style: TextStyle

    /// What the reviewer typed at the status prompt.
    enum Answer {
        case status(ReviewStatus), attach, skip, back, quit, help, unknown(String)

        /// The answer `text` means; an empty line takes `offered` when there is one, else skips.
        init(_ text: String, offered: ReviewStatus? = nil) {
            if let offered, text.trimmingCharacters(in: .whitespaces).isEmpty {
                self = .status(offered)
                return
            }
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "p", "pass": self = .status(.pass)
            case "r", "partial": self = .status(.partial)
            case "f", "fail": self = .status(.fail)
            case "n", "na", "n/a": self = .status(.na)
            case "a", "attach": self = .attach
            case "s", "skip", "": self = .skip
            case "b", "back": self = .back
            case "q", "quit", "exit": self = .quit
            case "?", "h", "help": self = .help
            case let other: self = .unknown(other)
            }
        }
    }

    func run() throws {
        let cycle = try workspace.openCycle(cycleName)
        let previous = try previousVerdicts(of: cycle)
        var report = try workspace.report(of: cycle, now: try options.now(), toolVersion: EvidentVersion.current)
        let queue = report.sections.flatMap { section in section.items.filter { $0.status == .pending }.map { (section.title, $0.id) } }
        guard !queue.isEmpty else {
            Terminal.output("Nothing is pending in cycle \(cycle.name). `evident status` shows where it stands.")
            return
        }
        Terminal.output(style.bold("Reviewing cycle \(cycle.name): \(queue.count) pending item\(queue.count == 1 ? "" : "s").")
            + " Every answer is saved at once; q quits, Ctrl-C is safe.")
        var index = 0, reviewed = 0, attached = 0, shown = -1
        while index < queue.count {
            let (sectionTitle, itemID) = queue[index]
            guard let item = report.sections.flatMap(\.items).first(where: { $0.id == itemID }) else { index += 1; continue }
            let offered = previous.verdicts[itemID]
            if shown != index {
                Terminal.output("")
                Terminal.output(ReviewPromptText.item(item, section: sectionTitle, position: index + 1, of: queue.count, style: style))
                if let offered, let name = previous.cycle {
                    Terminal.output(style.bold("In \(name): ") + ItemStatus(offered.status).label
                        + (offered.note.map { " — " + TerminalText.truncate(TerminalText.oneLine($0), 70) } ?? ""))
                }
                shown = index
            }
            let enter = offered.map { "Enter takes \($0.status.rawValue) · " } ?? ""
            Terminal.outputRaw(style.bold("Status?") + " [p]ass [r] partial [f]ail [n]/a · [a]ttach · [s]kip · [b]ack · [q]uit · [?] · \(enter)> ")
            guard let line = readLine() else { break }
            var changed = false
            switch Answer(line, offered: offered?.status) {
            case let .status(status):
                let keptNote = offered?.status == status ? offered?.note : nil
                if try record(itemID, status, in: cycle, offeredNote: keptNote) { reviewed += 1; index += 1; changed = true }
            case .attach:
                if try attach(to: itemID, in: cycle) { attached += 1; changed = true }
            case .skip: index += 1
            case .back: index = max(0, index - 1)
            case .quit: index = queue.count
            case .help: Terminal.output(ReviewPromptText.help)
            case let .unknown(text): Terminal.output("'\(TerminalText.oneLine(text))' is not an answer; type ? for help.")
            }
            // Only a saved answer changes what the next item shows: skips, help and typos reuse the report.
            if changed { report = try workspace.report(of: cycle, now: try options.now(), toolVersion: EvidentVersion.current) }
        }
        let pending = report.summary.counts.pending
        Terminal.output("")
        Terminal.output("Reviewed \(reviewed) item\(reviewed == 1 ? "" : "s") and attached \(attached) piece\(attached == 1 ? "" : "s") of evidence; \(pending) still pending in cycle \(cycle.name).")
    }

    /// The previous cycle (the one carried from, else the last closed) and its latest verdict per item.
    private func previousVerdicts(of cycle: Cycle) throws -> (cycle: String?, verdicts: [String: Review]) {
        let source = try cycle.carriedFromCycleID.map { try workspace.cycle(id: $0) }
            ?? workspace.previousClosedCycle(checklistID: cycle.checklistID, target: cycle.target)
        guard let source, source.id != cycle.id else { return (nil, [:]) }
        let snapshot = try workspace.snapshot(of: source, now: try options.now())
        var verdicts: [String: Review] = [:]
        for review in snapshot.reviews { verdicts[review.itemID] = review }
        return (source.name, verdicts)
    }

    /// Asks for a note and records the review. A required note left empty is asked for again (never
    /// read as the next status); end of input saves nothing and returns false. Enter keeps
    /// `offeredNote`, the previous cycle's note for the same verdict, when there is one.
    private func record(_ itemID: String, _ status: ReviewStatus, in cycle: Cycle, offeredNote: String? = nil) throws -> Bool {
        let keep = offeredNote.map { " (Enter keeps “\(TerminalText.truncate(TerminalText.oneLine($0), 50))”)" }
        var note = ""
        while true {
            Terminal.outputRaw("Note" + (keep ?? (status.needsNote ? " (required for \(status.rawValue))" : " (Enter for none)")) + " > ")
            guard let line = readLine() else {
                Terminal.output("")
                Terminal.output("No note given; nothing was saved for \(itemID).")
                return false
            }
            note = line.trimmingCharacters(in: .whitespaces).isEmpty ? (offeredNote ?? "") : line
            if !status.needsNote || !note.trimmingCharacters(in: .whitespaces).isEmpty { break }
            Terminal.output("A '\(status.rawValue)' review needs a note saying why; type it (nothing is saved without one).")
        }
        let recorded = try workspace.recordReview(itemID: itemID, status: status, note: note, cycle: cycle.name, session: try options.session())
        if !recorded.maskedValues.isEmpty { Terminal.warning("the note held sensitive data; it was stored masked") }
        if recorded.passWithoutEvidence { Terminal.warning("\(itemID) passes with no evidence and no note; reports mark it") }
        Terminal.output(style.green("Saved") + " \(itemID): \(ItemStatus(status).label).")
        return true
    }

    /// Asks what to attach (`file PATH`, `url URL` or `note TEXT`) and attaches it.
    private func attach(to itemID: String, in cycle: Cycle) throws -> Bool {
        Terminal.outputRaw("Attach: file PATH · url URL · note TEXT > ")
        let line = (readLine() ?? "").trimmingCharacters(in: .whitespaces)
        let (word, rest) = line.firstIndex(of: " ").map { (String(line[..<$0]), String(line[line.index(after: $0)...])) } ?? (line, "")
        let source: EvidenceSource
        switch word.lowercased() {
        case "file", "f": source = .file(path: rest)
        case "url", "u": source = .url(rest)
        case "note", "n": source = .note(rest)
        default:
            Terminal.output("Start with file, url or note; nothing was attached.")
            return false
        }
        do {
            let added = try workspace.addEvidence(EvidenceRequest(itemID: itemID, source: source, cycle: cycle.name), session: try options.session())
            for warning in added.warnings { Terminal.warning(warning) }
            Terminal.output(style.green("Added") + " evidence #\(added.evidence.id) (\(added.evidence.kind.rawValue)) to \(itemID).")
            return true
        } catch let error as any EvidentError {
            Terminal.error(error.errorDescription ?? "could not attach it")
            if let hint = error.hint { Terminal.hint(hint) }
            return false
        }
    }
}
