@testable import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// The shipped sample integration plants one bad practice per detector and nothing else is found.
@Suite struct SampleIntegrationTests {
    @Test func findsExactlyOnePlantedPracticePerDetector() throws {
        let report = try SampleIntegration.report()
        #expect(report.findings.count == DetectorID.allCases.count)
        for detector in DetectorID.allCases {
            #expect(report.findings(for: detector).count == 1, "\(detector.rawValue)")
        }
        #expect(report.skipped.isEmpty)
    }

    @Test func theGitignoredEnvFileIsNotRead() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.removeItem(at: directory.url)
        try FileManager.default.copyItem(atPath: Fixtures.repository("Examples/sample-integration"), toPath: directory.path)
        directory.write(".env", Snippet.expand("LIASONPAY_API_KEY={LIVE}\n"))
        let report = try directory.scan()
        #expect(!report.findings.contains { $0.path == ".env" })
        #expect(report.findings(for: .hardcodedAPIKey).map(\.path) == ["src/config.js"])
        directory.write(".gitignore", "node_modules/\n")
        #expect(try directory.scan().findings(for: .hardcodedAPIKey).map(\.path) == [".env", "src/config.js"])
    }
}
