@testable import EvidentCore
import Testing

/// The `.gitignore` matcher follows git's rules (gitignore(5)).
@Suite struct GitIgnoreTests {
    private func ignored(_ rules: String, _ path: String, directory: Bool = false) -> Bool? {
        GitIgnore(rules).verdict(for: path, isDirectory: directory)
    }

    @Test(arguments: [
        ("*.log", "debug.log", true), ("*.log", "logs/debug.log", true), ("*.log", "debug.log.txt", false),
        ("secrets", "secrets", true), ("secrets", "config/secrets", true),
        ("/secrets", "secrets", true), ("/secrets", "config/secrets", false),
        ("config/secrets", "config/secrets", true), ("config/secrets", "app/config/secrets", false),
        ("doc/*.txt", "doc/notes.txt", true), ("doc/*.txt", "doc/server/arch.txt", false),
        ("**/fixtures", "fixtures", true), ("**/fixtures", "a/b/fixtures", true),
        ("**/fixtures/keys.js", "test/fixtures/keys.js", true),
        ("build/**", "build/a/b.js", true), ("build/**", "build", false),
        ("a/**/b", "a/b", true), ("a/**/b", "a/x/y/b", true), ("a/**/b", "a/xb", false),
        ("a**b", "axyzb", true), ("a**b", "ax/yb", false),
        ("file?.js", "file1.js", true), ("file?.js", "file10.js", false), ("file?.js", "file/.js", false),
        ("[abc].js", "b.js", true), ("[abc].js", "d.js", false), ("[!abc].js", "d.js", true),
        ("[a-c]x", "bx", true), ("[a-c]x", "dx", false), ("[^a-c]x", "dx", true),
        ("\\#notes", "#notes", true), ("\\!important", "!important", true),
        ("trailing   ", "trailing", true), ("space\\ ", "space ", true),
        ("*.JS", "app.js", false),
        ("[unclosed", "[unclosed", true),
    ])
    func matchesLikeGit(pattern: String, path: String, expected: Bool) {
        #expect((ignored(pattern, path) ?? false) == expected, "\(pattern) vs \(path)")
    }

    @Test func commentsAndBlankLinesMatchNothing() {
        let rules = GitIgnore("# a comment\n\n   \n#*.js\n")
        #expect(rules.patterns.isEmpty)
        #expect(rules.verdict(for: "app.js", isDirectory: false) == nil)
    }

    @Test func aTrailingSlashMatchesFoldersOnly() {
        #expect(ignored("logs/", "logs", directory: true) == true)
        #expect(ignored("logs/", "logs", directory: false) == nil)
        #expect(ignored("logs/", "app/logs", directory: true) == true)
    }

    @Test func theLastMatchingPatternWinsAndNegationReincludes() {
        let rules = "*.env\n!example.env\n"
        #expect(ignored(rules, "prod.env") == true)
        #expect(ignored(rules, "example.env") == false)
        #expect(ignored("!example.env\n*.env", "example.env") == true)
    }

    @Test func windowsLineEndingsAreTolerated() {
        #expect(ignored("*.log\r\nsecrets\r\n", "secrets") == true)
    }

    @Test func nestedRulesAreRelativeToTheirFolderAndDeeperOnesWin() {
        let rules = IgnoreRules()
            .adding(GitIgnore("*.env\n/top-only.js\n"), base: "")
            .adding(GitIgnore("!keep.env\n/local.js\n"), base: "app")
        #expect(rules.ignores("app/prod.env", isDirectory: false))
        #expect(!rules.ignores("app/keep.env", isDirectory: false))
        #expect(rules.ignores("app/local.js", isDirectory: false))
        #expect(!rules.ignores("app/sub/local.js", isDirectory: false))
        #expect(rules.ignores("top-only.js", isDirectory: false))
        #expect(!rules.ignores("app/top-only.js", isDirectory: false))
    }
}
