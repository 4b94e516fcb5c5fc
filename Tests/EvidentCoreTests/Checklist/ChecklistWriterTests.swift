@testable import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// The checklist writer: whatever a `Checklist` holds, `ChecklistLoader` reads the files back as
/// the same value, without a diagnostic.
@Suite struct ChecklistWriterTests {
    /// Loads the writer's files of `checklist` in memory.
    static func roundTrip(_ checklist: Checklist) -> ChecklistLoadResult {
        ChecklistLoader.load(files: ChecklistWriter.checklistFiles(ChecklistWriter.files(checklist), directory: "out"), directory: "out")
    }

    /// Texts YAML could misread: indicators, documents markers, types, breaks, quotes and escapes.
    static let awkward: [String] = HostileStrings.all + [
        "null", "true", "~", "1.0", "0x1F", "-", "- list", "? key", ": value", "#comment", "a: b", "a #b", "'single'",
        "\"double\"", "back\\slash", "tab\there", "---", "...", "|", ">", "&anchor", "*alias", "!tag", "%directive", "@at", "`tick`",
        "ü — 中文 🙂", "nel\u{85}x", "line\u{2028}sep", "bom\u{FEFF}x", "del\u{7F}x", "c1\u{9B}x", " leading space", "trailing space ",
        "two\nlines", "ends with break\n", "\nstarts with break", "  indented\nlines", "a\n\n\nb", "crlf\r\nline", "cr\ronly",
        "tab\n\tindented", "spaces\n   \nline", "many breaks\n\n", "- one\n- two\n\n1. three", "{{ insert: param, x }}",
    ]

    @Test func theFixtureChecklistRoundTrips() throws {
        let checklist = try TestChecklists.minimal()
        let result = Self.roundTrip(checklist)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.checklist == checklist)
    }

    @Test func aLargeChecklistRoundTripsWithNumberedSectionFiles() {
        let checklist = TestChecklists.generated(items: 1000, sections: 120)
        let names = ChecklistWriter.files(checklist).map(\.name)
        #expect(names.first == "checklist.yaml" && names[1] == "001-s0.yaml" && names.last == "120-s119.yaml")
        #expect(Self.roundTrip(checklist).checklist == checklist)
    }

    @Test func everyAwkwardStringRoundTripsInEveryField() {
        for text in Self.awkward {
            let oneLine = text.contains(where: \.isNewline) ? text.replacingOccurrences(of: "\n", with: " ") : text
            let item = ChecklistItem(
                id: "keys.item", title: "Title " + oneLine.filter { !$0.isNewline }, description: text, subsection: "Sub " + oneLine.filter { !$0.isNewline },
                severity: .critical, guidance: text, evidence: [ExpectedEvidence(kind: .file, description: text)], maxAgeDays: 30,
                references: [text, "NIST SP 800-53 rev5 AC-2(1)"], source: SourceQuote(section: text, quote: text),
                checks: ["hardcoded-api-key"], appliesWhen: ["handles-card-data"])
            let checklist = Checklist(
                id: "awkward", title: "Checklist " + oneLine.filter { !$0.isNewline }, version: text.contains(where: \.isNewline) ? "1.0" : text,
                description: text, source: text,
                sections: [ChecklistSection(id: "keys", title: "Section " + oneLine.filter { !$0.isNewline }, description: text, items: [item])])
            let result = Self.roundTrip(checklist)
            #expect(result.diagnostics.isEmpty, "\(text.debugDescription): \(result.diagnostics)")
            #expect(result.checklist == checklist, "\(text.debugDescription)")
        }
    }

    @Test func randomTextRoundTrips() {
        var generator = SeededGenerator(seed: 2026)
        let alphabet = Array("ab :#-\n\t\r\"'\\|>{}[],&*!%@`?~ü中🙂\u{85}\u{2028}\u{FEFF}\u{7}\u{1B}\u{9C}0.")
        for _ in 0..<400 {
            let length = Int.random(in: 1...24, using: &generator)
            var text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            if text.allSatisfy({ $0.isWhitespace }) { text += "x" }
            let item = ChecklistItem(id: "keys.item", title: "Title", description: text, guidance: text, references: [text])
            let checklist = Checklist(id: "random", title: "Random", version: "1", sections: [
                ChecklistSection(id: "keys", title: "Keys", items: [item])])
            let result = Self.roundTrip(checklist)
            #expect(result.checklist == checklist, "\(text.debugDescription): \(result.diagnostics)")
        }
    }

    @Test func multiLineTextIsWrittenAsALiteralBlockAndNamesPlain() {
        #expect(YAMLScalar.value("- **a.** one\n- **b.** two", indent: 6) == "|-\n      - **a.** one\n      - **b.** two")
        #expect(YAMLScalar.value("para\n\nnext\n", indent: 2) == "|\n  para\n\n  next")
        #expect(YAMLScalar.value("ac.ac-2.1", indent: 4) == "ac.ac-2.1")
        #expect(YAMLScalar.value("null", indent: 4) == "\"null\"")
        #expect(YAMLScalar.value("1.0", indent: 4) == "\"1.0\"")
        #expect(YAMLScalar.value("say \"hi\"\\", indent: 4) == "\"say \\\"hi\\\"\\\\\"")
        #expect(YAMLScalar.value("  indented\nblock", indent: 4) == "\"  indented\\nblock\"")
        #expect(YAMLScalar.doubleQuoted("bell\u{7} nel\u{85} bom\u{FEFF}") == "\"bell\\u0007 nel\\u0085 bom\\uFEFF\"")
    }

    @Test func theDirectoryWriterRefusesToMixIntoOtherFiles() throws {
        let directory = TemporaryDirectory()
        let checklist = try TestChecklists.minimal()
        let target = directory.path("out")
        try ChecklistWriter.write(checklist, to: target, replacing: false)
        #expect(try ChecklistLoader.load(directory: target).checklist == checklist)
        #expect(throws: ChecklistWriteError.notEmpty(path: target)) { try ChecklistWriter.write(checklist, to: target, replacing: false) }
        directory.write("out/99-stale.yaml", "section: {id: stale, title: Stale}\nitems: []\n")
        directory.write("out/notes.txt", "kept")
        try ChecklistWriter.write(checklist, to: target, replacing: true)
        #expect(try ChecklistLoader.load(directory: target).checklist == checklist, "stale section files are removed")
        #expect(directory.read("out/notes.txt") == "kept")
        directory.write("other/notes.txt", "mine")
        #expect(throws: ChecklistWriteError.notAChecklist(path: directory.path("other"))) {
            try ChecklistWriter.write(checklist, to: directory.path("other"), replacing: true)
        }
        let underFile = directory.path("other/notes.txt/sub")
        #expect(throws: ChecklistWriteError.self) { try ChecklistWriter.write(checklist, to: underFile, replacing: false) }
        #expect(directory.read("other/notes.txt") == "mine")
    }
}

/// A small deterministic generator (SplitMix64), so a failing random case is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
