import EvidentTestSupport
import Foundation
import Testing

/// Shell completion scripts, and completions that come from the workspace.
@Suite struct CompletionCLITests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func everyShellGetsAScriptNamingTheCommands(shell: String) throws {
        let result = try EvidentBinary.run(["--generate-completion-script", shell], in: TemporaryDirectory())
        #expect(result.status == 0)
        for command in ["checklist", "cycle", "review", "evidence", "status", "report", "diff", "export", "verify"] {
            #expect(result.stdout.contains(command), "\(shell): \(command)")
        }
    }

    @Test func itemIDsAndCycleNamesCompleteFromTheWorkspace() throws {
        let bench = Workbench()
        try bench.prepare()
        try bench.expectSuccess(bench.run("cycle", "start", "2027-Q1"))
        let items = try bench.run("---completion", "review", "record", "--", "positional@0", "0", "5", "keys.")
        #expect(items.stdout.split(separator: "\n") == ["keys.no-hardcoded-keys", "keys.rotation"])
        let cycles = try bench.run("---completion", "status", "--", "--cycle", "0", "1", "2")
        #expect(cycles.stdout.split(separator: "\n") == ["2026-Q4", "2027-Q1"])
        let elsewhere = try bench.run("---completion", "cycle", "close", "--", "positional@0", "0", "0", "", "--db", "missing.db")
        #expect(elsewhere.stdout.isEmpty)
    }
}
