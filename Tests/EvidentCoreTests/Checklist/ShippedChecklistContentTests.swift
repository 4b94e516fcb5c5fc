import EvidentCore
import EvidentTestSupport
import Foundation
import Testing

/// The shipped LiasonPay checklist read as an assessor reads it: no item double-counts another's
/// detector findings, every stated period has an evidence age, every quote is the guide's own.
@Suite struct ShippedChecklistContentTests {
    static let items = ShippedChecklists.load("liasonpay").checklist?.items ?? []

    /// Whether `text` states how often something happens or how old it may be.
    static func statesAPeriod(_ text: String) -> Bool {
        text.contains(#/(?i)\b(daily|weekly|monthly|quarterly|quarter|annual|yearly|every year|\d+ (days|months)|(six|twelve) months)\b/#)
    }

    @Test func itIsVersionOneOneZero() throws {
        let checklist = try #require(ShippedChecklists.load("liasonpay").checklist)
        #expect(checklist.version == "1.1.0")
        #expect(Self.items.count == 85)
    }

    @Test func noTwoItemsShareADetectorAndAReferenceSet() {
        var clashes: [String] = []
        for (index, first) in Self.items.enumerated() {
            for second in Self.items[(index + 1)...] where !Set(first.checks).isDisjoint(with: second.checks) {
                if Set(first.references) == Set(second.references) { clashes.append("\(first.id) & \(second.id)") }
            }
        }
        #expect(clashes.isEmpty, "items that would count one finding twice: \(clashes)")
    }

    @Test func everyItemThatStatesAPeriodHasAnEvidenceAge() {
        let stating = Self.items.filter { item in
            Self.statesAPeriod(item.title + " " + (item.description ?? ""))
        }
        #expect(stating.count > 20, "the period pattern still finds the items it was written for")
        let missing = stating.filter { $0.maxAgeDays == nil }.map(\.id)
        #expect(missing.isEmpty, "items stating a period without max_age_days: \(missing)")
    }

    @Test func theMonthlyAndDailyLogReviewsAreSeparateAndScopedApart() throws {
        let monthly = try #require(Self.items.first { $0.id == "monitoring.security-log-review" })
        let daily = try #require(Self.items.first { $0.id == "monitoring.daily-automated-log-review" })
        #expect(monthly.appliesWhen.isEmpty && monthly.maxAgeDays == 30)
        #expect(daily.appliesWhen == [ChecklistFormat.cardDataScope])
        #expect(daily.references.contains("PCI DSS v4.0 10.4.1.1") && !monthly.references.contains("PCI DSS v4.0 10.4.1"))
    }

    @Test func scansAndPenetrationTestsExpireOnTheirOwnPeriods() throws {
        let scans = try #require(Self.items.first { $0.id == "data.pci.regular-assessments" })
        let tests = try #require(Self.items.first { $0.id == "data.pci.penetration-testing" })
        #expect(scans.maxAgeDays == 90 && tests.maxAgeDays == 365)
        #expect(tests.references.contains("PCI DSS v4.0 11.4.2") && tests.references.contains("PCI DSS v4.0 11.4.3"))
        #expect(!Self.items.contains { $0.references.contains("PCI DSS v4.0 12.4.1") }, "12.4.1 binds service providers only")
    }

    @Test func everyMerchantValidatesAndSensitiveAuthenticationDataIsCritical() throws {
        let annual = try #require(Self.items.first { $0.id == "data.pci.annual-validation" })
        #expect(annual.appliesWhen.isEmpty)
        let sad = try #require(Self.items.first { $0.id == "data.no-sensitive-authentication-data" })
        #expect(sad.severity == .critical && sad.appliesWhen.isEmpty)
        #expect(["3.3.1", "3.3.1.1", "3.3.1.2", "3.3.1.3"].allSatisfy { sad.references.contains("PCI DSS v4.0 \($0)") })
    }

    @Test func oneCertificateItemIsCriticalAndNoneIsDuplicated() {
        let certificate = Self.items.filter { $0.checks.contains(DetectorID.tlsVerificationDisabled.rawValue) }
        #expect(certificate.map(\.id).sorted() == ["transport.certificate-validation", "transport.never-disable-validation"])
        #expect(certificate.filter { $0.severity == .critical }.map(\.id) == ["transport.never-disable-validation"])
        #expect(certificate.allSatisfy { $0.references.contains("PCI DSS v4.0 4.2.1") })
    }

    @Test func theAutomatedScanningItemDoesNotCountDetectorFindingsAgain() throws {
        let scanning = try #require(Self.items.first { $0.id == "assessments.automated-scanning" })
        #expect(scanning.checks.isEmpty)
        #expect(!scanning.references.contains { $0.hasPrefix("PCI DSS v4.0 11.3") })
    }

    @Test func theTwoErrorItemsHaveOneSeverityAndDistinctDetectors() throws {
        let responses = try #require(Self.items.first { $0.id == "coding.generic-error-responses" })
        let elsewhere = try #require(Self.items.first { $0.id == "coding.no-sensitive-data-in-errors" })
        #expect(responses.severity == elsewhere.severity)
        #expect(Set(responses.references) != Set(elsewhere.references))
        // Evident's detector (and the other scanners' stack-trace rules) file on the response item only.
        #expect(responses.checks.first == DetectorID.errorStackExposed.rawValue)
        #expect(responses.checks.dropFirst().allSatisfy { $0.contains(":") })
        #expect(elsewhere.checks.isEmpty)
    }

    @Test(.enabled(if: SharedData.path("seed/security-best-practices.md") != nil, "needs shared/seed (set EVIDENT_SHARED)"))
    func everyQuoteIsASentenceOfTheGuide() throws {
        let guide = try String(contentsOfFile: try #require(SharedData.path("seed/security-best-practices.md")), encoding: .utf8)
            .replacingOccurrences(of: "**", with: "")
        let strays = Self.items.filter { !guide.contains($0.source?.quote ?? "\u{0}") }.map(\.id)
        #expect(strays.isEmpty, "quotes not found verbatim in the guide: \(strays)")
    }

    @Test func theVersionBeforeStillLoadsFromItsFixture() throws {
        let before = try #require(try ChecklistLoader.load(directory: Fixtures.path("checklists/liasonpay-1.0.0")).checklist)
        #expect(before.id == "liasonpay-security" && before.version == "1.0.0" && before.items.count == 76)
    }
}
