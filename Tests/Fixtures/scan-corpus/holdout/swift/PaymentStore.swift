import CryptoKit
import Foundation
import GRDB
import SQLite3

struct PaymentStore {
    let dbQueue: DatabaseQueue
    var handle: OpaquePointer?
    static let api = URL(string: "https://api.liasonpay.com/v1")! // OK: plain-http-api
    static let legacy = URL(string: "http://api.liasonpay.com/v1")! // EXPECT: plain-http-api
    static let key = "sk_live_4KxMz7QpL1vNw9TrY2bC8dFg" // EXPECT: hardcoded-api-key

    func payments(for customer: String) throws -> [Row] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM payments WHERE customer = '\(customer)'") // EXPECT: sql-string-interpolation
        }
    }

    func paymentsSafe(for customer: String) throws -> [Row] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM payments WHERE customer = ?", arguments: [customer]) // OK: sql-string-interpolation
        }
    }

    func paymentsLiteral(for customer: String) throws -> [Row] {
        try dbQueue.read { db in
            try Row.fetchAll(db, literal: "SELECT * FROM payments WHERE customer = \(customer)") // OK: sql-string-interpolation
        }
    }

    func purge(olderThan days: Int) {
        let sql = "DELETE FROM payments WHERE age > \(days)"
        sqlite3_exec(handle, sql, nil, nil, nil) // EXPECT: sql-string-interpolation
    }

    func vacuum() {
        sqlite3_exec(handle, "VACUUM", nil, nil, nil) // OK: sql-string-interpolation
    }

    func log(_ customer: String) {
        print("SELECT for \(customer) finished") // OK: sql-string-interpolation
    }
}

final class TrustingDelegate: NSObject, URLSessionDelegate {
    func urlSession(_ session: URLSession, didReceive challenge: URLAuthenticationChallenge,
                    completionHandler: @escaping (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
        completionHandler(.useCredential, URLCredential(trust: challenge.protectionSpace.serverTrust!)) // EXPECT: tls-verification-disabled
    }
}

func verify(body: Data, header: String, secret: SymmetricKey) -> Bool {
    let mac = HMAC<SHA256>.authenticationCode(for: body, using: secret)
    let hex = mac.map { String(format: "%02x", $0) }.joined()
    return hex == header // EXPECT: webhook-signature-unsafe-compare
}

func verifySafe(body: Data, header: Data, secret: SymmetricKey) -> Bool {
    HMAC<SHA256>.isValidAuthenticationCode(header, authenticating: body, using: secret) // OK: webhook-signature-unsafe-compare
}

let session = URLSession(configuration: .default)
let tlsConfig = URLSessionConfiguration.default
func configure() { tlsConfig.tlsMinimumSupportedProtocolVersion = .TLSv10 } // EXPECT: weak-tls-version
func configureModern() { tlsConfig.tlsMinimumSupportedProtocolVersion = .TLSv12 } // OK: weak-tls-version
