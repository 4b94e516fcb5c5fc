import Foundation

/// Content hashes of checklists and items: what identifies a version and what `diff` compares.
public enum ChecklistContent {
    /// Every item's definition hash, in checklist order, computed on both cores.
    public static func definitionHashes(_ checklist: Checklist) -> [String] {
        let items = checklist.items
        let results = HashResults(count: items.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(8, items.count / 64))) { part in
            let parts = max(1, min(8, items.count / 64))
            for index in stride(from: part, to: items.count, by: parts) { results.set(index, definitionHash(items[index])) }
        }
        return results.values
    }

    /// Hashes written by index from several threads.
    private final class HashResults: @unchecked Sendable {
        // Unchecked: every access goes through `lock`; each index is written by one thread only.
        private let lock = NSLock()
        private var hashes: [String]

        init(count: Int) { hashes = Array(repeating: "", count: count) }

        func set(_ index: Int, _ hash: String) { lock.withLock { hashes[index] = hash } }

        var values: [String] { lock.withLock { hashes } }
    }

    /// The SHA-256 of the checklist's normalised content (canonical JSON of every field).
    public static func hash(_ checklist: Checklist) -> String {
        Digest.sha256(CanonicalJSON.data(checklist))
    }

    /// The SHA-256 of one item's definition: title, description, guidance, severity and the rest.
    public static func definitionHash(_ item: ChecklistItem) -> String {
        Digest.sha256(CanonicalJSON.data(item))
    }
}
