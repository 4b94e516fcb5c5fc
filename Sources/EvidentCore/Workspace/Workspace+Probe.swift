import Foundation

/// What filing a probe result did.
public struct ProbeAttachmentResult: Sendable {
    public let cycle: Cycle
    /// The items the result was filed on, in id order.
    public let items: [String]
    /// The expiry the evidence got on each item, by item id (absent: never expires).
    public let expiries: [String: Timestamp]
}

extension Workspace {
    /// Checks, before a probe runs, that its result could be filed: the cycle resolves and is open.
    public func prepareProbeAttachment(cycle name: String?) throws -> Cycle {
        try openCycle(name)
    }

    /// Files a finished probe as `scan` evidence on every item of the open cycle whose `checks` name
    /// the probe: the whole result (JSON, no secret in it) goes into the vault once, and each item
    /// gets the one-line observations as its note. The evidence expires at the earlier of the item's
    /// `max_age_days` and the result's deadline (the certificate's end for `probe tls`).
    public func attachProbe(_ result: some ProbeResult, cycle name: String?, session: Session) throws -> ProbeAttachmentResult {
        let cycle = try openCycle(name)
        let items = try database.items(versionID: cycle.versionID)
            .filter { $0.detectorIDs.contains(result.probe.rawValue) }
            .sorted { $0.itemID < $1.itemID }
        guard !items.isEmpty else { return ProbeAttachmentResult(cycle: cycle, items: [], expiries: [:]) }
        let stored = try vault.store(bytes: Array(CanonicalJSON.pretty(result).utf8))
        let (note, _) = SensitiveData.mask(result.summary)
        var expiries: [String: Timestamp] = [:]
        for item in items {
            let expiry = Evidence.expiry(effective: session.now, explicit: result.evidenceDeadline, maxAgeDays: item.maxAgeDays)
            expiries[item.itemID] = expiry
            let evidence = Evidence(
                id: 0, cycleID: cycle.id, itemID: item.itemID, kind: .scan, digest: stored.digest, size: stored.size,
                fileName: result.evidenceFileName, note: note, redacted: false, effectiveAt: session.now,
                expiresAt: expiry, addedAt: session.now, addedBy: session.actor)
            _ = try database.insertEvidence(evidence, session: session)
        }
        return ProbeAttachmentResult(cycle: cycle, items: items.map(\.itemID), expiries: expiries)
    }
}
