import Foundation

/// What filing a SARIF file did.
public struct SARIFAttachmentResult: Sendable {
    public let cycle: Cycle
    /// Each item the results were filed on, with the summary recorded for it.
    public let attached: [(item: String, summary: String)]
}

extension Workspace {
    /// Files another scanner's SARIF results as `scan` evidence on every item of the open cycle
    /// whose `checks` name one of the tool's rules (`TOOL:RULE` patterns, `*` wildcards): the file
    /// (secrets masked) goes into the vault once, and each item gets a note with what the matching
    /// rules found — or that the rules ran and found nothing.
    public func attachSARIF(_ sarif: SARIFImport, cycle name: String?, session: Session) throws -> SARIFAttachmentResult {
        let cycle = try openCycle(name)
        var matched: [(item: ChecklistItemRecord, summary: String)] = []
        for item in try database.items(versionID: cycle.versionID) {
            let patterns = item.detectorIDs.compactMap(CheckPattern.init)
            if let summary = Self.sarifSummary(sarif, patterns: patterns) { matched.append((item, summary)) }
        }
        guard !matched.isEmpty else { return SARIFAttachmentResult(cycle: cycle, attached: []) }
        let stored = try vault.store(bytes: sarif.storedBytes)
        let fileName = BundlePath.safeName((sarif.path as NSString).lastPathComponent)
        var attached: [(String, String)] = []
        for (item, summary) in matched {
            let evidence = Evidence(
                id: 0, cycleID: cycle.id, itemID: item.itemID, kind: .scan, digest: stored.digest, size: stored.size,
                fileName: fileName, note: summary, redacted: sarif.redacted, effectiveAt: session.now,
                expiresAt: Evidence.expiry(effective: session.now, explicit: nil, maxAgeDays: item.maxAgeDays),
                addedAt: session.now, addedBy: session.actor)
            _ = try database.insertEvidence(evidence, session: session)
            attached.append((item.itemID, summary))
        }
        return SARIFAttachmentResult(cycle: cycle, attached: attached)
    }

    /// `SARIF from semgrep 1.99.0 (rules.sarif): rule-a: 2 results (a.js:3, b.py:9); rule-b: no results`,
    /// over the rules `patterns` name; nil when they name none of the file's rules.
    public static func sarifSummary(_ sarif: SARIFImport, patterns: [CheckPattern]) -> String? {
        var parts: [String] = []
        for run in sarif.runs {
            let rules = run.rules.filter { rule in patterns.contains { $0.matches(tool: run.toolID, rule: rule) } }
            guard !rules.isEmpty else { continue }
            let tool = run.toolID
            let details = rules.map { rule -> String in
                let found = run.results.filter { $0.rule == rule }
                guard !found.isEmpty else { return "\(tool):\(rule): no results" }
                let places = found.prefix(5).map(\.place).joined(separator: ", ")
                return "\(tool):\(rule): \(found.count) result\(found.count == 1 ? "" : "s") (\(places)\(found.count > 5 ? ", …" : ""))"
            }
            let version = run.version.map { " \($0)" } ?? ""
            let quality = tool == "evident"
                ? rules.compactMap(DetectorID.init).map { " " + DetectorQuality.of($0).evidenceText }.joined()
                : " Covers only the rules named; their recall and precision are the tool's own, not measured by Evident."
            parts.append("SARIF from \(run.tool)\(version) (\((sarif.path as NSString).lastPathComponent)): "
                + details.joined(separator: "; ") + "." + quality)
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
