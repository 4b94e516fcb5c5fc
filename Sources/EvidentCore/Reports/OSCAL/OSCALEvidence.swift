/// Evidence as OSCAL: one observation per piece (what was seen, when, by whom) pointing to one
/// back-matter resource that says where the bytes are and what their SHA-256 is.
struct OSCALEvidence: Sendable {
    typealias EvidenceReport = AuditReport.EvidenceReport

    let naming: OSCALNaming
    /// The bundle's root seen from the OSCAL document (`../` for `oscal/assessment-results.json`).
    let bundleRoot: String

    /// The observation's UUID, for the findings that rest on it.
    func observationUUID(_ evidence: EvidenceReport) -> OSCALUUID { naming.uuid("evidence/\(evidence.id)/observation") }

    /// The back-matter resource's UUID.
    func resourceUUID(_ evidence: EvidenceReport) -> OSCALUUID { naming.uuid("evidence/\(evidence.id)/resource") }

    // MARK: - Observation

    /// The observation of `evidence`, attached to `item`: collected at its effective time.
    func observation(_ evidence: EvidenceReport, item: AuditReport.ItemReport) -> OSCALObservation {
        var remarks: [String] = []
        if let reason = evidence.withdrawnReason {
            remarks.append("Withdrawn: \(OSCALText.inline(reason))")
        }
        if let cycle = evidence.carriedFrom {
            remarks.append("Carried forward from cycle \(OSCALText.inline(cycle)).")
        }
        if evidence.redacted { remarks.append("Stored redacted: sensitive values were masked.") }
        let props = [
            OSCALProperty.evident("item", item.id),
            OSCALProperty.evident("evidence-id", String(evidence.id)),
            OSCALProperty.evident("evidence-kind", evidence.kind.rawValue),
            OSCALProperty.evident("evidence-state", evidence.state.rawValue),
            OSCALProperty.evident("added-at", evidence.addedAt.iso8601),
        ].compactMap { $0 }
        return OSCALObservation(
            uuid: observationUUID(evidence),
            title: OSCALText.markupLine(summary(evidence), fallback: "Evidence \(evidence.id)"),
            description: description(evidence, item: item),
            props: props,
            methods: evidence.kind == .scan ? ["TEST"] : ["EXAMINE"],
            origins: [OSCALOrigin.party(evidence.addedBy, role: OSCALRoster.Role.evidenceCollector.rawValue)],
            relevantEvidence: [OSCALRelevantEvidence(href: resourceUUID(evidence).fragment, description: locationText(evidence))],
            collected: evidence.effectiveAt.iso8601,
            expires: evidence.expiresAt?.iso8601,
            remarks: remarks.isEmpty ? nil : remarks.joined(separator: "\n\n"))
    }

    /// One line naming the evidence: the file name, the link, or the note's first line.
    private func summary(_ evidence: EvidenceReport) -> String {
        switch evidence.kind {
        case .file, .scan: return evidence.name ?? evidence.sha256
        case .url: return evidence.url ?? evidence.sha256
        case .note:
            let firstLine = (evidence.note ?? "").split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            return firstLine.count > 80 ? String(firstLine.prefix(79)) + "…" : firstLine
        }
    }

    private func description(_ evidence: EvidenceReport, item: AuditReport.ItemReport) -> String {
        let what: String = switch evidence.kind {
        case .file: "File \(OSCALText.inlineName(evidence.name ?? "")) (\(evidence.size) bytes)"
        case .scan: "Scan result \(OSCALText.inlineName(evidence.name ?? "")) (\(evidence.size) bytes)"
        case .url: "Link \(OSCALText.inline(evidence.url ?? ""))"
        case .note: "Note"
        }
        var text = "\(what), SHA-256 \(evidence.sha256), attached to item \(item.id) by "
            + "\(OSCALText.inlineName(evidence.addedBy)) at \(evidence.addedAt.iso8601); state: \(evidence.state.rawValue)."
        if evidence.kind == .note, let note = evidence.note {
            text += "\n\n" + OSCALText.markdownLiteral(note)
        }
        return text
    }

    /// Where the evidence's bytes are: the bundle path, the link, or the workspace.
    private func locationText(_ evidence: EvidenceReport) -> String {
        if let path = evidence.bundlePath { return "In this bundle at \(OSCALText.inline(path)), SHA-256 \(evidence.sha256)." }
        switch evidence.kind {
        case .url: return "At the link, as recorded; SHA-256 \(evidence.sha256) is of the link's text."
        case .note: return "The note's text, above; SHA-256 \(evidence.sha256)."
        case .file, .scan: return "In the workspace vault: `evident evidence get \(evidence.id)`; SHA-256 \(evidence.sha256)."
        }
    }

    // MARK: - Resource

    /// The back-matter resource of `evidence`: its bundle path (or link) with the SHA-256 to check.
    func resource(_ evidence: EvidenceReport) -> OSCALResource {
        var links: [OSCALResourceLink] = []
        if let path = evidence.bundlePath {
            links.append(OSCALResourceLink(href: OSCALText.uriReference(bundleRoot + path), hashes: [.sha256(evidence.sha256)]))
        } else if evidence.kind == .url, let url = evidence.url {
            links.append(OSCALResourceLink(href: OSCALText.uriReference(url)))
        }
        let props = [
            OSCALProperty.evident("sha256", evidence.sha256),
            OSCALProperty.evident("size", String(evidence.size)),
            OSCALProperty.evident("evidence-id", String(evidence.id)),
            OSCALProperty.evident("evidence-kind", evidence.kind.rawValue),
            OSCALProperty.evident("bundle-path", evidence.bundlePath),
        ].compactMap { $0 }
        return OSCALResource(
            uuid: resourceUUID(evidence),
            title: OSCALText.markupLine(summary(evidence), fallback: "Evidence \(evidence.id)"),
            description: locationText(evidence),
            props: props,
            rlinks: links.nonEmpty,
            remarks: nil)
    }
}
