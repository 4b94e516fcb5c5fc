import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// Hostile text in titles, notes, file names and URLs comes out inert in every format.
@Suite struct ReportInjectionTests {
    static func hostileReport() throws -> AuditReport {
        let hostile = HostileStrings.combined
        let item = ChecklistItem(
            id: "keys.hostile", title: hostile, description: hostile, subsection: hostile, guidance: hostile,
            evidence: [ExpectedEvidence(kind: .note, description: hostile)], references: [hostile],
            source: SourceQuote(section: hostile, quote: hostile))
        let checklist = Checklist(
            id: "hostile", title: hostile, version: "1", description: hostile, source: hostile,
            sections: [ChecklistSection(id: "keys", title: hostile, description: hostile, items: [item])])
        let test = try TestWorkspace()
        try test.start(checklist)
        try test.attach("keys.hostile", .note(hostile))
        try test.attach("keys.hostile", .url("https://example.com/?q=\"><script>alert(1)</script>"))
        try test.attachFile("keys.hostile", name: "\"><img onerror=alert(1)>.txt", "content\n")
        try test.review("keys.hostile", .fail, hostile)
        return try test.report()
    }

    @Test func htmlHasNoActiveMarkup() throws {
        let html = try ReportRenderer.render(try Self.hostileReport(), as: .html, templates: try TemplateSet.builtIn())
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(!html.contains("\u{202E}") && !html.contains("\u{1B}") && !html.contains("\u{07}"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Content-Security-Policy"))
    }

    @Test func markdownCannotBreakATableOrInjectMarkup() throws {
        let markdown = try ReportRenderer.render(try Self.hostileReport(), as: .md, templates: try TemplateSet.builtIn())
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("<img"))
        #expect(!markdown.replacingOccurrences(of: "\\]", with: "").contains("](javascript:"), "every link bracket is escaped")
        #expect(!markdown.contains("\u{202E}") && !markdown.contains("\u{1B}"))
        var tableWidth: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { tableWidth = nil; continue }
            var pipes = 0
            var previous: Character = " "
            for character in line {
                if character == "|", previous != "\\" { pipes += 1 }
                previous = character
            }
            if let width = tableWidth {
                #expect(pipes == width, "a row keeps as many cells as its header: \(line)")
            } else {
                tableWidth = pipes
            }
        }
        #expect(!markdown.contains("\n# heading"))
    }

    @Test func csvCellsAreQuotedAndFormulasNeutralised() throws {
        let csv = try ReportRenderer.render(try Self.hostileReport(), as: .csv, templates: try TemplateSet.builtIn())
        let records = try CSV.parse(csv)
        #expect(records.count == 2)
        #expect(records[1].fields.count == records[0].fields.count)
        let title = records[1].fields[2]
        #expect(title.hasPrefix("<script>"))
        let note = records[1].fields[5]
        #expect(note == TextSanitizer.visible(HostileStrings.combined))
        let formula = CSV.field(HostileStrings.formula)
        #expect(formula.hasPrefix("\"'="))
    }

    @Test func jsonCarriesTheTextAsData() throws {
        let json = try ReportRenderer.render(try Self.hostileReport(), as: .json, templates: try TemplateSet.builtIn())
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let checklist = decoded?["checklist"] as? [String: Any]
        #expect(checklist?["title"] as? String == HostileStrings.combined)
    }

    @Test func userTextIsNeverTakenForTemplateTags() throws {
        let html = try ReportRenderer.render(try Self.hostileReport(), as: .html, templates: try TemplateSet.builtIn())
        #expect(html.contains("{{title}}"))
    }
}
