import EvidentTestSupport
import Foundation
import Testing

/// `evident checklist validate` as a user runs it: output, messages and exit codes.
@Suite struct ChecklistValidateCLITests {
    @Test func theShippedChecklistValidates() throws {
        let result = try EvidentBinary.run(
            ["checklist", "validate", "Checklists/liasonpay"], at: Fixtures.repositoryRoot)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("Checklists/liasonpay: ok — liasonpay-security "))
        #expect(result.stderr.isEmpty, "\(result)")
    }

    @Test func anInvalidChecklistPrintsEveryErrorAndExits65() throws {
        let directory = TemporaryDirectory()
        Fixtures.copyChecklist("minimal", into: directory, as: "bad")
        directory.write("bad/03-broken.yaml", "section:\n  id: broken\n  title: Broken\nitems:\n  - id: broken.a\n    titel: A\n")
        directory.write("bad/checklist.yaml", "id: demo\ntitle: T\nversion: 1.0\n")
        let result = try EvidentBinary.run(["checklist", "validate", "bad"], in: directory)
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("bad/03-broken.yaml:5:5: error: item 'broken.a' is missing the required key 'title'"))
        #expect(lines.contains("bad/03-broken.yaml:6:5: error: unknown key 'titel' in item 'broken.a'; did you mean 'title'?"))
        #expect(lines.contains("bad/checklist.yaml:3:10: error: 'version' in checklist.yaml must be text, found a number; put it in quotes: version: \"1.0\""))
        #expect(lines.contains("evident: error: bad: 3 error(s); the checklist is invalid"))
    }

    @Test func aMissingDirectoryExits66() throws {
        let directory = TemporaryDirectory()
        let result = try EvidentBinary.run(["checklist", "validate", "nowhere"], in: directory)
        #expect(result.status == 66, "\(result)")
        #expect(result.stderr.contains("evident: error: no such checklist directory: nowhere"))
    }

    @Test func aMissingDirectoryWinsOverAnInvalidOne() throws {
        let directory = TemporaryDirectory()
        directory.write("empty/readme.txt", "nothing\n")
        let result = try EvidentBinary.run(["checklist", "validate", "empty", "nowhere"], in: directory)
        #expect(result.status == 66, "\(result)")
        #expect(result.stderr.contains("empty/checklist.yaml: error: missing checklist.yaml"))
    }

    @Test func anUnknownFlagIsAUsageError() throws {
        let directory = TemporaryDirectory()
        let result = try EvidentBinary.run(["checklist", "validate", "--strict", "x"], in: directory)
        #expect(result.status == 64, "\(result)")
        let unknownCommand = try EvidentBinary.run(["checklists"], in: directory)
        #expect(unknownCommand.status == 64, "\(unknownCommand)")
    }

    @Test func versionPrintsTheToolVersion() throws {
        let result = try EvidentBinary.run(["--version"], in: TemporaryDirectory())
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }
}
