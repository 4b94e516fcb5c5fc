import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// Unusual cycles still render: nothing reviewed, an empty section, ten thousand items.
@Suite struct ReportShapeTests {
    @Test func aCycleWithNoReviewsRenders() throws {
        let test = try TestWorkspace()
        try test.start(try TestChecklists.minimal(), scope: ["handles-card-data"])
        let report = try test.report()
        #expect(report.summary.counts.pending == 4)
        for format in [ReportFormat.md, .html, .json, .csv] {
            #expect(!(try ReportRenderer.render(report, as: format, templates: try TemplateSet.builtIn())).isEmpty)
        }
    }

    @Test func anEmptySectionRenders() throws {
        var checklist = try TestChecklists.minimal()
        checklist.sections.append(ChecklistSection(id: "empty", title: "Nothing here", items: []))
        let test = try TestWorkspace()
        try test.start(checklist)
        let html = try ReportRenderer.render(try test.report(), as: .html, templates: try TemplateSet.builtIn())
        #expect(html.contains("This section has no items."))
    }

    @Test func tenThousandItemsRender() throws {
        let test = try TestWorkspace()
        try test.start(TestChecklists.generated(items: 10_000))
        let report = try test.report()
        #expect(report.summary.items == 10_000)
        let html = try ReportRenderer.render(report, as: .html, templates: try TemplateSet.builtIn())
        #expect(html.components(separatedBy: "<article class=\"item\"").count == 10_001)
        let csv = try ReportRenderer.render(report, as: .csv, templates: try TemplateSet.builtIn())
        #expect(csv.components(separatedBy: "\r\n").count == 10_002)
    }
}
