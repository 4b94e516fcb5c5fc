import Crypto
import Foundation

/// A reviewer's statement on a cycle, bound to a digest of the cycle's reviews and evidence, and
/// signed with Ed25519 when a key was given.
public struct Signoff: Sendable, Equatable, Codable {
    public var id: Int64
    public var cycleID: Int64
    public var signer: String
    public var statement: String
    public var at: Timestamp
    /// `CycleDigest` of the cycle when it was signed.
    public var digest: String
    /// Base64 Ed25519 signature of `signedDocument`, when signed.
    public var signature: String?
    /// The signer's public key (SubjectPublicKeyInfo PEM), when signed.
    public var publicKey: String?

    /// The exact bytes that are signed: canonical JSON of cycle name, signer, statement, time and digest.
    public static func signedDocument(cycle: String, signer: String, statement: String, at: Timestamp, digest: String) -> Data {
        CanonicalJSON.data(SignedFields(cycle: cycle, signer: signer, statement: statement, at: at, digest: digest))
    }

    /// Whether the signature holds for this sign-off of the cycle named `cycle` (false when unsigned).
    public func signatureHolds(cycle: String) -> Bool {
        guard let signature, let publicKey, let bytes = Data(base64Encoded: signature),
              let key = try? SigningKeys.publicKey(fromPEM: publicKey, source: "sign-off")
        else { return false }
        let document = Self.signedDocument(cycle: cycle, signer: signer, statement: statement, at: at, digest: digest)
        return key.isValidSignature(bytes, for: document)
    }

    /// The signing key's fingerprint, when signed.
    public var keyFingerprint: String? {
        publicKey.flatMap { try? SigningKeys.publicKey(fromPEM: $0, source: "sign-off") }.map(SigningKeys.fingerprint)
    }

    private struct SignedFields: Encodable {
        let cycle: String
        let signer: String
        let statement: String
        let at: Timestamp
        let digest: String
    }
}

/// The digest a sign-off covers: every review (item, status, note, actor, time) and every piece of
/// evidence (item, content digest, withdrawn or not) of a cycle, in a canonical order. The auditor's
/// `verify --bundle` recomputes it from a bundle's `results.json` through the same function.
public enum CycleDigest {
    /// The digest of `snapshot`'s reviews and evidence.
    public static func of(_ snapshot: CycleSnapshot) -> String {
        of(cycle: snapshot.cycle.name,
           reviews: snapshot.reviews.map { ReviewLine(id: $0.id, item: $0.itemID, status: $0.status.rawValue, note: $0.note, actor: $0.actor, at: $0.at) },
           evidence: snapshot.evidence.map { EvidenceLine(id: $0.id, item: $0.itemID, digest: $0.digest, withdrawn: $0.isWithdrawn) })
    }

    /// The digest of these reviews and evidence of the cycle named `cycle`, each list ordered by id.
    public static func of(cycle: String, reviews: [ReviewLine], evidence: [EvidenceLine]) -> String {
        Digest.sha256(CanonicalJSON.data(Content(cycle: cycle, reviews: reviews.sorted { $0.id < $1.id },
                                                 evidence: evidence.sorted { $0.id < $1.id })))
    }

    private struct Content: Encodable {
        let cycle: String
        let reviews: [ReviewLine]
        let evidence: [EvidenceLine]
    }

    /// One review as the digest covers it.
    public struct ReviewLine: Encodable, Sendable {
        let id: Int64
        let item: String
        let status: String
        let note: String?
        let actor: String
        let at: Timestamp

        public init(id: Int64, item: String, status: String, note: String?, actor: String, at: Timestamp) {
            (self.id, self.item, self.status, self.note, self.actor, self.at) = (id, item, status, note, actor, at)
        }
    }

    /// One piece of evidence as the digest covers it.
    public struct EvidenceLine: Encodable, Sendable {
        let id: Int64
        let item: String
        let digest: String
        let withdrawn: Bool

        public init(id: Int64, item: String, digest: String, withdrawn: Bool) {
            (self.id, self.item, self.digest, self.withdrawn) = (id, item, digest, withdrawn)
        }
    }
}
