@testable import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// The three output formats: checked-in expected outputs, their required structure, and no
/// secret in full in any of them.
@Suite struct ScanFormatTests {
    @Test(arguments: ScanFormat.allCases)
    func eachFormatMatchesItsExpectedOutput(format: ScanFormat) throws {
        let output = format.render(try SampleIntegration.report())
        #expect(output == ExpectedOutput.text("sample-integration.\(format.rawValue)", recording: output))
    }

    @Test func textIsOneLinePerFindingInTheSpecFormat() throws {
        let lines = ScanText.render(try SampleIntegration.report()).split(separator: "\n").map(String.init)
        #expect(lines.count == DetectorID.allCases.count)
        #expect(lines.contains(
            "Examples/sample-integration/src/config.js:8: hardcoded-api-key: LiasonPay secret key hardcoded in source (sk_live_…0000)"))
        for line in lines {
            let parts = line.split(separator: ":", maxSplits: 3).map(String.init)
            #expect(parts.count == 4 && Int(parts[1]) != nil && DetectorID(rawValue: parts[2].trimmingCharacters(in: .whitespaces)) != nil,
                    "\(line)")
        }
    }

    @Test func theSummaryCountsFilesFindingsAndSkips() throws {
        let report = try SampleIntegration.report()
        #expect(ScanText.summary(report).hasPrefix("scanned 11 files ("))
        #expect(ScanText.summary(report).hasSuffix("): 7 findings (error-stack-exposed 1, hardcoded-api-key 1, plain-http-api 1, "
            + "sql-string-interpolation 1, tls-verification-disabled 1, weak-tls-version 1, webhook-signature-unsafe-compare 1)"))
        let clean = ScanReport(evidentVersion: "1", root: ".", rootIsFile: false, filesScanned: 1, bytesScanned: 10, digest: "",
                               detectors: [.hardcodedAPIKey], findings: [],
                               skipped: [SkippedFile(path: "a", reason: .unreadable, detail: "cannot read: x")])
        #expect(ScanText.summary(clean) == "scanned 1 file (10 B): no findings; 1 file skipped")
        #expect(ScanText.render(clean).isEmpty)
    }

    @Test func jsonIsAVersionedDocumentThatDecodesBackToTheReport() throws {
        let report = try SampleIntegration.report()
        let json = ScanJSON.render(report)
        #expect(try JSONDecoder().decode(ScanReport.self, from: Data(json.utf8)) == report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["format_version"] as? Int == 1)
        #expect(object["root"] as? String == "Examples/sample-integration")
        #expect(object["files_scanned"] as? Int == 11)
        let finding = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect(Set(finding.keys) == ["detector", "severity", "path", "line", "column", "message", "excerpt"])
    }

    @Test func sarifHasTheStructureOfSARIF210() throws {
        let report = try SampleIntegration.report()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ScanSARIF.render(report).utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        #expect((object["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "Evident")
        #expect(driver["version"] as? String == "9.9.9")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == DetectorID.allCases.sorted().map(\.rawValue))
        for rule in rules {
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
            #expect((rule["help"] as? [String: Any])?["text"] is String)
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 7)
        for result in results {
            let ruleIndex = try #require(result["ruleIndex"] as? Int)
            #expect(rules[ruleIndex]["id"] as? String == result["ruleId"] as? String)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            #expect((result["message"] as? [String: Any])?["text"] is String)
            let physical = try #require(((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
            let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
            #expect(uri.hasPrefix("Examples/sample-integration/") && !uri.hasPrefix("/"))
            #expect(((physical["region"] as? [String: Any])?["startLine"] as? Int ?? 0) >= 1)
        }
    }

    @Test func sarifOfAnAbsoluteRootIsRelativeToANamedBase() throws {
        let directory = TemporaryDirectory()
        directory.populate(["src/app.js": "const k = '{LIVE}';\n"])
        let log = ScanSARIF.log(try directory.scan())
        let location = try #require(log.runs.first?.results.first?.locations.first?.physicalLocation.artifactLocation)
        #expect(location == SARIFLog.ArtifactLocation(uri: "src/app.js", uriBaseId: "SCANROOT"))
        #expect(log.runs.first?.originalUriBaseIds?["SCANROOT"]?.uri.hasPrefix("file:///") == true)
        let single = ScanSARIF.log(try directory.scan("src/app.js"))
        let file = try #require(single.runs.first?.results.first?.locations.first?.physicalLocation.artifactLocation)
        #expect(file == SARIFLog.ArtifactLocation(uri: "file://" + directory.path("src/app.js"), uriBaseId: nil))
    }

    @Test func excerptsAreCutAroundTheFindingAfterMasking() {
        let key = Snippet.liveKey
        let line = Array(("k='\(key)';" + String(repeating: "x", count: 300) + "TARGET" + String(repeating: "y", count: 300)).utf8)
        let excerpt = Excerpt(line: line)
        let target = excerpt.around(line.count - 306)
        #expect(target.contains("TARGET") && target.hasPrefix("…") && target.hasSuffix("…"))
        #expect(excerpt.around(4).hasPrefix("k='sk_live_…0000';xxx"))
        #expect(excerpt.around(10).hasPrefix("k='sk_live_…0000';"), "an offset inside the key maps to its masked form")
        #expect(Excerpt(line: Array("\tshort\tline  ".utf8)).around(1) == "short line")
    }

    @Test func noFormatEverHoldsASecretInFull() throws {
        let directory = TemporaryDirectory()
        directory.populate([
            "app.js": "// old key {LIVE}\nconst k = '{LIVE}'; const w = '{WHSEC}'; // card 4242 4242 4242 4242\n",
            "deploy.sh": "curl -k -u {RK}: http://liasonpay.net/api # {TEST}\n",
        ])
        let report = try directory.scan()
        #expect(report.findings.count >= 5)
        for format in ScanFormat.allCases {
            let output = format.render(report)
            for secret in [Snippet.liveKey, Snippet.testKey, Snippet.restrictedKey, Snippet.webhookSecret, "4242 4242 4242 4242"] {
                #expect(!output.contains(secret), "\(format) shows \(secret)")
            }
            #expect(output.contains("sk_live_…0000") || format == .text && output.contains("sk_live_…0000"))
        }
    }
}
