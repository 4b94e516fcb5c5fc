import EvidentTestSupport
import Foundation
import Testing

/// `evident review --interactive`: answers typed in a terminal are saved as they are given.
@Suite struct InteractiveReviewCLITests {
    @Test func answersFromAPipeAreSavedAndSummarised() throws {
        let bench = Workbench()
        try bench.prepare()
        bench.directory.write("log.txt", "rotation log\n")
        let input = "x\na\nfile log.txt\np\nclean scan\nf\n\nrotation overdue\nq\n"
        let result = try bench.run(["review", "--interactive"], input: Data(input.utf8))
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("'x' is not an answer"))
        #expect(result.stdout.contains("Added evidence #1 (file) to keys.no-hardcoded-keys."))
        #expect(result.stdout.contains("A 'fail' review needs a note saying why; type it"))
        #expect(result.stdout.contains("Reviewed 2 items and attached 1 piece of evidence; 1 still pending"))
        let status = try bench.json("status", "--format", "json")
        #expect(status["counts"] as? [String: Int] == ["pass": 1, "partial": 0, "fail": 1, "na": 1, "pending": 1])
    }

    @Test func backAndSkipMoveThroughTheQueue() throws {
        let bench = Workbench()
        try bench.prepare()
        let result = try bench.run(["review", "--interactive"], input: Data("s\nb\nr\nhalf done\nq\n".utf8))
        #expect(result.status == 0)
        let status = try bench.json("status", "--format", "json")
        #expect((status["counts"] as? [String: Int])?["partial"] == 1)
        #expect((status["pending"] as? [String])?.first == "keys.rotation")
    }

    @Test func anInterruptLosesNoAnswerGiven() throws {
        let bench = Workbench()
        try bench.prepare()
        let process = Process()
        process.executableURL = EvidentBinary.url
        process.arguments = ["review", "--interactive"]
        process.currentDirectoryURL = bench.directory.url
        process.environment = EvidentBinary.baseEnvironment.merging(bench.environment) { $1 }
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("p\nchecked\n".utf8))
        var saved = false
        for _ in 0..<100 where !saved {
            usleep(50_000)
            saved = try bench.run("log", "--item", "keys.no-hardcoded-keys").stdout.contains("review.record")
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(saved)
        let status = try bench.json("status", "--format", "json")
        #expect((status["counts"] as? [String: Int])?["pass"] == 1)
        #expect(try bench.run("verify").status == 0)
    }

    @Test func aRealTerminalGetsColourUnlessNoColorIsSet() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let bench = Workbench()
        try bench.prepare()
        let command = "'\(EvidentBinary.url.path)' review --interactive"
        let coloured = try runInTerminal(bench, command, input: "p\nok\nq\n", environment: ["NO_COLOR": ""])
        #expect(coloured.contains("\u{1B}[1m"))
        #expect(coloured.contains("Saved keys.no-hardcoded-keys: PASS.") || coloured.contains("keys.no-hardcoded-keys: PASS."))
        let plain = try runInTerminal(bench, command, input: "q\n", environment: [:])
        #expect(!plain.contains("\u{1B}[1m"))
    }

    /// Runs `command` under `script`, which gives it a pseudo-terminal, feeding `input` to it.
    func runInTerminal(_ bench: Workbench, _ command: String, input: String, environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = bench.directory.url
        var merged = EvidentBinary.baseEnvironment.merging(bench.environment) { $1 }
        for (key, value) in environment { merged[key] = value.isEmpty ? nil : value }
        process.environment = merged
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        for line in input.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            stdin.fileHandleForWriting.write(Data((line + "\n").utf8))
            usleep(150_000)
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
