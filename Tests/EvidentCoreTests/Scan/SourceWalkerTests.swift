@testable import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// The walk reads what a reviewer would call the integration's source, and nothing else.
@Suite struct SourceWalkerTests {
    private func scannedPaths(_ directory: TemporaryDirectory) throws -> [String] {
        let report = try directory.scan()
        return report.findings.map(\.path)
    }

    @Test func skipsDependencyAndBuildFoldersAtAnyDepth() throws {
        let directory = TemporaryDirectory()
        let key = "const k = '{LIVE}';\n"
        directory.populate([
            "src/app.js": key, "node_modules/sdk/index.js": key, "web/node_modules/x.js": key, "vendor/lib.php": key,
            ".git/config.js": key, "build/out.js": key, "dist/bundle.js": key, ".build/x.swift": key,
            ".build-release/y.swift": key, "target/App.java": key, "__pycache__/a.py": key, ".venv/lib/b.py": key,
            "ios/Pods/c.swift": key, "public/app.min.js": key,
        ])
        #expect(try scannedPaths(directory) == ["public/app.min.js", "src/app.js"])
    }

    @Test func honoursRootAndNestedGitignores() throws {
        let directory = TemporaryDirectory()
        let key = "k = '{LIVE}'\n"
        directory.populate([
            ".gitignore": "*.env\n/generated/\nlocal_*.py\n", "app.py": key, "prod.env": key,
            "generated/keys.py": key, "lib/generated/keys.py": key, "local_settings.py": key,
            "service/.gitignore": "!prod.env\nsecrets/\n", "service/prod.env": key, "service/secrets/a.py": key,
            "service/local_dev.py": key,
        ])
        #expect(try scannedPaths(directory) == ["app.py", "lib/generated/keys.py", "service/prod.env"])
    }

    @Test func skipsBinaryFilesByContentAndByName() throws {
        let directory = TemporaryDirectory()
        directory.populate(["notes.txt": "{LIVE}\n", "logo.png": "{LIVE}\n"])
        var binary = Data(Snippet.expand("{LIVE}\n").utf8)
        binary.append(contentsOf: [0, 1, 2])
        directory.write("blob.dat", binary)
        let report = try directory.scan()
        #expect(report.findings.map(\.path) == ["notes.txt"])
        #expect(report.filesScanned == 1)
    }

    @Test func followsNoSymbolicLinkOutOfTheTree() throws {
        let outside = TemporaryDirectory()
        outside.populate(["secret.js": "const k = '{LIVE}';\n", "dir/more.js": "const k = '{LIVE}';\n"])
        let directory = TemporaryDirectory()
        directory.populate(["app.js": "console.log('hi');\n"])
        try FileManager.default.createSymbolicLink(atPath: directory.path("linked.js"), withDestinationPath: outside.path("secret.js"))
        try FileManager.default.createSymbolicLink(atPath: directory.path("linked-dir"), withDestinationPath: outside.path("dir"))
        let report = try directory.scan()
        #expect(report.findings.isEmpty)
        #expect(report.filesScanned == 1)
    }

    @Test func reportsAFileItCannotReadAndGoesOn() throws {
        guard getuid() != 0 else { return }  // root reads everything; the CLI test covers the message
        let directory = TemporaryDirectory()
        directory.populate(["locked.js": "x\n", "open.js": "const k = '{LIVE}';\n"])
        chmod(directory.path("locked.js"), 0)
        let report = try directory.scan()
        #expect(report.skipped == [SkippedFile(path: "locked.js", reason: .unreadable, detail: "cannot read: permission denied")])
        #expect(report.findings.map(\.path) == ["open.js"])
    }

    @Test func reportsAFileThatVanishesBetweenWalkAndRead() {
        let outcome = SourceScan.scan(SourceFile(relativePath: "gone.js", path: "/nonexistent/gone.js"), with: FileScanner())
        guard case let .skipped(skipped) = outcome else { Issue.record("expected a skipped file"); return }
        #expect(skipped == SkippedFile(path: "gone.js", reason: .unreadable, detail: "cannot read: no such file or directory"))
    }

    @Test func skipsVeryLargeFilesWithANote() throws {
        let directory = TemporaryDirectory()
        #expect(FileManager.default.createFile(atPath: directory.path("huge.js"), contents: nil))
        let file = try FileHandle(forWritingTo: directory.url.appendingPathComponent("huge.js"))
        try file.truncate(atOffset: UInt64(FileReader.maximumSize + 1))
        try file.close()
        let report = try directory.scan()
        #expect(report.skipped.map(\.reason) == [.tooLarge])
        #expect(report.skipped.first?.detail == "32.0 MB is over the 32.0 MB limit")
    }

    @Test func scansASingleFileGivenAsTheRoot() throws {
        let directory = TemporaryDirectory()
        directory.populate(["node_modules/sdk.js": "const k = '{LIVE}';\n"])
        let report = try directory.scan("node_modules/sdk.js")
        #expect(report.rootIsFile)
        #expect(report.findings.map(\.path) == ["sdk.js"])
        #expect(report.displayPath("sdk.js") == directory.path("node_modules/sdk.js"))
    }

    @Test func aMissingRootIsMissingInput() {
        #expect(throws: ScanError.missingRoot("/nonexistent/tree")) {
            try SourceScan.run(root: "/nonexistent/tree")
        }
        #expect(ScanError.missingRoot("x").kind == .missingInput)
    }
}
