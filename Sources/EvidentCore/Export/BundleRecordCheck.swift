import Crypto
import Foundation

/// What the record inside a bundle says once checked against itself (SPEC §6): the cycle's state,
/// how much of the audit chain was recomputed, and each sign-off's signer, key and state.
public struct BundleRecord: Sendable, Equatable {
    /// How a sign-off's own signature stands.
    public enum SignoffSignature: Sendable, Equatable {
        case valid, invalid, unsigned
    }

    /// One sign-off of `signoffs.json`, checked.
    public struct SignoffCheck: Sendable, Equatable {
        public let signer: String
        public let at: Timestamp
        public let fingerprint: String?
        public let signature: SignoffSignature
        /// The cycle's reviews or evidence, as the bundle holds them, differ from what was signed.
        public let stale: Bool
    }

    public var cycle = ""
    /// `open` or `closed`, as `results.json` says and the audit log confirms.
    public var cycleState = ""
    /// Entries whose hash was recomputed, and entries of other cycles that only link the chain.
    public var auditEntries = 0
    public var elidedEntries = 0
    public var reviews = 0
    public var evidence = 0
    public var signoffs: [SignoffCheck] = []
}

/// Checks `results.json`, `signoffs.json` and `audit-log.jsonl` against each other: the log is an
/// unbroken chain, every review and evidence of the results has its log entry and nothing in the log
/// contradicts them, every sign-off verifies against its own key and a digest recomputed here.
enum BundleRecordCheck {
    static func check(
        results: Data, signoffs: Data, auditLog: Data, manifest: BundleManifest, problems: inout [String]
    ) -> BundleRecord {
        let cycle = manifest.cycle
        var record = BundleRecord()
        record.cycle = cycle
        let log = chain(auditLog, record: &record, problems: &problems)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let report = try? decoder.decode(BundleResults.self, from: results) else {
            problems.append("results.json is not an Evident report")
            return record
        }
        if report.cycle.name != cycle { problems.append("results.json is the report of cycle \(quoted(report.cycle.name)), the manifest says \(quoted(cycle))") }
        record.cycleState = report.cycle.state
        guard let cycleID = log.entries.first(where: { $0.action == "cycle.start" && $0.subject == cycle })?.cycleID else {
            problems.append("audit-log.jsonl has no cycle.start entry for cycle \(quoted(cycle))")
            return record
        }
        let own = log.entries.filter { $0.cycleID == cycleID }
        let closedInLog = own.contains { $0.action == "cycle.close" }
        if closedInLog != (report.cycle.state == "closed") {
            problems.append("results.json says the cycle is \(report.cycle.state), but the audit log \(closedInLog ? "records its close" : "has no cycle.close entry")")
        }
        let files = Dictionary(manifest.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let lines = compare(report, with: own, files: files, record: &record, problems: &problems)
        let digest = CycleDigest.of(cycle: cycle, reviews: lines.reviews, evidence: lines.evidence)
        guard let document = try? decoder.decode(SignoffsDocument.self, from: signoffs) else {
            problems.append("signoffs.json is not an Evident sign-off list")
            return record
        }
        record.signoffs = checkSignoffs(document, digest: digest, cycle: cycle, log: own, problems: &problems)
        return record
    }

    // MARK: - The chain

    private struct Chain {
        var entries: [AuditEntry] = []
    }

    /// Every line of the log, each linked to the one before; whole entries re-hashed.
    private static func chain(_ data: Data, record: inout BundleRecord, problems: inout [String]) -> Chain {
        var chain = Chain()
        var previous: (seq: Int64, hash: String)?
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        if lines.isEmpty { problems.append("audit-log.jsonl is empty: the cycle's history is missing") }
        for (index, line) in lines.enumerated() {
            guard let parsed = try? JSONDecoder().decode(LogLine.self, from: Data(line)) else {
                problems.append("audit-log.jsonl line \(index + 1): not an audit entry")
                previous = nil
                continue
            }
            if let previous {
                if parsed.seq != previous.seq + 1 {
                    problems.append("audit-log.jsonl: entries \(previous.seq + 1)–\(parsed.seq - 1) are missing before entry \(parsed.seq)")
                }
                if parsed.previousHash != previous.hash {
                    problems.append("audit-log.jsonl: entry \(parsed.seq) does not link to the entry before it")
                }
            }
            previous = (parsed.seq, parsed.hash)
            if parsed.elided == true {
                record.elidedEntries += 1
                continue
            }
            guard let entry = parsed.entry else {
                problems.append("audit-log.jsonl: entry \(parsed.seq) lacks fields its hash covers")
                continue
            }
            if AuditChain.expectedHash(of: entry) != entry.hash {
                problems.append("audit-log.jsonl: entry \(entry.seq) (\(entry.action) \(TerminalText.oneLine(entry.subject))) does not match its hash: it was changed")
            }
            record.auditEntries += 1
            chain.entries.append(entry)
        }
        return chain
    }

    // MARK: - Results against the log

    /// Compares reviews and evidence both ways; returns what the sign-off digest covers.
    private static func compare(
        _ report: BundleResults, with log: [AuditEntry], files: [String: BundleManifest.File], record: inout BundleRecord,
        problems: inout [String]
    ) -> (reviews: [CycleDigest.ReviewLine], evidence: [CycleDigest.EvidenceLine]) {
        var loggedReviews: [Int64: (entry: AuditEntry, payload: ReviewPayload)] = [:]
        var loggedEvidence: [Int64: EvidencePayload] = [:]
        var withdrawn = Set<Int64>()
        for entry in log {
            switch entry.action {
            case "review.record":
                if let payload = CanonicalJSON.decode(ReviewPayload.self, from: entry.payload) { loggedReviews[payload.reviewID] = (entry, payload) }
            case "evidence.add", "evidence.carry":
                if let payload = CanonicalJSON.decode(EvidencePayload.self, from: entry.payload) { loggedEvidence[payload.evidenceID] = payload }
            case "evidence.withdraw":
                if let payload = CanonicalJSON.decode(WithdrawPayload.self, from: entry.payload) { withdrawn.insert(payload.evidenceID) }
            default:
                break
            }
        }
        var reviewLines: [CycleDigest.ReviewLine] = []
        var evidenceLines: [CycleDigest.EvidenceLine] = []
        var seenReviews = Set<Int64>(), seenEvidence = Set<Int64>()
        for item in report.sections.flatMap(\.items) {
            let latest = item.history.last?.status ?? "pending"
            if item.status != latest {
                problems.append("results.json: \(item.id) shows \(item.status), but its latest review is \(latest)")
            }
            for review in item.history {
                guard let id = review.id else {
                    problems.append("results.json: a review of \(item.id) carries no review number (exported by an older Evident)")
                    continue
                }
                seenReviews.insert(id)
                reviewLines.append(.init(id: id, item: item.id, status: review.status, note: review.note, actor: review.actor, at: review.at))
                guard let logged = loggedReviews[id] else {
                    problems.append("results.json: review #\(id) of \(item.id) (\(review.status)) has no entry in the audit log")
                    continue
                }
                var differences: [String] = []
                if logged.payload.item != item.id { differences.append("item \(logged.payload.item)") }
                if logged.payload.status.rawValue != review.status { differences.append("status \(logged.payload.status.rawValue)") }
                if logged.payload.note != review.note { differences.append("note \(quoted(logged.payload.note ?? ""))") }
                if logged.entry.actor != review.actor { differences.append("reviewer \(quoted(logged.entry.actor))") }
                if logged.entry.at != review.at { differences.append("time \(logged.entry.at)") }
                if !differences.isEmpty {
                    problems.append("review #\(id) of \(item.id): the audit log says \(differences.joined(separator: ", ")); results.json differs")
                }
            }
            for evidence in item.evidence {
                seenEvidence.insert(evidence.id)
                let isWithdrawn = evidence.state == "withdrawn"
                evidenceLines.append(.init(id: evidence.id, item: item.id, digest: evidence.sha256, withdrawn: isWithdrawn))
                if let path = evidence.bundlePath, files[path]?.sha256 != evidence.sha256 {
                    problems.append("evidence #\(evidence.id) of \(item.id): \(path) is not the file results.json names (SHA-256 \(evidence.sha256))")
                }
                guard let logged = loggedEvidence[evidence.id] else {
                    problems.append("results.json: evidence #\(evidence.id) of \(item.id) has no entry in the audit log")
                    continue
                }
                if logged.item != item.id || logged.digest != evidence.sha256 || logged.kind.rawValue != evidence.kind {
                    problems.append("evidence #\(evidence.id) of \(item.id): the audit log records \(logged.kind.rawValue) \(logged.digest) on \(logged.item); results.json differs")
                }
                if withdrawn.contains(evidence.id) != isWithdrawn {
                    problems.append("evidence #\(evidence.id) of \(item.id): results.json calls it \(evidence.state), but the audit log \(isWithdrawn ? "records no withdrawal" : "records its withdrawal")")
                }
            }
        }
        for (id, logged) in loggedReviews.sorted(by: { $0.key < $1.key }) where !seenReviews.contains(id) {
            problems.append("the audit log records review #\(id) of \(logged.payload.item) (\(logged.payload.status.rawValue)), which results.json leaves out")
        }
        for (id, logged) in loggedEvidence.sorted(by: { $0.key < $1.key }) where !seenEvidence.contains(id) {
            problems.append("the audit log records evidence #\(id) of \(logged.item), which results.json leaves out")
        }
        record.reviews = reviewLines.count
        record.evidence = evidenceLines.count
        return (reviewLines, evidenceLines)
    }

    // MARK: - Sign-offs

    private static func checkSignoffs(
        _ document: SignoffsDocument, digest: String, cycle: String, log: [AuditEntry], problems: inout [String]
    ) -> [BundleRecord.SignoffCheck] {
        var logged = log.filter { $0.action == "signoff.add" }.compactMap { entry in
            CanonicalJSON.decode(SignoffPayload.self, from: entry.payload).map { (entry.at, $0) }
        }
        if document.cycle != cycle { problems.append("signoffs.json is about cycle \(quoted(document.cycle)), the manifest says \(quoted(cycle))") }
        var checks: [BundleRecord.SignoffCheck] = []
        for signoff in document.signoffs {
            let who = "sign-off by \(TerminalText.oneLine(signoff.signer)) at \(signoff.at)"
            var fingerprint: String?
            var signature = BundleRecord.SignoffSignature.unsigned
            switch (signoff.signature, signoff.publicKey) {
            case (nil, nil):
                break
            case let (encoded?, pem?):
                if let key = try? SigningKeys.publicKey(fromPEM: pem, source: "the sign-off's key"), let bytes = Data(base64Encoded: encoded) {
                    fingerprint = SigningKeys.fingerprint(key)
                    let signed = Signoff.signedDocument(cycle: cycle, signer: signoff.signer, statement: signoff.statement, at: signoff.at, digest: signoff.digest)
                    signature = key.isValidSignature(bytes, for: signed) ? .valid : .invalid
                } else {
                    signature = .invalid
                }
            default:
                signature = .invalid
            }
            if signature == .invalid { problems.append("\(who): its signature does not hold for its statement, digest and key") }
            if let claimed = signoff.keyFingerprint, claimed != fingerprint {
                problems.append("\(who): signoffs.json names key \(claimed), but its public key is \(fingerprint ?? "missing")")
            }
            let stale = signoff.digest != digest
            if stale != signoff.stale {
                problems.append("\(who): signoffs.json calls it \(signoff.stale ? "stale" : "current"), but its digest says \(stale ? "stale" : "current")")
            }
            if let index = logged.firstIndex(where: { at, payload in
                at == signoff.at && payload.signer == signoff.signer && payload.statement == signoff.statement
                    && payload.digest == signoff.digest && payload.signature == signoff.signature && payload.publicKey == signoff.publicKey
            }) {
                logged.remove(at: index)
            } else {
                problems.append("\(who): the audit log records no such sign-off (its statement, digest or key differ from what was logged)")
            }
            checks.append(.init(signer: signoff.signer, at: signoff.at, fingerprint: fingerprint, signature: signature, stale: stale))
        }
        for (at, payload) in logged {
            problems.append("the audit log records a sign-off by \(TerminalText.oneLine(payload.signer)) at \(at), which signoffs.json leaves out")
        }
        return checks
    }

    private static func quoted(_ text: String) -> String {
        let line = TerminalText.oneLine(text)
        return "'" + (line.count > 60 ? line.prefix(60) + "…" : line) + "'"
    }
}

/// The parts of `results.json` the record check reads.
private struct BundleResults: Decodable {
    struct CycleInfo: Decodable {
        let name: String
        let state: String
    }

    struct Section: Decodable {
        let items: [Item]
    }

    struct Item: Decodable {
        let id: String
        let status: String
        let history: [Review]
        let evidence: [Evidence]
    }

    struct Review: Decodable {
        let id: Int64?
        let status: String
        let note: String?
        let actor: String
        let at: Timestamp
    }

    struct Evidence: Decodable {
        let id: Int64
        let kind: String
        let sha256: String
        let state: String
        let bundlePath: String?
    }

    let cycle: CycleInfo
    let sections: [Section]
}

/// One line of `audit-log.jsonl`: a whole entry, or an elided one of another cycle.
private struct LogLine: Decodable {
    let seq: Int64
    let previousHash: String
    let hash: String
    let elided: Bool?
    let at: Timestamp?
    let actor: String?
    let action: String?
    let cycleID: Int64?
    let itemID: String?
    let subject: String?
    let payload: String?

    enum CodingKeys: String, CodingKey {
        case seq, hash, elided, at, actor, action, subject, payload
        case previousHash = "previous_hash"
        case cycleID = "cycle_id"
        case itemID = "item_id"
    }

    var entry: AuditEntry? {
        guard let at, let actor, let action, let subject, let payload else { return nil }
        return AuditEntry(seq: seq, at: at, actor: actor, action: action, cycleID: cycleID, itemID: itemID,
                          subject: subject, payload: payload, previousHash: previousHash, hash: hash)
    }
}
