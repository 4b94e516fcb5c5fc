/// The demo's timeline: who did what, and when, over two quarters and two targets.
struct DemoStory {
    static let closedCycle = "2026-Q3"
    static let openCycle = "2026-Q4"
    /// The second target's cycle: the merchant portal, reviewed and closed in the fourth quarter.
    static let portalCycle = "2026-Q4-portal"
    static let paymentsTarget = "payments-api"
    static let portalTarget = "merchant-portal"
    static let lead = "priya.shah@acme-pay.example"
    static let engineer = "marc.olsen@acme-pay.example"
    static let approver = "dana.cho@acme-pay.example"

    let location: WorkspaceLocation
    let files: String
    /// The sample integration the engineer scans in the open quarter.
    let integration: String
    private(set) var workspace: Workspace?

    init(location: WorkspaceLocation, files: String, integration: String) {
        self.location = location
        self.files = files
        self.integration = integration
    }

    private func at(_ time: String, _ actor: String = lead) -> Session {
        Session(actor: actor, now: Timestamp(iso8601: time)!)
    }

    mutating func tell() throws {
        let (workspace, _) = try Workspace.initialize(at: location, session: at("2026-06-28T09:00:00Z"))
        self.workspace = workspace
        guard let checklist = ShippedChecklists.load("liasonpay").checklist else {
            throw EvidentFailure(.internalError, "the shipped checklist does not load")
        }
        _ = try workspace.load([checklist], session: at("2026-06-28T09:05:00Z"))
        try thirdQuarter(workspace, checklist: checklist)
        try fourthQuarter(workspace)
        try portal(workspace, checklist: checklist)
    }

    // MARK: - 2026-Q3: a full review, closed

    private func thirdQuarter(_ workspace: Workspace, checklist: Checklist) throws {
        let name = Self.closedCycle
        _ = try workspace.startCycle(name: name, checklistID: nil, target: Self.paymentsTarget, scope: [], carryForward: false,
                                     session: at("2026-07-01T08:30:00Z"))
        let exceptions: [String: (ReviewStatus, String)] = [
            "keys.rotation-log": (.partial, "Rotation log exists but misses the April staging rotation."),
            "webhooks.source-ip-allowlist": (.fail, "Webhook endpoint accepts traffic from any address; firewall change SEC-212 is planned."),
            "monitoring.incident-exercises": (.fail, "No incident exercise held this year."),
            "compliance.regulatory-register": (.partial, "GDPR covered; CCPA applicability not yet assessed."),
        ]
        try evidence(workspace, name, "keys.rotation-log", file: "key-rotation-log.csv", time: "2026-07-03T10:00:00Z")
        try evidence(workspace, name, "keys.rotation-90-days", note: "Production key key_prod_9Xe1 created 2026-06-30 (dashboard, values masked).", asOf: "2026-07-15", time: "2026-07-15T10:00:00Z")
        try evidence(workspace, name, "transport.tls-1-2-minimum", file: "tls-scan-api.acme-pay.example.txt", time: "2026-09-12T15:00:00Z")
        try evidence(workspace, name, "transport.https-only", url: "https://www.ssllabs.com/ssltest/analyze.html?d=api.acme-pay.example", time: "2026-09-12T15:05:00Z")
        try evidence(workspace, name, "webhooks.signature-constant-time-compare", file: "webhook-handler-excerpt.js", time: "2026-08-04T11:00:00Z", actor: Self.engineer)
        try evidence(workspace, name, "monitoring.incident-response-plan", file: "incident-response-plan.md", time: "2026-07-10T09:00:00Z")
        try evidence(workspace, name, "assessments.penetration-testing", file: "pentest-summary-2026.md", time: "2026-08-05T16:00:00Z")
        try evidence(workspace, name, "coding.update-dependencies", file: "dependency-audit-2026-09.txt", time: "2026-09-28T12:00:00Z", actor: Self.engineer)
        try evidence(workspace, name, "data.retention.policy", file: "data-retention-policy.md", time: "2026-07-20T09:30:00Z")
        try evidence(workspace, name, "auth.access-review", file: "access-review-2026-09.csv", time: "2026-09-25T14:00:00Z")
        try evidence(workspace, name, "auth.admin-mfa", url: "https://admin.acme-pay.example/settings/security#mfa-enforced", time: "2026-07-22T09:00:00Z")
        var minute = 0
        for item in checklist.items where item.appliesWhen.isEmpty {
            minute += 7
            let (status, note) = exceptions[item.id] ?? (.pass, "Checked against the expected evidence.")
            let time = Timestamp(iso8601: "2026-09-29T08:00:00Z")!.adding(seconds: Int64(minute * 60))
            _ = try workspace.recordReview(itemID: item.id, status: status, note: note, cycle: name,
                                           session: Session(actor: Self.lead, now: time))
        }
        _ = try workspace.closeCycle(name: name, session: at("2026-09-30T17:00:00Z"))
    }

    // MARK: - 2026-Q4: carried forward, in progress

    private func fourthQuarter(_ workspace: Workspace) throws {
        let name = Self.openCycle
        _ = try workspace.startCycle(name: name, checklistID: nil, target: Self.paymentsTarget, scope: [], carryForward: true,
                                     session: at("2026-10-01T08:00:00Z"))
        try review(workspace, name, "webhooks.source-ip-allowlist", .pass, "Firewall now allows LiasonPay's published ranges only (SEC-212 done).", "2026-10-06T10:00:00Z")
        try evidence(workspace, name, "webhooks.source-ip-allowlist", url: "https://tickets.acme-pay.example/SEC-212", time: "2026-10-06T10:01:00Z")
        try review(workspace, name, "keys.rotation-90-days", .fail, "Production key key_prod_9Xe1 is 143 days old; rotation is overdue.", "2026-11-20T09:00:00Z")
        try review(workspace, name, "monitoring.incident-exercises", .partial, "Tabletop held 2026-11-04; the follow-up actions are still open.", "2026-11-05T09:00:00Z")
        try evidence(workspace, name, "monitoring.incident-exercises", note: "Tabletop exercise 2026-11-04: leaked live key scenario; 6 participants; 3 follow-up actions.", time: "2026-11-05T09:05:00Z")
        try evidence(workspace, name, "coding.dependency-scanning", url: "https://github.com/acme-pay/payments/security/dependabot", time: "2026-10-14T13:00:00Z", actor: Self.engineer)
        let wrong = try evidence(workspace, name, "coding.dependency-scanning", note: "Dependabot enabled on the mobile app repository.", time: "2026-10-14T13:05:00Z", actor: Self.engineer)
        _ = try workspace.withdrawEvidence(id: wrong, reason: "Wrong repository: the mobile app does not call LiasonPay.", purge: false, session: at("2026-10-15T09:00:00Z"))
        let reviewed = [
            "keys.separate-environment-keys", "transport.tls-1-2-minimum", "transport.certificate-validation",
            "webhooks.signature-verified", "auth.admin-mfa", "auth.access-review", "data.retention.policy",
            "assessments.penetration-testing",
        ]
        for (index, item) in reviewed.enumerated() {
            let time = Timestamp(iso8601: "2026-10-20T09:00:00Z")!.adding(seconds: Int64(index * 1800))
            _ = try workspace.recordReview(itemID: item, status: .pass, note: "Evidence checked; still holds.", cycle: name,
                                           session: Session(actor: Self.lead, now: time))
        }
        try scanIntegration(workspace, name)
        try handOut(workspace, name)
    }

    /// The lead hands the findings to owners with due dates and the CISO accepts one risk.
    private func handOut(_ workspace: Workspace, _ cycle: String) throws {
        _ = try workspace.assign(
            itemIDs: ["keys.no-hardcoded-keys", "keys.runtime-secret-storage", "keys.rotation-90-days"], owner: Self.engineer,
            due: Timestamp(iso8601: "2026-11-15"), cycle: cycle, session: at("2026-11-19T11:00:00Z"))
        _ = try workspace.assign(
            itemIDs: ["transport.https-only", "transport.client-min-tls-version", "coding.parameterized-queries"],
            owner: Self.engineer, due: Timestamp(iso8601: "2026-12-15"), cycle: cycle, session: at("2026-11-19T11:05:00Z"))
        _ = try workspace.assign(
            itemIDs: ["monitoring.incident-exercises"], owner: Self.lead, due: Timestamp(iso8601: "2027-01-31"), cycle: cycle,
            session: at("2026-11-19T11:10:00Z"))
        _ = try workspace.addException(
            itemID: "monitoring.incident-exercises",
            reason: "Follow-up actions of the November tabletop are scheduled for January; the residual risk is accepted until then.",
            expires: Timestamp(iso8601: "2027-01-31")!, approvedBy: Self.approver, cycle: cycle, session: at("2026-11-19T11:15:00Z"))
    }

    // MARK: - 2026-Q4, merchant portal: a smaller target, reviewed and closed

    private func portal(_ workspace: Workspace, checklist: Checklist) throws {
        let name = Self.portalCycle
        _ = try workspace.startCycle(name: name, checklistID: nil, target: Self.portalTarget, scope: [], carryForward: false,
                                     session: at("2026-10-02T08:00:00Z"))
        try evidence(workspace, name, "auth.admin-mfa", url: "https://portal.acme-pay.example/admin/settings#mfa", time: "2026-10-09T10:00:00Z")
        let verdicts: [String: (ReviewStatus, String)] = [
            "auth.admin-mfa": (.pass, "Portal admins sign in with SSO and hardware keys."),
            "auth.access-review": (.fail, "No access review of portal accounts this year."),
            "webhooks.source-ip-allowlist": (.na, "The portal receives no webhooks."),
            "webhooks.signature-verified": (.na, "The portal receives no webhooks."),
            "webhooks.signature-constant-time-compare": (.na, "The portal receives no webhooks."),
        ]
        var minute = 0
        for item in checklist.items where item.appliesWhen.isEmpty {
            minute += 3
            let (status, note) = verdicts[item.id] ?? (.pass, "Checked on the portal.")
            let time = Timestamp(iso8601: "2026-10-12T08:00:00Z")!.adding(seconds: Int64(minute * 60))
            _ = try workspace.recordReview(itemID: item.id, status: status, note: note, cycle: name,
                                           session: Session(actor: Self.lead, now: time))
        }
        _ = try workspace.closeCycle(name: name, session: at("2026-10-31T17:00:00Z"))
    }

    /// The engineer scans the integration's source and files the results; the lead reviews what they show.
    private func scanIntegration(_ workspace: Workspace, _ cycle: String) throws {
        let report = try SourceScan.run(root: integration)
        _ = try workspace.attachScan(report, cycle: cycle, session: at("2026-11-18T15:00:00Z", Self.engineer))
        let verdicts: [(String, ReviewStatus, String)] = [
            ("keys.no-hardcoded-keys", .fail, "The scan found a live key in src/config.js; revoke it, rotate, read it from the secrets manager (SEC-231)."),
            ("keys.runtime-secret-storage", .partial, "Most services read the key from the environment; src/config.js does not (SEC-231)."),
            ("transport.https-only", .fail, "The legacy refund client calls http://liasonpay.net (src/liasonpay-client.js); switch to HTTPS."),
            ("transport.client-min-tls-version", .fail, "src/liasonpay-client.js allows TLSv1; set minVersion to TLSv1.2."),
            ("transport.never-disable-validation", .fail, "scripts/sync_settlements.py passes verify=False."),
            ("coding.parameterized-queries", .fail, "src/orders.js builds a query with a template literal."),
            ("coding.generic-error-responses", .fail, "src/server.js sends err.stack to clients."),
            ("webhooks.signature-constant-time-compare", .fail, "The Go verifier compares signatures with ==; use hmac.Equal."),
            ("assessments.automated-scanning", .pass, "evident scan runs in CI on every release (pipeline reviewed); its findings are filed on the items they concern."),
        ]
        for (index, verdict) in verdicts.enumerated() {
            let time = Timestamp(iso8601: "2026-11-19T09:00:00Z")!.adding(seconds: Int64(index * 600))
            _ = try workspace.recordReview(itemID: verdict.0, status: verdict.1, note: verdict.2, cycle: cycle,
                                           session: Session(actor: Self.lead, now: time))
        }
    }

    // MARK: - Steps

    private func review(_ workspace: Workspace, _ cycle: String, _ item: String, _ status: ReviewStatus, _ note: String, _ time: String) throws {
        _ = try workspace.recordReview(itemID: item, status: status, note: note, cycle: cycle, session: at(time))
    }

    @discardableResult
    private func evidence(
        _ workspace: Workspace, _ cycle: String, _ item: String, file: String? = nil, url: String? = nil, note: String? = nil,
        asOf: String? = nil, time: String, actor: String = lead
    ) throws -> Int64 {
        let source: EvidenceSource = if let file { .file(path: files + "/" + file) } else if let url { .url(url) } else { .note(note ?? "") }
        let request = EvidenceRequest(itemID: item, source: source, asOf: asOf.flatMap(Timestamp.init(iso8601:)), cycle: cycle)
        return try workspace.addEvidence(request, session: at(time, actor)).evidence.id
    }
}
