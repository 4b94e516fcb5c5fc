import CryptoKit
import Foundation
import GRDB
import PostgresNIO
import SQLite3

struct Ledger {
    static let key = "sk_live_Tz84QxLm1Np6RwK3vYc7BdHg" // EXPECT: hardcoded-api-key
    static let base = "http://api.liasonpay.com/v1" // EXPECT: plain-http-api
    var db: OpaquePointer?

    func queries(_ dbQueue: DatabaseQueue, name: String, id: Int64, connection: PostgresConnection) async throws {
        _ = try dbQueue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM ledger WHERE name = '\(name)'") } // EXPECT: sql-string-interpolation
        _ = try dbQueue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM ledger WHERE name = ?", arguments: [name]) } // OK: sql-string-interpolation
        _ = try dbQueue.read { db in try SQLRequest<Row>("SELECT * FROM ledger WHERE name = \(name)").fetchAll(db) } // OK: sql-string-interpolation
        _ = try await connection.query("SELECT * FROM ledger WHERE id = \(id)", logger: logger) // OK: sql-string-interpolation
        sqlite3_exec(db, "DELETE FROM ledger WHERE id = \(id)", nil, nil, nil) // EXPECT: sql-string-interpolation
        var sql = "SELECT * FROM ledger WHERE 1=1" // OK: sql-string-interpolation
        sql += " AND name = '\(name)'" // EXPECT: sql-string-interpolation
        let statement = "UPDATE ledger SET name = '" + name + "'" // EXPECT: sql-string-interpolation
        sqlite3_exec(db, statement, nil, nil, nil)
        sqlite3_exec(db, "BEGIN TRANSACTION", nil, nil, nil) // OK: sql-string-interpolation
        print("SELECT * FROM ledger WHERE id = \(id)") // OK: sql-string-interpolation
        logger.info("DELETE FROM ledger WHERE id = \(id)") // OK: sql-string-interpolation
    }

    func verify(body: Data, header: String, key: SymmetricKey) -> Bool {
        let computed = Data(HMAC<SHA256>.authenticationCode(for: body, using: key)).hexString
        if computed == header { return true } // EXPECT: webhook-signature-unsafe-compare
        return HMAC<SHA256>.isValidAuthenticationCode(Data(hex: header), authenticating: body, using: key) // OK: webhook-signature-unsafe-compare
    }
}

final class AcceptAll: NSObject, URLSessionDelegate {
    func urlSession(_ session: URLSession, didReceive challenge: URLAuthenticationChallenge,
                    completionHandler: @escaping (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
        completionHandler(.performDefaultHandling, nil) // OK: tls-verification-disabled
    }
}

let sessionConfig = URLSessionConfiguration.default
func setup() { sessionConfig.tlsMinimumSupportedProtocolVersion = .TLSv11 } // EXPECT: weak-tls-version
