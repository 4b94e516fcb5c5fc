@testable import EvidentCore
import Testing

/// The audit chain: each hash covers its entry and the one before.
@Suite struct AuditChainTests {
    func chain(_ count: Int) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        var previous = AuditEntry.genesisHash
        for seq in 1...Int64(count) {
            let at = Timestamp(seconds: 1_790_000_000 + seq)
            let hash = AuditChain.hash(seq: seq, at: at, actor: "a", action: "review.record", cycleID: 1, itemID: "keys.x",
                                       subject: "keys.x", payload: "{\"n\":\(seq)}", previousHash: previous)
            entries.append(AuditEntry(seq: seq, at: at, actor: "a", action: "review.record", cycleID: 1, itemID: "keys.x",
                                      subject: "keys.x", payload: "{\"n\":\(seq)}", previousHash: previous, hash: hash))
            previous = hash
        }
        return entries
    }

    @Test func anIntactChainHasNoBreaks() {
        #expect(AuditChain.check(chain(5)).isEmpty)
    }

    @Test func aChangedFieldBreaksItsEntry() {
        var entries = chain(5)
        entries[2].actor = "mallory"
        #expect(AuditChain.check(entries) == [AuditChain.Break(seq: 3, problem: "its content does not match its hash (review.record keys.x)")])
    }

    @Test func aRehashedEntryStillBreaksTheLinkAfterIt() {
        var entries = chain(5)
        entries[2].payload = "{\"n\":99}"
        entries[2].hash = AuditChain.expectedHash(of: entries[2])
        #expect(AuditChain.check(entries).map(\.seq) == [4])
    }

    @Test func aRemovedEntryIsNamed() {
        var entries = chain(5)
        entries.remove(at: 1)
        let breaks = AuditChain.check(entries)
        #expect(breaks.contains(AuditChain.Break(seq: 3, problem: "entries 2–2 are missing")))
    }

    @Test func hashesDependOnEveryField() {
        let base = chain(1)[0]
        var variants: [AuditEntry] = []
        for change in 0..<6 {
            var entry = base
            switch change {
            case 0: entry.at = Timestamp(seconds: 1)
            case 1: entry.action = "x"
            case 2: entry.cycleID = nil
            case 3: entry.itemID = nil
            case 4: entry.subject = "y"
            default: entry.previousHash = String(repeating: "1", count: 64)
            }
            variants.append(entry)
        }
        #expect(variants.allSatisfy { AuditChain.expectedHash(of: $0) != base.hash })
    }
}
