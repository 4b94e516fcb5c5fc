@testable import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// The report: its order, its per-detector view for `--attach`, and the digest of what was scanned.
@Suite struct ScanReportTests {
    private func tree() -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        directory.populate([
            "b.js": "const k = '{LIVE}';\nconst x = 1;\nconst j = '{TEST}';\n",
            "a/z.py": "requests.get(url, verify=False)\n",
            "a.js": "fetch('http://liasonpay.net/api')\n",
            "clean.go": "package main\n",
        ])
        return directory
    }

    @Test func findingsAreInPathThenLineOrderWhateverTheWorkers() throws {
        let directory = tree()
        let one = try SourceScan.run(root: directory.path, evidentVersion: "9.9.9", workers: 1)
        let many = try SourceScan.run(root: directory.path, evidentVersion: "9.9.9", workers: 4)
        #expect(one == many)
        #expect(one.findings.map { "\($0.path):\($0.line)" } == ["a.js:1", "a/z.py:1", "b.js:1", "b.js:3"])
        #expect(one.filesScanned == 4)
        #expect(one.bytesScanned == 105 + 32 + 34 + 13)
    }

    @Test func givesEachDetectorItsFindingsAndCountsCleanOnesAsZero() throws {
        let report = try tree().scan()
        #expect(report.detectors == DetectorID.allCases.sorted())
        #expect(report.findings(for: .hardcodedAPIKey).map(\.line) == [1, 3])
        #expect(report.findings(for: .sqlStringInterpolation).isEmpty)
        #expect(report.counts["hardcoded-api-key"] == 2)
        #expect(report.counts["sql-string-interpolation"] == 0)
        #expect(report.counts.count == DetectorID.allCases.count)
        #expect(report.findingsByDetector.map(\.findings.count).reduce(0, +) == report.findings.count)
        #expect(!report.isClean)
    }

    @Test func theDigestNamesExactlyTheTextThatWasScanned() throws {
        let directory = tree()
        let first = try directory.scan()
        #expect(first.digest.hasPrefix("sha256:") && first.digest.count == 71)
        #expect(try directory.scan().digest == first.digest)

        directory.write("photo.dat", Data([0, 1, 2, 3]))
        #expect(try directory.scan().digest == first.digest, "binary files are not part of the digest")

        directory.write("clean.go", "package main\n\n")
        let edited = try directory.scan()
        #expect(edited.digest != first.digest)

        try FileManager.default.moveItem(atPath: directory.path("clean.go"), toPath: directory.path("moved.go"))
        #expect(try directory.scan().digest != edited.digest)
    }

    @Test func theDigestFollowsItsDocumentedRecipe() throws {
        let directory = TemporaryDirectory()
        directory.populate(["b.txt": "two\n", "a.txt": "one\n"])
        // SHA-256 of "evident-scan-digest-v1\n" + "a.txt\0" + sha256("one\n") + "\n" + "b.txt\0" + sha256("two\n") + "\n",
        // worked out with Python's hashlib.
        let expected = "sha256:f5e6c85f873fa4897a17d17effe0b743e90ee925bdec6219c42765034e5e9d7e"
        #expect(try directory.scan().digest == expected)
    }

    @Test(arguments: [
        ("Examples/app", false, "server.js", "Examples/app/server.js"),
        ("Examples/app/", false, "server.js", "Examples/app/server.js"),
        (".", false, "src/a.js", "src/a.js"),
        ("./", false, "src/a.js", "src/a.js"),
        ("/", false, "etc/a.conf", "/etc/a.conf"),
        ("lib/one.js", true, "one.js", "lib/one.js"),
    ])
    func displayPathsAreWhatTheUserWouldOpen(root: String, isFile: Bool, relative: String, shown: String) {
        let report = ScanReport(evidentVersion: "9.9.9", root: root, rootIsFile: isFile, filesScanned: 0, bytesScanned: 0,
                                digest: "sha256:", detectors: [], findings: [], skipped: [])
        #expect(report.displayPath(relative) == shown)
    }

    @Test func sizesReadLikeAPersonWouldWriteThem() {
        #expect(ByteCount.text(812) == "812 B")
        #expect(ByteCount.text(4608) == "4.5 KB")
        #expect(ByteCount.text(123 * 1024 * 1024 + 400 * 1024) == "123.4 MB")
    }
}
