import Foundation

/// Where a team store is: `postgres://USER@HOST[:PORT]/DB[?sslmode=…&sslrootcert=PATH]`, parsed
/// once. The password is never part of it: it comes from `$PGPASSWORD` or `~/.pgpass` (SPEC §3).
public struct TeamStoreAddress: Sendable, Equatable, CustomStringConvertible {
    /// How the connection is protected, as libpq names it.
    public enum SSLMode: String, Sendable, CaseIterable {
        /// No TLS (a server on the same machine, for trying).
        case disable
        /// TLS, the server's certificate not checked.
        case require
        /// TLS, the certificate checked against the trusted roots and the host name.
        case verifyFull = "verify-full"
    }

    public let user: String
    public let host: String
    public let port: Int
    public let database: String
    public let sslMode: SSLMode
    /// The CA certificate (PEM) that verifies the server: `sslrootcert=` or `$PGSSLROOTCERT`.
    public let rootCertificate: String?

    /// Whether `text` names a team store rather than a SQLite file.
    public static func isTeamStore(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses `text`; `environment` supplies `$PGUSER` and `$PGSSLROOTCERT` when the URL leaves them out.
    public init(_ text: String, environment: [String: String]) throws(StoreError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              scheme == "postgres" || scheme == "postgresql"
        else { throw .badAddress("not a postgres:// URL") }
        if components.password != nil {
            throw .badAddress("the URL holds a password; give it in $PGPASSWORD or ~/.pgpass instead, never on the command line")
        }
        guard let host = components.host, !host.isEmpty else { throw .badAddress("the URL names no host") }
        let user = components.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? environment["USER"]
        guard let user, !user.isEmpty else { throw .badAddress("the URL names no user (postgres://USER@HOST/DB)") }
        let database = String(components.path.drop { $0 == "/" }).removingPercentEncoding ?? ""
        guard !database.isEmpty, !database.contains("/") else { throw .badAddress("the URL names no database (postgres://USER@HOST/DB)") }
        var mode = SSLMode.require
        var rootCertificate = environment["PGSSLROOTCERT"].flatMap { $0.isEmpty ? nil : $0 }
        for query in components.queryItems ?? [] {
            switch query.name {
            case "sslmode":
                guard let value = query.value, let parsed = SSLMode(rawValue: value) else {
                    throw .badAddress("sslmode must be one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                mode = parsed
            case "sslrootcert":
                rootCertificate = query.value
            case "application_name", "connect_timeout":
                continue
            default:
                throw .badAddress("unknown URL parameter \(query.name) (Evident reads sslmode and sslrootcert)")
            }
        }
        self.user = user
        self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        self.port = components.port ?? 5432
        self.database = database
        self.sslMode = mode
        self.rootCertificate = rootCertificate
    }

    /// The address as shown to people: no password, ever (none is held).
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)?sslmode=\(sslMode.rawValue)" }

    /// The password for this address: `$PGPASSWORD`, else the first matching line of `$PGPASSFILE`
    /// or `~/.pgpass` (ignored, as libpq ignores it, unless only its owner can read it).
    public func password(environment: [String: String]) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let file = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass"
        var info = stat()
        guard stat(file, &info) == 0, info.st_mode & 0o077 == 0,
              let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.passFields(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 || ($0 == "localhost" && $1 == "127.0.0.1") }) {
                return fields[4]
            }
        }
        return nil
    }

    /// The `:`-separated fields of a `.pgpass` line, with `\:` and `\\` unescaped.
    static func passFields(_ line: String) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for character in line {
            if escaped { current.append(character); escaped = false }
            else if character == "\\" { escaped = true }
            else if character == ":" { fields.append(current); current = "" }
            else { current.append(character) }
        }
        fields.append(current)
        return fields
    }
}
