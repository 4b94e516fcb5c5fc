import Crypto
import Foundation
import ZIPFoundation

/// What an export wrote.
public struct ExportResult: Sendable {
    public let path: String
    public let manifest: BundleManifest
    public let signed: Bool
    public let keyFingerprint: String?
}

extension Workspace {
    /// Writes the auditor bundle of `cycle` to `path` (SPEC §6): reports, results, sign-offs, the
    /// cycle's audit entries, OSCAL assessment-results and the evidence files, listed with their
    /// SHA-256 in `manifest.json`, signed when `key` is given. Evidence streams from the vault in
    /// constant memory and is checked against its digest on the way; the zip is written to a
    /// temporary file and renamed, so a failed export leaves nothing behind. Same workspace and
    /// clock, same bytes. An existing file at `path` is replaced only when `overwrite` is true.
    public func exportBundle(
        cycle name: String, to path: String, key: Curve25519.Signing.PrivateKey?, now: Timestamp, toolVersion: String,
        overwrite: Bool = false, progress: WorkProgress = .none
    ) throws -> ExportResult {
        let cycle = try resolveCycle(name, for: .read)
        if !overwrite, FileManager.default.fileExists(atPath: path) {
            throw EvidentFailure(.badInput, "\(path) already exists; export never replaces a bundle",
                                 hint: "choose another --out, or add --force to replace it")
        }
        var report = try self.report(of: cycle, now: now, toolVersion: toolVersion)
        let snapshot = try snapshot(of: cycle, now: now)
        var evidenceFiles: [(path: String, digest: String, size: Int64)] = []
        var seen = Set<String>()
        for sectionIndex in report.sections.indices {
            for itemIndex in report.sections[sectionIndex].items.indices {
                let item = report.sections[sectionIndex].items[itemIndex]
                for evidenceIndex in item.evidence.indices {
                    let evidence = item.evidence[evidenceIndex]
                    guard evidence.kind == .file || evidence.kind == .scan, evidence.state != .withdrawn else { continue }
                    let bundlePath = BundlePath.evidence(item: item.id, digest: evidence.sha256, name: evidence.name)
                    report.sections[sectionIndex].items[itemIndex].evidence[evidenceIndex].bundlePath = bundlePath
                    if seen.insert(bundlePath).inserted { evidenceFiles.append((bundlePath, evidence.sha256, evidence.size)) }
                }
            }
        }
        let templates = try TemplateSet.builtIn()
        var generated: [(path: String, bytes: [UInt8])] = [
            (BundleManifest.Name.htmlReport, Array(try ReportRenderer.render(report, as: .html, templates: templates).utf8)),
            (BundleManifest.Name.markdownReport, Array(try ReportRenderer.render(report, as: .md, templates: templates).utf8)),
            (BundleManifest.Name.results, Array(CanonicalJSON.pretty(report).utf8)),
            (BundleManifest.Name.signoffs, Array(CanonicalJSON.pretty(SignoffsDocument(cycle: cycle, states: try signoffStates(of: snapshot))).utf8)),
            (BundleManifest.Name.auditLog, Array(try auditLines(cycleID: cycle.id).utf8)),
            (BundleManifest.Name.oscal, Array(try OSCALAssessmentResults.render(report).utf8)),
        ]
        generated.sort { $0.path < $1.path }
        var files = generated.map { BundleManifest.File(path: $0.path, size: Int64($0.bytes.count), sha256: Digest.sha256($0.bytes)) }
        files += evidenceFiles.map { BundleManifest.File(path: $0.path, size: $0.size, sha256: $0.digest) }
        files.sort { $0.path < $1.path }
        let manifest = BundleManifest(
            formatVersion: BundleManifest.currentFormatVersion, cycle: cycle.name,
            checklist: .init(id: cycle.checklistID, version: cycle.version), generatedAt: now,
            tool: .init(name: "Evident", version: toolVersion), files: files)
        var entries = generated.map { BundleEntry.bytes(path: $0.path, $0.bytes) }
        entries += evidenceFiles.map { BundleEntry.vaultFile(path: $0.path, digest: $0.digest, size: $0.size) }
        entries.append(.bytes(path: BundleManifest.Name.manifest, manifest.bytes))
        if let key {
            let signature = try key.signature(for: Data(manifest.bytes)).base64EncodedString() + "\n"
            entries.append(.bytes(path: BundleManifest.Name.signature, Array(signature.utf8)))
        }
        entries.sort { $0.path < $1.path }
        try BundleZip.write(entries, to: path, vault: vault, date: now, progress: progress)
        return ExportResult(path: path, manifest: manifest, signed: key != nil, keyFingerprint: key.map { SigningKeys.fingerprint($0.publicKey) })
    }

    /// The stretch of the audit chain from the cycle's first entry to its last, as JSON lines: the
    /// cycle's own entries whole (raw payload and chain hashes), the entries of other cycles or of
    /// the workspace in between elided to their number and hashes, so the chain links unbroken
    /// without showing another cycle's content.
    private func auditLines(cycleID: Int64) throws -> String {
        let own = try database.auditEntries(cycleID: cycleID)
        guard let first = own.first, let last = own.last else { return "" }
        return try database.auditEntries(seqFrom: first.seq, through: last.seq).map { entry in
            entry.cycleID == cycleID ? CanonicalJSON.string(entry) + "\n" : CanonicalJSON.string(ElidedAuditEntry(entry)) + "\n"
        }.joined()
    }
}

/// `signoffs.json`: each sign-off with what an auditor needs to check its signature offline; read
/// back by `verify --bundle`.
struct SignoffsDocument: Codable {
    struct Entry: Codable {
        let signer: String
        let statement: String
        let at: Timestamp
        let digest: String
        let stale: Bool
        let signature: String?
        let publicKey: String?
        let keyFingerprint: String?
        /// The exact signed bytes (canonical JSON), as text.
        let signedDocument: String
    }

    var formatVersion = 1
    let cycle: String
    let signoffs: [Entry]

    init(cycle: Cycle, states: [SignoffState]) {
        self.cycle = cycle.name
        signoffs = states.map { state in
            let signoff = state.signoff
            return Entry(
                signer: signoff.signer, statement: signoff.statement, at: signoff.at, digest: signoff.digest, stale: state.stale,
                signature: signoff.signature, publicKey: signoff.publicKey, keyFingerprint: signoff.keyFingerprint,
                signedDocument: String(decoding: Signoff.signedDocument(cycle: cycle.name, signer: signoff.signer,
                                                                        statement: signoff.statement, at: signoff.at,
                                                                        digest: signoff.digest), as: UTF8.self))
        }
    }
}
