import GRDB

extension Signoff: FetchableRecord, TableRecord {
    public static let databaseTableName = "signoff"

    public init(row: Row) throws {
        self.init(id: row["id"], cycleID: row["cycle_id"], signer: row["signer"], statement: row["statement"],
                  at: row["at"], digest: row["digest"], signature: row["signature"], publicKey: row["public_key"])
    }
}

extension AppDatabase {
    /// Records a sign-off and logs it.
    func insertSignoff(_ signoff: Signoff, cycleName: String, session: Session) throws -> Signoff {
        try write { db in
            try db.execute(
                sql: "INSERT INTO signoff (cycle_id, signer, statement, at, digest, signature, public_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [signoff.cycleID, signoff.signer, signoff.statement, signoff.at, signoff.digest, signoff.signature, signoff.publicKey])
            var stored = signoff
            stored.id = db.lastInsertedRowID
            try appendAudit(db, session: session, action: "signoff.add", cycleID: signoff.cycleID, subject: cycleName,
                            payload: SignoffPayload(stored))
            return stored
        }
    }

    /// A cycle's sign-offs, oldest first.
    func signoffs(cycleID: Int64) throws -> [Signoff] {
        try read { db in try Signoff.filter(Column("cycle_id") == cycleID).order(Column("id")).fetchAll(db) }
    }

    /// Who has signed with the public key `publicKey` (PEM), in any cycle.
    func signers(publicKey: String) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT signer FROM signoff WHERE public_key = ? ORDER BY signer", arguments: [publicKey])
        }
    }

    /// Every sign-off, for verification.
    func allSignoffs() throws -> [Signoff] {
        try read { db in try Signoff.order(Column("id")).fetchAll(db) }
    }
}

/// The audit payload of `signoff.add`: every field of the row.
struct SignoffPayload: Codable, Equatable {
    let signoffID: Int64
    let signer: String
    let statement: String
    let digest: String
    let signature: String?
    let publicKey: String?

    init(_ signoff: Signoff) {
        signoffID = signoff.id
        signer = signoff.signer
        statement = signoff.statement
        digest = signoff.digest
        signature = signoff.signature
        publicKey = signoff.publicKey
    }

    enum CodingKeys: String, CodingKey {
        case signer, statement, digest, signature
        case signoffID = "signoff_id"
        case publicKey = "public_key"
    }
}
