@testable import EvidentCore
import Testing

/// The layout of a line: where literals, interpolations and comments are.
@Suite struct LineLayoutTests {
    private func layout(_ text: String, _ language: SourceLanguage) -> LineLayout {
        LineLayout(Array(text.utf8), language: language)
    }

    @Test func findsLiteralsInterpolationsAndTrailingComments() {
        let line = layout(#"const q = `a ${b['c']} d`; // note "x""#, .javascript)
        #expect(line.literals.count == 1)
        #expect(line.literals.first?.interpolations.count == 1)
        #expect(line.commentStart == 27)
        #expect(line.isCode(6) && !line.isCode(11) && line.isCode(14) && !line.isCode(30))
    }

    @Test func aSwiftRawStringClosesOnlyOnItsHashes() {
        let line = layout(##"let s = #"say "hi" \(x)"#; let t = 1"##, .swift)
        #expect(line.literals.count == 1)
        #expect(line.literals.first?.end == 25)
        #expect(line.literals.first?.interpolations.isEmpty == true)
    }

    @Test func hashCommentsNeedASpaceInShellAndYAML() {
        #expect(layout("url: http://x/#anchor # real comment", .yaml).commentStart == 22)
        #expect(layout("x = 1  # comment 'quoted'", .python).commentStart == 7)
        #expect(layout("#[Attribute] function f() {}", .php).commentStart == 28)
    }

    @Test func anApostropheInProseDoesNotOpenALiteral() {
        let line = layout("description: it's fine # comment", .yaml)
        #expect(line.literals.isEmpty)
        #expect(line.commentStart == 23)
    }
}
