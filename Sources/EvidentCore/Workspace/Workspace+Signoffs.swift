import Crypto

/// A sign-off with whether the cycle changed since.
public struct SignoffState: Sendable, Equatable {
    public let signoff: Signoff
    /// The cycle's reviews or evidence changed after the sign-off.
    public let stale: Bool
    /// The signature checks out (false when unsigned).
    public let signatureHolds: Bool
}

extension Workspace {
    /// Records `signer`'s statement on a cycle, bound to the digest of its reviews and evidence,
    /// signed when `key` is given. Allowed on open and closed cycles alike, never on an abandoned one.
    public func signOff(cycle name: String, statement: String, key: Curve25519.Signing.PrivateKey?, session: Session) throws -> SignoffState {
        let cycle = try resolveCycle(name, for: .read)
        guard cycle.state != .abandoned else { throw WorkflowError.signoffOnAbandoned(cycle.name) }
        let (text, _) = Self.cleanNote(statement)
        guard let text else { throw WorkflowError.emptyText(flag: "--statement") }
        let digest = CycleDigest.of(try snapshot(of: cycle, now: session.now))
        var signoff = Signoff(id: 0, cycleID: cycle.id, signer: session.actor, statement: text, at: session.now, digest: digest)
        if let key {
            let publicKey = SigningKeys.publicPEM(key.publicKey)
            if let other = try database.signers(publicKey: publicKey).first(where: { $0 != session.actor }) {
                throw KeyError.boundToAnotherSigner(fingerprint: SigningKeys.fingerprint(key.publicKey), signer: other)
            }
            let document = Signoff.signedDocument(cycle: cycle.name, signer: session.actor, statement: text, at: session.now, digest: digest)
            signoff.signature = try key.signature(for: document).base64EncodedString()
            signoff.publicKey = publicKey
        }
        let stored = try database.insertSignoff(signoff, cycleName: cycle.name, session: session)
        return SignoffState(signoff: stored, stale: false, signatureHolds: key != nil)
    }

    /// A cycle's sign-offs, each marked stale when the cycle changed since.
    public func signoffStates(of snapshot: CycleSnapshot) throws -> [SignoffState] {
        let current = CycleDigest.of(snapshot)
        return try database.signoffs(cycleID: snapshot.cycle.id).map {
            SignoffState(signoff: $0, stale: $0.digest != current, signatureHolds: $0.signatureHolds(cycle: snapshot.cycle.name))
        }
    }
}
