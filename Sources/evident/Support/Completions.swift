import ArgumentParser
import EvidentCore
import Foundation

/// Shell completions that read item ids, cycle names and checklist ids from the workspace the
/// command line names (`--db PATH`, else `$EVIDENT_DB`, else the nearest `.evident/evident.db`).
enum Completions {
    static let items = CompletionKind.custom { words, index, _ in candidates(.itemID, words, index) }
    static let cycles = CompletionKind.custom { words, index, _ in candidates(.cycleName, words, index) }
    static let checklists = CompletionKind.custom { words, index, _ in candidates(.checklistID, words, index) }

    private static func candidates(_ kind: CompletionCandidates.Kind, _ words: [String], _ index: Int) -> [String] {
        let prefix = index < words.count ? words[index] : ""
        var database: String?
        for (position, word) in words.enumerated() {
            if word == "--db", position + 1 < words.count { database = words[position + 1] }
            if word.hasPrefix("--db=") { database = String(word.dropFirst(5)) }
        }
        let location = WorkspaceLocation.resolve(db: database, environment: ProcessInfo.processInfo.environment)
        return CompletionCandidates.list(kind, prefix: prefix, location: location)
    }
}
