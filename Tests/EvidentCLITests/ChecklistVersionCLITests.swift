import EvidentTestSupport
import Foundation
import Testing

/// Moving from the LiasonPay checklist 1.0.0 (a fixture copy of it) to the shipped 1.1.0: the
/// cycle diff names exactly what the changelog says was added, removed and changed.
@Suite struct ChecklistVersionCLITests {
    static let added = [
        "compliance.liasonpay-service-provider", "data.no-sensitive-authentication-data", "data.pan-display-masking",
        "data.pan-unreadable", "data.payment-page-scripts", "data.pci.annual-validation", "data.pci.penetration-testing",
        "monitoring.daily-automated-log-review", "transport.endpoint-certificates-valid", "webhooks.idempotent-processing",
        "webhooks.signing-secret-storage",
    ]
    static let removed = ["data.minimize-payment-data", "transport.validate-certificates-all-requests"]
    static let changed = [
        "assessments.automated-scanning", "coding.generic-error-responses", "coding.log-errors-securely",
        "coding.no-sensitive-data-in-errors", "coding.parameterized-queries", "compliance.controls-implemented",
        "data.encrypt-stored-payment-data", "data.masking", "data.pci.compliance", "data.pci.regular-assessments",
        "data.tokenization", "keys.key-least-privilege", "keys.no-hardcoded-keys", "keys.revoke-on-role-change",
        "keys.revoke-superseded-keys", "keys.runtime-secret-storage", "monitoring.security-log-review",
        "transport.certificate-validation", "transport.client-min-tls-version", "transport.https-only",
        "transport.never-disable-validation", "transport.secure-cipher-suites", "transport.tls-1-2-minimum",
        "webhooks.signature-constant-time-compare", "webhooks.signature-header-required",
        "webhooks.signature-hmac-sha256", "webhooks.signature-timestamp-tolerance", "webhooks.signature-verified",
        "webhooks.source-ip-allowlist",
    ]

    /// A closed cycle on 1.0.0 with every item passed, then 1.1.0 loaded and a cycle started on it.
    func cyclesOnBothVersions() throws -> Workbench {
        let bench = Workbench()
        try bench.prepare(checklist: "liasonpay-1.0.0", cycle: "2026-Q3", scope: ["handles-card-data"])
        try bench.passEverything()
        try bench.expectSuccess(bench.run("cycle", "close", "2026-Q3"))
        bench.setNow("2026-10-02T09:00:00Z")
        try bench.expectSuccess(bench.run("checklist", "load", "liasonpay"))
        try bench.expectSuccess(bench.run("cycle", "start", "2026-Q4", "--scope", "handles-card-data", "--carry-forward"))
        return bench
    }

    @Test func theDiffListsTheItemsAddedRemovedAndChanged() throws {
        let bench = try cyclesOnBothVersions()
        let list = try bench.json("checklist", "list", "--format", "json")
        let checklist = try #require((list["checklists"] as? [[String: Any]])?.first)
        #expect(checklist["version"] as? String == "1.1.0" && checklist["versions"] as? Int == 2 && checklist["items"] as? Int == 85)

        let diff = try bench.json("diff", "2026-Q3", "2026-Q4", "--format", "json")
        #expect(diff["added_items"] as? [String] == Self.added)
        #expect(diff["removed_items"] as? [String] == Self.removed)
        #expect(diff["changed_items"] as? [String] == Self.changed)
        #expect((diff["unreviewed"] as? [[String: String]])?.count == 74, "items of both versions not yet reviewed in 2026-Q4")
        #expect((diff["regressions"] as? [Any])?.isEmpty == true, "a cycle in progress diffs cleanly")
    }

    @Test func onceReviewedTheItemsInBothVersionsCompareAsUnchanged() throws {
        let bench = try cyclesOnBothVersions()
        try bench.passEverything()
        let diff = try bench.json("diff", "2026-Q3", "2026-Q4", "--format", "json")
        #expect(diff["unchanged"] as? Int == 74, "the 85 items less the 11 added are compared")
        #expect((diff["regressions"] as? [Any])?.isEmpty == true && (diff["improvements"] as? [Any])?.isEmpty == true)
    }

    @Test func theTextDiffNamesTheNewVersionsItems() throws {
        let bench = try cyclesOnBothVersions()
        let text = try bench.run("diff", "2026-Q3", "2026-Q4")
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("data.no-sensitive-authentication-data"))
        #expect(text.stdout.contains("transport.validate-certificates-all-requests"))
    }
}
