@testable import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// Name-based UUIDs, and user text fitted into OSCAL's string types, hostile text included.
@Suite struct OSCALTextTests {
    @Test func version5UUIDsMatchTheStandardsTestVector() {
        // RFC 4122's version-5 UUID of "python.org" in the DNS namespace (also Python's uuid5).
        #expect(OSCALUUID.named("python.org", in: .dnsNamespace).description == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(OSCALUUID.named("a") == OSCALUUID.named("a"))
        #expect(OSCALUUID.named("a") != OSCALUUID.named("b"))
    }

    @Test func oneLineTextHasNoBreaksControlsOrOuterBlanks() {
        #expect(OSCALText.line("  a\n\tb\u{07}c \u{FEFF}", fallback: "x") == "a b c")
        #expect(OSCALText.line(" \n\u{2028} ", fallback: "x") == "x")
        #expect(OSCALText.line(nil, fallback: "x") == "x")
    }

    @Test func markdownLiteralEscapesWhatMarkdownActsOn() {
        #expect(OSCALText.markdownLiteral("[x](javascript:alert(1)) <b>") == "\\[x\\](javascript:alert(1)) \\<b\\>")
        #expect(OSCALText.markdownLiteral("# title\n- item\n12. twelve\nv1.0 and 3 + 4") == "\\# title\n\\- item\n12\\. twelve\nv1.0 and 3 + 4")
        #expect(OSCALText.inline("1.0.0") == "1.0.0")
    }

    @Test func uriReferencesArePercentEncodedOnlyWhereNeeded() {
        #expect(OSCALText.uriReference("evidence/keys.rotation/ab12-log.csv") == "evidence/keys.rotation/ab12-log.csv")
        #expect(OSCALText.uriReference("https://x.example/a b?q=\"<>\"#f#g") == "https://x.example/a%20b?q=%22%3C%3E%22#f%23g")
        #expect(OSCALText.uriReference("50%25 and 50%") == "50%25%20and%2050%25")
        #expect(OSCALText.uriReference("é") == "%C3%A9")
    }

    @Test func hostileTextStillFitsEveryStringType() throws {
        let hostile = HostileStrings.combined + "\n  trailing  "
        let report = try OSCALAssessmentResultsTests.report(reviewer: " \(hostile) ", note: hostile)
        let text = try OSCALAssessmentResults.render(report)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let oneLine = ["title", "name", "value", "version", "target-id", "control-id", "role-id", "algorithm", "href"]
        for (key, value) in JSONTree.pairs(in: root) where oneLine.contains(key) {
            #expect(!value.isEmpty && !value.contains("\n"), "\(key): \(value)")
            #expect(value.unicodeScalars.first.map(OSCALText.isBlank) == false, "\(key) starts blank: \(value)")
            #expect(value.unicodeScalars.last.map(OSCALText.isBlank) == false, "\(key) ends blank: \(value)")
        }
        for (key, value) in JSONTree.pairs(in: root) where ["remarks", "prose", "title"].contains(key) {
            let live = Self.withoutEscapes(value)
            #expect(!live.contains("<script") && !live.contains("<img"), "\(key) holds live markup: \(value)")
            #expect(!live.contains("](javascript:"), "\(key) holds a live link: \(value)")
        }
        let note = try #require(report.sections[0].items[0].note)
        #expect(JSONTree.strings(in: root, key: "remarks").contains(OSCALText.markdownLiteral(note)), "notes are kept whole")
    }

    /// `text` less every backslash escape: what a Markdown renderer would act on.
    static func withoutEscapes(_ text: String) -> String {
        var output = ""
        var escaping = false
        for character in text {
            if escaping { escaping = false; continue }
            if character == "\\" { escaping = true; continue }
            output.append(character)
        }
        return output
    }
}
