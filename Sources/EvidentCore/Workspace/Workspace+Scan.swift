import Foundation

/// What filing a scan did.
public struct ScanAttachmentResult: Sendable {
    public let cycle: Cycle
    /// Each item the results were filed on, with the summary recorded for it.
    public let attached: [(item: String, summary: String)]
}

extension Workspace {
    /// Checks, before a scan runs, that its results could be filed: the cycle resolves and is open.
    public func prepareScanAttachment(cycle name: String?) throws -> Cycle {
        try openCycle(name)
    }

    /// Files a scan as `scan` evidence on every item of the open cycle whose `checks` name a
    /// detector that ran: the whole report (secrets masked) goes into the vault once, and each item
    /// gets a note saying what its detectors found — or that they found nothing — with the scanned
    /// tree's path and digest.
    public func attachScan(_ report: ScanReport, cycle name: String?, session: Session) throws -> ScanAttachmentResult {
        let cycle = try openCycle(name)
        let ran = Set(report.detectors.map(\.rawValue))
        let items = try database.items(versionID: cycle.versionID).filter { !Set($0.detectorIDs).isDisjoint(with: ran) }
        guard !items.isEmpty else { return ScanAttachmentResult(cycle: cycle, attached: []) }
        let stored = try vault.store(bytes: Array(CanonicalJSON.pretty(report).utf8))
        let name = "scan-" + BundlePath.safeName((report.root as NSString).lastPathComponent) + ".json"
        var attached: [(String, String)] = []
        for item in items {
            let summary = Self.scanSummary(report, detectors: item.detectorIDs.filter { ran.contains($0) }.sorted())
            let evidence = Evidence(
                id: 0, cycleID: cycle.id, itemID: item.itemID, kind: .scan, digest: stored.digest, size: stored.size,
                fileName: name, note: summary, redacted: false, effectiveAt: session.now,
                expiresAt: Evidence.expiry(effective: session.now, explicit: nil, maxAgeDays: item.maxAgeDays),
                addedAt: session.now, addedBy: session.actor)
            _ = try database.insertEvidence(evidence, session: session)
            attached.append((item.itemID, summary))
        }
        return ScanAttachmentResult(cycle: cycle, attached: attached)
    }

    /// `Scan of PATH (N files, sha256:…): detector: no findings; detector: 2 findings (a.js:3, b.py:9).`
    /// followed by each detector's scope and measured recall and precision (`DetectorQuality`), so
    /// that "no findings" is never read as more than it proves.
    static func scanSummary(_ report: ScanReport, detectors: [String]) -> String {
        let parts = detectors.map { id -> String in
            let found = report.findings.filter { $0.detector.rawValue == id }
            guard !found.isEmpty else { return "\(id): no findings" }
            let places = found.prefix(5).map { "\($0.path):\($0.line)" }.joined(separator: ", ")
            return "\(id): \(found.count) finding\(found.count == 1 ? "" : "s") (\(places)\(found.count > 5 ? ", …" : ""))"
        }
        let quality = detectors.compactMap(DetectorID.init).map { " " + DetectorQuality.of($0).evidenceText }.joined()
        return "Scan of \(report.root) (\(report.filesScanned) files, \(report.digest)): " + parts.joined(separator: "; ") + "."
            + quality
    }
}
