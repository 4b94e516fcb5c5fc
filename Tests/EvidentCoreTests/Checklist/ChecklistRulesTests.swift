@testable import EvidentCore
import EvidentTestSupport
import Testing

/// The value-level check an import runs before writing files.
@Suite struct ChecklistRulesTests {
    @Test func aLoadedChecklistKeepsEveryRule() throws {
        let checklist = try #require(ShippedChecklists.load("liasonpay").checklist)
        #expect(ChecklistRules.problems(of: checklist).isEmpty)
        #expect(ChecklistRules.problems(of: TestChecklists.generated(items: 100)).isEmpty)
    }

    @Test func brokenValuesAreNamed() throws {
        var checklist = try TestChecklists.minimal()
        checklist.sections[0].items[0].id = "data.misplaced"
        checklist.sections[0].items[1].title = "two\nlines"
        checklist.sections[1].items[0].checks = ["no-such-detector"]
        checklist.sections[1].items.append(checklist.sections[1].items[1])
        #expect(ChecklistRules.problems(of: checklist) == [
            "item id 'data.misplaced'", "item 'keys.rotation' title", "item 'data.pci.segmentation' checks", "item id 'data.retention'",
        ])
    }
}
