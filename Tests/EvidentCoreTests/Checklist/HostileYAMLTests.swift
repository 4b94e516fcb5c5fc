import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// Hostile files are refused with a located error, without crashing or expanding anything.
@Suite struct HostileYAMLTests {
    let builder = ChecklistBuilder()

    func errors(_ result: ChecklistLoadResult) -> [String] {
        #expect(result.checklist == nil)
        return result.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test func aliasBombIsRefusedAtEveryAliasWithoutExpansion() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1..<30 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 9).joined(separator: ", "))]\n"
        }
        let found = errors(builder.with("01-keys.yaml", text).load())
        #expect(found.contains("dir/01-keys.yaml:2:10: error: YAML aliases (*a0) are not allowed in checklists; write the value out in full"))
        #expect(found.filter { $0.contains("YAML aliases") }.count == 29 * 9)
    }

    @Test func aliasUsedAsAMappingKeyIsRefused() {
        let text = "base: &k [1, 2]\n? *k\n: value\n"
        let found = errors(builder.with("01-keys.yaml", text).load())
        #expect(found.contains("dir/01-keys.yaml:2:3: error: YAML aliases (*k) are not allowed in checklists; write the value out in full"))
    }

    /// The 65th bracket is the level that is too deep, however many follow it.
    @Test(arguments: [100, 100_000])
    func deepFlowNestingIsRefusedAtTheLevelThatIsTooDeep(levels: Int) {
        let text = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
        let found = errors(builder.with("01-keys.yaml", text).load())
        #expect(found == ["dir/01-keys.yaml:1:65: error: values are nested more than 64 levels deep"])
    }

    @Test func deepBlockNestingIsRefused() {
        var text = ""
        for depth in 0..<200 { text += String(repeating: " ", count: depth) + "k\(depth):\n" }
        let found = errors(builder.with("01-keys.yaml", text).load())
        #expect(found == ["dir/01-keys.yaml:65:65: error: values are nested more than 64 levels deep"])
    }

    @Test func invalidUTF8IsLocated() {
        var bytes = Array("section:\n  id: keys\n  title: Caf".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\nitems: []\n".utf8)
        let found = errors(builder.loadSection(bytes: bytes))
        #expect(found == ["dir/01-keys.yaml:3:13: error: the file is not valid UTF-8 text"])
    }

    @Test func controlCharactersAreLocated() {
        let bytes = Array("section:\n  id: keys\n  title: A\u{0}B\n".utf8)
        let found = errors(builder.loadSection(bytes: bytes))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("dir/01-keys.yaml:3:11: error: invalid YAML: control characters are not allowed") == true)
    }

    @Test func aFileThatIsNotAMappingIsRefused() {
        let list = errors(builder.with("01-keys.yaml", "- one\n- two\n").load())
        #expect(list == ["dir/01-keys.yaml:1:1: error: a section file must be a mapping, found a list"])
        let scalar = errors(builder.with("checklist.yaml", "just text\n").load())
        #expect(scalar == ["dir/checklist.yaml:1:1: error: checklist.yaml must be a mapping, found a string"])
    }

    @Test func emptyAndCommentOnlyFilesAreRefused() {
        let empty = errors(builder.with("01-keys.yaml", "").load())
        #expect(empty == ["dir/01-keys.yaml:1:1: error: the file is empty; it needs 'section' and 'items'"])
        let comments = errors(builder.with("01-keys.yaml", "# nothing here\n\n").load())
        #expect(comments == ["dir/01-keys.yaml:1:1: error: the file is empty; it needs 'section' and 'items'"])
    }

    @Test func aSecondDocumentIsRefused() {
        let found = errors(builder.with("01-keys.yaml", ChecklistBuilder.section + "---\nsection: {}\n").load())
        #expect(found == ["dir/01-keys.yaml:7:1: error: a checklist file holds one YAML document; found a second one"])
    }

    @Test func syntaxErrorsAreLocated() {
        let unclosed = errors(builder.with("01-keys.yaml", "section:\n  id: \"keys\n  title: x\n").load())
        #expect(unclosed.count == 1)
        #expect(unclosed.first?.hasPrefix("dir/01-keys.yaml:4:1: error: invalid YAML: found unexpected end of stream") == true)
        let tab = errors(builder.with("01-keys.yaml", "section:\n\tid: keys\n").load())
        #expect(tab.count == 1)
        #expect(tab.first?.hasPrefix("dir/01-keys.yaml:2:1: error: invalid YAML:") == true)
    }

    @Test func tooManyValuesAreRefused() {
        let text = "section: [" + String(repeating: "1,", count: 600_000) + "1]\n"
        let found = errors(builder.with("01-keys.yaml", text).load())
        #expect(found == ["dir/01-keys.yaml:1:1000005: error: the document has more than 500000 values; it is too large to be a checklist"])
    }

    @Test func hugeFilesAreRefusedBeforeReading() throws {
        let directory = TemporaryDirectory()
        let path = Fixtures.copyChecklist("minimal", into: directory)
        let handle = FileManager.default.createFile(atPath: path + "/03-huge.yaml", contents: nil)
        #expect(handle)
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path + "/03-huge.yaml"))
        try file.truncate(atOffset: 17 * 1024 * 1024)
        try file.close()
        let result = try ChecklistLoader.load(directory: path)
        #expect(errors(result) == ["\(path)/03-huge.yaml:1:1: error: the file is 17825792 bytes; checklist files are limited to 16777216 bytes"])
    }

    @Test func aByteOrderMarkIsAccepted() {
        let result = builder.loadSection(bytes: [0xEF, 0xBB, 0xBF] + Array(ChecklistBuilder.section.utf8))
        #expect(result.checklist != nil, "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func explicitTagsDoNotSmuggleTypes() {
        let text = "section:\n  id: keys\n  title: !!int 12\nitems:\n  - id: keys.a\n    title: !!str 12\n"
        let found = errors(builder.with("01-keys.yaml", text).load())
        #expect(found == ["dir/01-keys.yaml:3:10: error: 'title' in section must be text, found an integer; put it in quotes: title: \"12\""])
    }
}
