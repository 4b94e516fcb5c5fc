import EvidentTestSupport
import Foundation
import Testing

/// docs/commands.md is runnable: every `$ evident …` line of its examples runs, in order, in one
/// workspace, and exits as documented (0 unless the line says `# exit N`).
@Suite struct DocumentationTests {
    /// One documented command: its arguments, standard input file, expected exit status and line.
    struct Example {
        let arguments: [String]
        let input: String?
        let status: Int32
        let line: Int
    }

    static func examples(in path: String) throws -> [Example] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var examples: [Example] = []
        var inConsole = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") { inConsole = line == "```console" ? !inConsole : false; continue }
            guard inConsole, line.hasPrefix("$ evident ") else { continue }
            var command = String(line.dropFirst(2))
            var status: Int32 = 0
            if let hash = command.range(of: "   # exit ") {
                status = Int32(command[hash.upperBound...].trimmingCharacters(in: .whitespaces)) ?? 0
                command = String(command[..<hash.lowerBound])
            }
            var words = shellWords(command)
            var input: String?
            if let redirect = words.firstIndex(of: "<"), redirect + 1 < words.count {
                input = words[redirect + 1]
                words.removeSubrange(redirect...)
            }
            examples.append(Example(arguments: Array(words.dropFirst()), input: input, status: status, line: number + 1))
        }
        return examples
    }

    /// Splits a command line the way a POSIX shell would for simple quoting.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = [], current = "", quote: Character?, started = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                started = true
            } else if character == " " {
                if started || !current.isEmpty { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
            }
        }
        if started || !current.isEmpty { words.append(current) }
        return words
    }

    @Test func everyDocumentedExampleRunsAsDocumented() throws {
        let bench = Workbench(now: "2026-09-30T12:00:00Z")
        try FileManager.default.copyItem(atPath: Fixtures.repository("Checklists"), toPath: bench.directory.path("Checklists"))
        try FileManager.default.copyItem(atPath: Fixtures.repository("Examples"), toPath: bench.directory.path("Examples"))
        try FileManager.default.copyItem(atPath: Fixtures.path("oscal/basic-catalog.json"), toPath: bench.directory.path("basic-catalog.json"))
        bench.directory.write("rotation-log.csv", "key_id,created,revoked_old\nkey_prod_9Xe1,2026-09-01,2026-09-02\n")
        bench.directory.write("rotation-log-q2.csv", "key_id,created,revoked_old\nkey_prod_7Hq4,2026-06-01,2026-06-02\n")
        bench.directory.write("reviews.csv", "item,status,note\ntransport.https-only,pass,SSL Labs A+\nkeys.rotation-log,partial,\"log misses April\"\n")
        bench.directory.write("answers.txt", "p\nchecked\nq\n")
        let listing = try bench.run("--version")
        #expect(listing.status == 0)
        let examples = try Self.examples(in: Fixtures.repository("docs/commands.md"))
        #expect(examples.count > 40)
        for example in examples {
            if example.arguments.first == "review", example.arguments.dropFirst().first == "import",
               example.arguments.last == "close-out.csv" {
                try writeCloseOut(bench)
            }
            let input = try example.input.map { try Data(contentsOf: bench.directory.url.appendingPathComponent($0)) }
            let result = try bench.run(example.arguments, input: input)
            #expect(result.status == example.status, "docs/commands.md:\(example.line): evident \(example.arguments.joined(separator: " "))\n\(result)")
        }
    }

    @Test func everyCommandIsDocumented() throws {
        let reference = try String(contentsOfFile: Fixtures.repository("docs/commands.md"), encoding: .utf8)
        let help = try EvidentBinary.run(["--help"], in: TemporaryDirectory()).stdout
        let commands = help.split(separator: "\n").drop { !$0.contains("SUBCOMMANDS") }.dropFirst()
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }.filter { $0 != "See" && $0 != "help" }
        #expect(!commands.isEmpty)
        for command in commands {
            #expect(reference.contains("$ evident \(command)"), "docs/commands.md has no example of `evident \(command)`")
        }
    }

    /// Reviews every item still pending, so the documented `cycle close` can succeed.
    private func writeCloseOut(_ bench: Workbench) throws {
        let status = try bench.json("status", "--format", "json")
        let pending = status["pending"] as? [String] ?? []
        bench.directory.write("close-out.csv", "item,status,note\n" + pending.map { "\($0),pass,checked at close-out\n" }.joined())
    }
}
