import EvidentCore
import EvidentTestSupport
import Testing

/// The loader accepts valid checklists whole and reports each rule of SPEC §2 at its exact place.
@Suite struct ChecklistLoaderTests {
    /// The only error of `result`, failing the test when there is not exactly one diagnostic.
    func onlyDiagnostic(_ result: ChecklistLoadResult, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        #expect(result.checklist == nil, sourceLocation: sourceLocation)
        #expect(result.diagnostics.count == 1, "\(result.diagnostics)", sourceLocation: sourceLocation)
        return result.diagnostics.first?.description ?? ""
    }

    func section(items: String, id: String = "keys") -> String {
        "section:\n  id: \(id)\n  title: Section\nitems:\n" + items
    }

    @Test func loadsTheFixtureChecklistWithEveryField() throws {
        let result = try ChecklistLoader.load(directory: Fixtures.path("checklists/minimal"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let checklist = try #require(result.checklist)
        #expect(checklist.id == "demo-checklist")
        #expect(checklist.version == "1.0.0")
        #expect(checklist.format == 1)
        #expect(checklist.sections.map(\.id) == ["keys", "data"])
        let first = checklist.sections[0].items[0]
        #expect(first.severity == .critical)
        #expect(first.subsection == "Secure Storage")
        #expect(first.evidence == [ExpectedEvidence(kind: .scan, description: "A clean scan for hard-coded keys")])
        #expect(first.references == ["NIST SP 800-53 rev5 IA-5(7)"])
        #expect(first.source?.quote == "Never hardcode API keys in your application code or client-side JavaScript")
        #expect(first.checks == ["hardcoded-api-key"])
        #expect(first.guidance == "Keep keys in the environment or a secrets manager.\n")
        #expect(checklist.sections[0].items[1].maxAgeDays == 90)
        #expect(checklist.sections[1].items[0].appliesWhen == ["handles-card-data"])
        #expect(checklist.sections[1].items[0].severity == .medium)
    }

    @Test func unknownKeySuggestsTheClosestKnownKey() {
        let result = ChecklistBuilder().with("01-keys.yaml", section(items: "  - id: keys.a\n    title: A\n    severty: high\n")).load()
        #expect(onlyDiagnostic(result) == "dir/01-keys.yaml:7:5: error: unknown key 'severty' in item 'keys.a'; did you mean 'severity'?")
    }

    @Test func unknownKeyFarFromAnyListsTheAllowedKeys() {
        let result = ChecklistBuilder().with("checklist.yaml", ChecklistBuilder.header + "owner: me\n").load()
        #expect(onlyDiagnostic(result) == "dir/checklist.yaml:4:1: error: unknown key 'owner' in checklist.yaml (allowed: id, title, version, description, source, format)")
    }

    @Test func misspeltSeverityValueSuggestsTheValue() {
        let result = ChecklistBuilder().with("01-keys.yaml", section(items: "  - id: keys.a\n    title: A\n    severity: hgh\n")).load()
        #expect(onlyDiagnostic(result) == "dir/01-keys.yaml:7:15: error: unknown severity 'hgh' in item 'keys.a'; did you mean 'high'? (one of: critical, high, medium, low)")
    }

    @Test func misspeltEvidenceKindSuggestsTheKind() {
        let result = ChecklistBuilder().with("01-keys.yaml", section(items: "  - id: keys.a\n    title: A\n    evidence:\n      - kind: fiel\n")).load()
        #expect(onlyDiagnostic(result) == "dir/01-keys.yaml:8:15: error: unknown kind 'fiel' in an evidence entry of item 'keys.a'; did you mean 'file'? (one of: file, url, note, scan)")
    }

    @Test func wrongTypeIsReportedAtTheValue() {
        let result = ChecklistBuilder().with("01-keys.yaml", section(items: "  - id: keys.a\n    title: [one, two]\n")).load()
        #expect(onlyDiagnostic(result) == "dir/01-keys.yaml:6:12: error: 'title' in item 'keys.a' must be text, found a list")
    }

    @Test func unquotedNumberVersionAsksForQuotes() {
        let header = "id: test-checklist\ntitle: T\nversion: 1.0\n"
        let result = ChecklistBuilder().with("checklist.yaml", header).load()
        #expect(onlyDiagnostic(result) == "dir/checklist.yaml:3:10: error: 'version' in checklist.yaml must be text, found a number; put it in quotes: version: \"1.0\"")
    }

    @Test func missingRequiredKeyIsReportedAtItsMapping() {
        let result = ChecklistBuilder().with("01-keys.yaml", section(items: "  - id: keys.a\n    severity: low\n")).load()
        #expect(onlyDiagnostic(result) == "dir/01-keys.yaml:5:5: error: item 'keys.a' is missing the required key 'title'")
    }

    @Test func duplicateMappingKeyNamesTheFirst() {
        let result = ChecklistBuilder().with("01-keys.yaml", section(items: "  - id: keys.a\n    title: A\n    title: B\n")).load()
        #expect(onlyDiagnostic(result) == "dir/01-keys.yaml:7:5: error: duplicate key 'title' in item 'keys.a'; first given at line 6")
    }

    @Test func duplicateItemIDInOneFile() {
        let items = "  - id: keys.a\n    title: A\n  - id: keys.a\n    title: B\n"
        let result = ChecklistBuilder().with("01-keys.yaml", section(items: items)).load()
        #expect(onlyDiagnostic(result) == "dir/01-keys.yaml:7:9: error: duplicate item id 'keys.a'; first defined at line 5")
    }

    @Test func duplicateSectionAcrossFilesIsReported() {
        let result = ChecklistBuilder().with("02-more.yaml", ChecklistBuilder.section).load()
        #expect(result.checklist == nil)
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains("dir/02-more.yaml:2:7: error: duplicate section id 'keys'; also in dir/01-keys.yaml"))
        #expect(messages.contains("dir/02-more.yaml:5:9: error: duplicate item id 'keys.rotation'; first defined at dir/01-keys.yaml:5:9"))
    }

    @Test func emptyItemsListIsAnError() {
        let result = ChecklistBuilder().with("01-keys.yaml", "section:\n  id: keys\n  title: K\nitems: []\n").load()
        #expect(onlyDiagnostic(result) == "dir/01-keys.yaml:4:8: error: 'items' must list at least one item")
    }

    @Test func sectionFileWithoutSectionIsAnError() {
        let result = ChecklistBuilder().with("01-keys.yaml", "items:\n  - id: keys.a\n    title: A\n").load()
        #expect(onlyDiagnostic(result) == "dir/01-keys.yaml:1:1: error: a section file is missing the required key 'section'")
    }

    @Test func itemIDMustStartWithItsSection() {
        let result = ChecklistBuilder().with("01-keys.yaml", section(items: "  - id: data.a\n    title: A\n")).load()
        #expect(onlyDiagnostic(result) == "dir/01-keys.yaml:5:9: error: item id 'data.a' must start with its section id: 'keys.'")
    }

    @Test func itemIDMustHaveTheRightShape() {
        let result = ChecklistBuilder().with("01-keys.yaml", section(items: "  - id: keys.Bad_Slug\n    title: A\n")).load()
        #expect(onlyDiagnostic(result).hasPrefix("dir/01-keys.yaml:5:9: error: item id 'keys.Bad_Slug' must be '<section-id>.<slug>'"))
    }

    @Test func maxAgeDaysMustBeAPositiveWholeNumber() {
        let zero = ChecklistBuilder().with("01-keys.yaml", section(items: "  - id: keys.a\n    title: A\n    max_age_days: 0\n")).load()
        #expect(onlyDiagnostic(zero) == "dir/01-keys.yaml:7:19: error: 'max_age_days' in item 'keys.a' must be a positive number of days, found 0")
        let text = ChecklistBuilder().with("01-keys.yaml", section(items: "  - id: keys.a\n    title: A\n    max_age_days: \"90\"\n")).load()
        #expect(onlyDiagnostic(text) == "dir/01-keys.yaml:7:19: error: 'max_age_days' in item 'keys.a' must be a whole number, found a string")
    }

    @Test func unknownDetectorSuggestsTheClosest() {
        let result = ChecklistBuilder().with("01-keys.yaml", section(items: "  - id: keys.a\n    title: A\n    checks: [hardcoded-api-keys]\n")).load()
        #expect(onlyDiagnostic(result).hasPrefix("dir/01-keys.yaml:7:14: error: unknown detector 'hardcoded-api-keys' in 'checks' of item 'keys.a'; did you mean 'hardcoded-api-key'?"))
    }

    @Test func scopeTagsMustBeNames() {
        let result = ChecklistBuilder().with("01-keys.yaml", section(items: "  - id: keys.a\n    title: A\n    applies_when: [Card Data]\n")).load()
        #expect(onlyDiagnostic(result).hasPrefix("dir/01-keys.yaml:7:20: error: scope tag 'Card Data'"))
    }

    @Test func referencesMustBeAListOfText() {
        let result = ChecklistBuilder().with("01-keys.yaml", section(items: "  - id: keys.a\n    title: A\n    references: PCI DSS v4.0 3.6.1\n")).load()
        #expect(onlyDiagnostic(result) == "dir/01-keys.yaml:7:17: error: 'references' in item 'keys.a' must be a list, found a string")
    }

    @Test func titleMustBeOneLine() {
        let result = ChecklistBuilder().with("01-keys.yaml", section(items: "  - id: keys.a\n    title: \"two\\nlines\"\n")).load()
        #expect(onlyDiagnostic(result) == "dir/01-keys.yaml:6:12: error: 'title' in item 'keys.a' must be one line")
    }

    @Test func headerRulesAreChecked() {
        let badID = ChecklistBuilder().with("checklist.yaml", "id: Test\ntitle: T\nversion: \"1\"\n").load()
        #expect(onlyDiagnostic(badID).hasPrefix("dir/checklist.yaml:1:5: error: checklist id 'Test' must be lower-case"))
        let format = ChecklistBuilder().with("checklist.yaml", ChecklistBuilder.header + "format: 2\n").load()
        #expect(onlyDiagnostic(format) == "dir/checklist.yaml:4:9: error: unsupported checklist format 2; this Evident reads format 1")
        let missing = ChecklistBuilder().without("checklist.yaml").load()
        #expect(onlyDiagnostic(missing).hasPrefix("dir/checklist.yaml: error: missing checklist.yaml"))
        let noSections = ChecklistBuilder().without("01-keys.yaml").load()
        #expect(onlyDiagnostic(noSections).hasPrefix("dir: error: no section files"))
    }

    @Test func everyErrorOfEveryFileIsReportedInOneRunAndNothingLoads() {
        let result = ChecklistBuilder()
            .with("checklist.yaml", "id: test\ntitle: T\nversion: \"1\"\nowner: x\n")
            .with("01-keys.yaml", section(items: "  - id: keys.a\n    title: A\n    severity: urgent\n"))
            .with("02-data.yaml", section(items: "  - id: data.a\n    titel: A\n", id: "data"))
            .load()
        #expect(result.checklist == nil)
        #expect(result.diagnostics.map(\.file) == ["dir/01-keys.yaml", "dir/02-data.yaml", "dir/02-data.yaml", "dir/checklist.yaml"])
    }

    @Test func sectionsFollowFileNameOrder() throws {
        let result = ChecklistBuilder()
            .with("00-data.yaml", section(items: "  - id: data.a\n    title: A\n", id: "data"))
            .load()
        #expect(try #require(result.checklist).sections.map(\.id) == ["data", "keys"])
    }

    @Test func aDirectoryThatDoesNotExistIsMissingInput() {
        #expect(throws: ChecklistError.notFound(path: "/no/such/checklist")) {
            try ChecklistLoader.load(directory: "/no/such/checklist")
        }
    }

    @Test func ymlFilesAreIgnoredWithAWarning() throws {
        let directory = TemporaryDirectory()
        let path = Fixtures.copyChecklist("minimal", into: directory)
        directory.write("minimal/03-extra.yml", "section: {}\n")
        let result = try ChecklistLoader.load(directory: path)
        #expect(result.checklist != nil)
        #expect(result.diagnostics.map(\.description) == ["\(path)/03-extra.yml: warning: ignored: checklist files end in .yaml"])
    }
}
