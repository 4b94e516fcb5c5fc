/// Reviews as OSCAL: a finding per item reviewed pass, partial or fail; an observation per item
/// reviewed `na` (OSCAL has no "not applicable" state); the assessment log of every review; and
/// an attestation per sign-off.
struct OSCALReviews: Sendable {
    typealias ItemReport = AuditReport.ItemReport

    let naming: OSCALNaming
    let evidence: OSCALEvidence

    /// The objective state and reason of `status`; nil for `na` and `pending`, which OSCAL cannot state.
    static func objective(of status: ItemStatus) -> (state: String, reason: String)? {
        switch status {
        case .pass: ("satisfied", "pass")
        case .fail: ("not-satisfied", "fail")
        case .partial: ("not-satisfied", "other")
        case .na, .pending: nil
        }
    }

    // MARK: - Findings

    /// The finding on `item` of `section`, resting on its evidence that is not withdrawn; nil when
    /// the item is pending or `na`.
    func finding(_ item: ItemReport, section: AuditReport.SectionReport) -> OSCALFinding? {
        guard let objective = Self.objective(of: item.status) else { return nil }
        let related = item.evidence.filter { $0.state != .withdrawn }
            .map { OSCALRelatedObservation(observationUUID: evidence.observationUUID($0)) }
        var description = "Reviewed \(item.status.label) by \(reviewerText(item))."
        description += related.isEmpty ? " No evidence is attached." : " Evidence: \(related.count) observation(s)."
        if item.passWithoutEvidence { description += " Warning: this pass rests on no evidence that counts at the judging time." }
        let props = [
            item.passWithoutEvidence ? OSCALProperty.evident("pass-without-evidence", "true") : nil,
            OSCALProperty.evident("status", item.status.rawValue),
            OSCALProperty.evident("section", section.id),
            OSCALProperty.evident("severity", item.severity.rawValue),
            OSCALProperty.evident("reviewed-at", item.reviewedAt?.iso8601),
        ].compactMap { $0 }
        let status = OSCALObjectiveStatus(
            state: objective.state, reason: objective.reason,
            remarks: item.status == .partial ? "Evident status: partial (the requirement is partly met)." : nil)
        return OSCALFinding(
            uuid: naming.uuid("finding/\(item.id)"),
            title: OSCALText.markupLine("\(item.id): \(item.title)", fallback: item.id),
            description: description,
            props: props,
            origins: item.reviewedBy.map { [OSCALOrigin.party($0, role: OSCALRoster.Role.assessor.rawValue)] },
            target: OSCALFindingTarget(
                type: "objective-id", targetID: item.id, title: OSCALText.markupLine(item.title, fallback: item.id),
                description: item.description, status: status),
            relatedObservations: related.nonEmpty,
            remarks: item.note.map { OSCALText.markdownLiteral($0) })
    }

    /// The observation that `item` does not apply, with the reviewer's reason; nil unless it is `na`.
    func notApplicable(_ item: ItemReport, cycleStart: Timestamp) -> OSCALObservation? {
        guard item.status == .na else { return nil }
        return OSCALObservation(
            uuid: naming.uuid("not-applicable/\(item.id)"),
            title: OSCALText.markupLine("\(item.id) does not apply", fallback: item.id),
            description: "Reviewed N/A by \(reviewerText(item)): the item does not apply in this cycle, so it has no "
                + "finding and is excluded from the reviewed controls.",
            props: [OSCALProperty.evident("item", item.id), OSCALProperty.evident("status", "na")].compactMap { $0 },
            methods: ["EXAMINE"],
            origins: item.reviewedBy.map { [OSCALOrigin.party($0, role: OSCALRoster.Role.assessor.rawValue)] },
            relevantEvidence: nil,
            collected: (item.reviewedAt ?? cycleStart).iso8601,
            expires: nil,
            remarks: item.note.map { OSCALText.markdownLiteral($0) })
    }

    private func reviewerText(_ item: ItemReport) -> String {
        let who = item.reviewedBy.map(OSCALText.inlineName) ?? "an unknown reviewer"
        return item.reviewedAt.map { "\(who) at \($0.iso8601)" } ?? who
    }

    // MARK: - Assessment log

    /// Every review of every item, oldest first (ties in checklist order, then recording order).
    func logEntries(_ items: [ItemReport]) -> [OSCALLogEntry] {
        var entries: [(at: Timestamp, item: Int, index: Int, entry: OSCALLogEntry)] = []
        for (itemIndex, item) in items.enumerated() {
            for (index, review) in item.history.enumerated() {
                let entry = OSCALLogEntry(
                    uuid: naming.uuid("review/\(item.id)/\(index)"),
                    title: OSCALText.markupLine("\(item.id) reviewed \(ItemStatus(review.status).label)", fallback: item.id),
                    start: review.at.iso8601,
                    props: [OSCALProperty.evident("item", item.id), OSCALProperty.evident("status", review.status.rawValue)]
                        .compactMap { $0 },
                    loggedBy: [OSCALLoggedBy(partyUUID: OSCALNaming.party(review.actor), roleID: OSCALRoster.Role.assessor.rawValue)],
                    remarks: review.note.map { OSCALText.markdownLiteral($0) })
                entries.append((review.at, itemIndex, index, entry))
            }
        }
        return entries.sorted { ($0.at, $0.item, $0.index) < ($1.at, $1.item, $1.index) }.map(\.entry)
    }

    // MARK: - Sign-offs

    /// The attestation of the `index`th sign-off: the signer's statement and what it covered.
    func attestation(_ signoff: AuditReport.SignoffReport, index: Int) -> OSCALAttestation {
        let props = [
            OSCALProperty.evident("signed-at", signoff.at.iso8601),
            OSCALProperty.evident("digest", signoff.digest),
            OSCALProperty.evident("signed", signoff.signed ? "true" : "false"),
            OSCALProperty.evident("key-fingerprint", signoff.keyFingerprint),
            OSCALProperty.evident("stale", signoff.stale ? "true" : "false"),
        ].compactMap { $0 }
        return OSCALAttestation(
            responsibleParties: [OSCALResponsibleParty(
                roleID: OSCALRoster.Role.signatory.rawValue, partyUUIDs: [OSCALNaming.party(signoff.signer)])],
            parts: [OSCALAssessmentPart(
                uuid: naming.uuid("signoff/\(index)"), name: "sign-off",
                title: OSCALText.markupLine("Sign-off by \(signoff.signer)", fallback: "Sign-off"),
                props: props, prose: OSCALText.markdownLiteral(signoff.statement))])
    }
}
