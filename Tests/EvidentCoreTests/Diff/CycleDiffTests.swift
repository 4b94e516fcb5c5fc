@testable import EvidentCore
import EvidentTestSupport
import Testing

/// How status moves count (SPEC §4), and a diff over two real cycles.
@Suite struct CycleDiffTests {
    @Test(arguments: [
        (ItemStatus.pass, ItemStatus.fail, CycleDiff.Kind.regression),
        (.pass, .partial, .regression),
        (.partial, .fail, .regression),
        (.pass, .pending, .unreviewed),
        (.partial, .pending, .unreviewed),
        (.fail, .pass, .improvement),
        (.fail, .partial, .improvement),
        (.partial, .pass, .improvement),
        (.fail, .pending, .unreviewed),
        (.pending, .pass, .change),
        (.pending, .fail, .change),
        (.pass, .na, .change),
        (.na, .fail, .change),
        (.pass, .pass, .unchanged),
        (.pending, .pending, .unchanged),
        (.na, .na, .unchanged),
    ])
    func classifiesEveryMove(from: ItemStatus, to: ItemStatus, kind: CycleDiff.Kind) {
        #expect(CycleDiff.classify(CycleDiff.Move(item: "x", from: from, to: to)) == kind)
    }

    @Test func comparesItemsVersionsAndEvidence() throws {
        let test = try TestWorkspace()
        var checklist = try TestChecklists.minimal()
        try test.start(checklist, cycle: "A", scope: ["handles-card-data"])
        try test.review("keys.no-hardcoded-keys", .pass, "clean")
        try test.review("keys.rotation", .fail, "late")
        try test.review("data.retention", .partial, "draft")
        try test.review("data.pci.segmentation", .pass, "segmented")
        try test.attach("keys.rotation", .note("kept"))
        try test.attach("data.retention", .note("dropped"))
        try test.attach("keys.no-hardcoded-keys", .note("old"), expires: "2026-10-01T09:30:00Z")
        _ = try test.workspace.closeCycle(name: "A", session: test.session())
        checklist.version = "2"
        checklist.sections[0].items[1].title = "API keys are rotated at least every 60 days"
        checklist.sections[1].items.removeLast()
        checklist.sections[1].items.append(ChecklistItem(id: "data.masking", title: "Card numbers are masked"))
        _ = try test.workspace.load([checklist], session: test.session())
        _ = try test.workspace.startCycle(name: "B", checklistID: nil, scope: ["handles-card-data"], carryForward: true, session: test.session())
        try test.review("keys.rotation", .pass, "rotated")
        try test.review("data.pci.segmentation", .na, "no card data any more")
        try test.attach("keys.rotation", .note("new"))
        let (diff, _, _) = try test.workspace.diff("A", "B", now: test.now)
        #expect(diff.regressions.isEmpty, "a move to pending is not a regression")
        #expect(diff.unreviewed == [CycleDiff.Move(item: "keys.no-hardcoded-keys", from: .pass, to: .pending)])
        #expect(diff.improvements == [CycleDiff.Move(item: "keys.rotation", from: .fail, to: .pass)])
        #expect(diff.statusChanges == [CycleDiff.Move(item: "data.pci.segmentation", from: .pass, to: .na)])
        #expect(diff.unchanged == 0)
        #expect(diff.addedItems == ["data.masking"])
        #expect(diff.removedItems == ["data.retention"])
        #expect(diff.changedItems == ["keys.rotation"])
        #expect(diff.evidence == CycleDiff.EvidenceDelta(added: 1, removed: 1, reused: 2, expired: 0))
        let later = try test.workspace.diff("A", "B", now: Timestamp(iso8601: "2026-10-01T09:30:00Z")!).0
        #expect(later.evidence.expired == 1, "the carried \"old\" note expires at 09:30")
    }
}
