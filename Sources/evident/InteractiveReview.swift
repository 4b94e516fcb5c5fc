import EvidentCore
import Foundation

/// `evident review --interactive`: walks the pending items of the open cycle section by section,
/// saving every answer as it is given, so quitting or Ctrl-C loses nothing.
struct InteractiveReview {
    let workspace: Workspace
    let options: WorkspaceOptions
    let cycleName: String?
    let style: TextStyle

    /// What the reviewer typed at the status prompt.
    enum Answer {
        case status(ReviewStatus), attach, skip, back, quit, help, unknown(String)

        init(_ text: String) {
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
        let cycle = try workspace.resolveCycle(cycleName, for: .write)
        guard cycle.isOpen else { throw WorkflowError.cycleClosed(cycle.name) }
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
            if shown != index {
                Terminal.output("")
                Terminal.output(ReviewPromptText.item(item, section: sectionTitle, position: index + 1, of: queue.count, style: style))
                shown = index
            }
            Terminal.outputRaw(style.bold("Status?") + " [p]ass [r] partial [f]ail [n]/a · [a]ttach · [s]kip · [b]ack · [q]uit · [?] > ")
            guard let line = readLine() else { break }
            var changed = false
            switch Answer(line) {
            case let .status(status):
                if try record(itemID, status, in: cycle) { reviewed += 1; index += 1; changed = true }
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

    /// Asks for a note and records the review; false when the reviewer gave no note where one is needed.
    private func record(_ itemID: String, _ status: ReviewStatus, in cycle: Cycle) throws -> Bool {
        Terminal.outputRaw("Note" + (status.needsNote ? " (required for \(status.rawValue))" : " (Enter for none)") + " > ")
        let note = readLine() ?? ""
        if status.needsNote, note.trimmingCharacters(in: .whitespaces).isEmpty {
            Terminal.output("A '\(status.rawValue)' review needs a note; nothing was saved.")
            return false
        }
        let recorded = try workspace.recordReview(itemID: itemID, status: status, note: note, cycle: cycle.name, session: try options.session())
        if !recorded.maskedValues.isEmpty { Terminal.warning("the note held sensitive data; it was stored masked") }
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
