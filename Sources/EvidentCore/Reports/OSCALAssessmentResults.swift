import Foundation

/// OSCAL 1.2.1 assessment-results of one cycle, for GRC tools and auditors: one result for the
/// cycle, a finding per item reviewed pass/partial/fail, an observation per piece of evidence
/// (its hash and bundle path in a back-matter resource), every actor as a party. UUIDs are
/// name-based, so the same report renders the same bytes. Mapping choices: docs/oscal.md.
public enum OSCALAssessmentResults {
    /// The OSCAL version the output follows.
    public static let oscalVersion = "1.2.1"

    /// Where the document sits in an auditor bundle (SPEC §6).
    public static let bundleDocumentPath = "oscal/assessment-results.json"

    /// The OSCAL JSON of `report`, keys sorted, ending with a newline. Evidence with a `bundlePath`
    /// is linked relative to `documentPath`, where this document sits in the same bundle.
    public static func render(_ report: AuditReport, documentPath: String = bundleDocumentPath) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(document(report, documentPath: documentPath))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // MARK: - Document

    /// The document as Codable values, before encoding.
    static func document(_ report: AuditReport, documentPath: String = bundleDocumentPath) -> OSCALAssessmentResultsDocument {
        let naming = OSCALNaming(report)
        let depth = documentPath.split(separator: "/", omittingEmptySubsequences: true).count - 1
        let evidence = OSCALEvidence(naming: naming, bundleRoot: String(repeating: "../", count: max(0, depth)))
        let allEvidence = report.sections.flatMap(\.items).flatMap(\.evidence)
        let plan = planResource(report, naming: naming)
        let body = OSCALAssessmentResultsBody(
            uuid: naming.uuid("assessment-results"),
            metadata: metadata(report),
            importAP: OSCALImportAP(
                href: plan.uuid.fragment,
                remarks: "Evident has no separate assessment plan: the plan is the checklist version the cycle pinned, "
                    + "described by the back-matter resource this refers to."),
            results: [result(report, naming: naming, evidence: evidence)],
            backMatter: OSCALBackMatter(resources: [plan] + allEvidence.map(evidence.resource)))
        return OSCALAssessmentResultsDocument(assessmentResults: body)
    }

    private static func metadata(_ report: AuditReport) -> OSCALMetadata {
        let roster = OSCALRoster(report)
        let props = [
            OSCALProperty.evident("tool", "\(report.tool.name) \(report.tool.version)"),
            OSCALProperty.evident("checklist-id", report.checklist.id),
            OSCALProperty.evident("checklist-version", report.checklist.version),
            OSCALProperty.evident("checklist-content-sha256", report.checklist.contentHash),
            OSCALProperty.evident("cycle", report.cycle.name),
            OSCALProperty.evident("target", report.cycle.target),
            OSCALProperty.evident("cycle-state", report.cycle.state.rawValue),
            OSCALProperty.evident("judged-at", report.judgedAt.iso8601),
        ].compactMap { $0 }
        return OSCALMetadata(
            title: OSCALText.markupLine(
                "Assessment results: \(report.checklist.title), cycle \(report.cycle.name)", fallback: "Assessment results"),
            lastModified: report.generatedAt.iso8601,
            version: OSCALText.line(report.cycle.name, fallback: "cycle"),
            oscalVersion: oscalVersion,
            props: props,
            roles: roster.roles.nonEmpty,
            parties: roster.parties.nonEmpty,
            responsibleParties: roster.responsibleParties.nonEmpty,
            remarks: "Written by \(report.tool.name) \(report.tool.version) from review cycle "
                + "\(OSCALText.inline(report.cycle.name)) (\(report.cycle.state.rawValue)).")
    }

    /// The plan the results follow: the checklist version the cycle pinned, by content hash.
    private static func planResource(_ report: AuditReport, naming: OSCALNaming) -> OSCALResource {
        let checklist = report.checklist
        var description = "Checklist \(checklist.id) version \(OSCALText.inline(checklist.version)), content SHA-256 "
            + "\(checklist.contentHash): every item of it is a control objective of this assessment."
        if let source = checklist.source { description += "\n\nSource: \(OSCALText.inline(source))" }
        return OSCALResource(
            uuid: naming.uuid("plan"),
            title: OSCALText.markupLine("Assessment plan: \(checklist.title) \(checklist.version)", fallback: "Assessment plan"),
            description: description,
            props: [
                OSCALProperty.evident("checklist-id", checklist.id),
                OSCALProperty.evident("checklist-version", checklist.version),
                OSCALProperty.evident("checklist-content-sha256", checklist.contentHash),
            ].compactMap { $0 },
            rlinks: nil, remarks: nil)
    }

    // MARK: - Result

    private static func result(_ report: AuditReport, naming: OSCALNaming, evidence: OSCALEvidence) -> OSCALResult {
        let reviews = OSCALReviews(naming: naming, evidence: evidence)
        let risks = OSCALRisks(naming: naming)
        let placed = report.sections.flatMap { section in section.items.map { (section, $0) } }
        let items = placed.map(\.1)
        let notApplicable = items.filter { $0.status == .na }
        let pending = items.filter { $0.status == .pending }
        let observations = items.flatMap { item in item.evidence.map { evidence.observation($0, item: item) } }
            + items.compactMap { reviews.notApplicable($0, cycleStart: report.cycle.startedAt) }
        let selection = OSCALControlSelection(
            description: "Every item of checklist \(report.checklist.id) \(OSCALText.inline(report.checklist.version)), "
                + "less the items reviewed not applicable.",
            includeAll: OSCALIncludeAll(),
            excludeControls: notApplicable.map { OSCALSelectControl(controlID: $0.id) }.nonEmpty,
            remarks: nil)
        let props = [
            OSCALProperty.evident("cycle-state", report.cycle.state.rawValue),
            OSCALProperty.evident("target", report.cycle.target),
            OSCALProperty.evident("started-by", report.cycle.startedBy),
            OSCALProperty.evident("closed-by", report.cycle.closedBy),
            OSCALProperty.evident("carried-forward-from", report.cycle.carriedFrom),
        ].compactMap { $0 } + report.cycle.scope.compactMap { OSCALProperty.evident("scope", $0) }
        return OSCALResult(
            uuid: naming.uuid("result"),
            title: OSCALText.markupLine("Review cycle \(report.cycle.name)", fallback: "Review cycle"),
            description: resultDescription(report),
            start: report.cycle.startedAt.iso8601,
            end: report.cycle.closedAt?.iso8601,
            props: props,
            reviewedControls: OSCALReviewedControls(description: nil, controlSelections: [selection]),
            attestations: report.signoffs.enumerated().map { reviews.attestation($1, index: $0) }.nonEmpty,
            assessmentLog: reviews.logEntries(items).nonEmpty.map(OSCALAssessmentLog.init),
            observations: observations.nonEmpty,
            risks: items.compactMap(risks.risk).nonEmpty,
            findings: placed.compactMap { section, item in
                var finding = reviews.finding(item, section: section)
                if item.exception != nil { finding?.relatedRisks = [OSCALAssociatedRisk(riskUUID: risks.riskUUID(item))] }
                return finding
            }.nonEmpty,
            remarks: pending.isEmpty ? nil
                : "Not reviewed yet, so without a finding: \(pending.map(\.id).joined(separator: ", ")).")
    }

    private static func resultDescription(_ report: AuditReport) -> String {
        let counts = report.summary.counts
        let state = report.cycle.state.rawValue
        return "Review cycle \(OSCALText.inline(report.cycle.name)) (\(state)) of checklist "
            + "\(OSCALText.inline(report.checklist.title)) version \(OSCALText.inline(report.checklist.version)): "
            + "\(report.summary.items) items: \(counts.pass) pass, \(counts.partial) partial, \(counts.fail) fail, "
            + "\(counts.na) not applicable, \(counts.pending) pending."
    }
}
