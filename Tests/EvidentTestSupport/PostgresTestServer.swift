import Foundation

/// The PostgreSQL server the tests may use: the one `$EVIDENT_TEST_DATABASE_URL` names
/// (`scripts/postgres.sh start DIR` writes that and `PGPASSWORD`, `PGSSLROOTCERT`, … to `DIR/env`).
/// Each test takes its own database (`freshDatabase()`) so tests stay isolated and parallel.
public struct PostgresTestServer: Sendable {
    /// The server's URL as configured: `postgres://USER@HOST:PORT/DB?sslmode=…`.
    public let url: URL
    /// The login the harness acts as (a superuser), its host, port and maintenance database.
    public let user: String, host: String, port: Int, database: String
    /// The URL's query (`sslmode=…`, `sslrootcert=…`), kept on every database URL handed out.
    public let query: String?
    /// The environment the harness's `psql` and `pg_ctl` runs start from.
    let environment: [String: String]

    /// The configured server, nil when `$EVIDENT_TEST_DATABASE_URL` is unset or not a PostgreSQL URL.
    public static let shared: PostgresTestServer? = PostgresTestServer(environment: ProcessInfo.processInfo.environment)

    /// Why the PostgreSQL tests did not run, as Swift Testing prints it beside a skipped test.
    public static let skipReason =
        "PostgreSQL suite skipped: EVIDENT_TEST_DATABASE_URL is not set (make postgres starts a server)"

    /// Reads the server from `environment`; nil without a usable `EVIDENT_TEST_DATABASE_URL`.
    public init?(environment: [String: String]) {
        guard let text = environment["EVIDENT_TEST_DATABASE_URL"], !text.isEmpty,
            let components = URLComponents(string: text),
            components.scheme == "postgres" || components.scheme == "postgresql",
            let host = components.host, !host.isEmpty,
            let url = components.url
        else { return nil }
        self.url = url
        self.user = components.user ?? environment["PGUSER"] ?? "postgres"
        self.host = host
        self.port = components.port ?? 5432
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.database = path.isEmpty ? "postgres" : path
        self.query = components.percentEncodedQuery
        self.environment = environment
    }

    /// The URL of database `name` on this server: same login, host, port and query.
    public func url(ofDatabase name: String) -> String {
        var components = URLComponents()
        components.scheme = url.scheme
        components.user = user
        components.host = host
        components.port = port
        components.path = "/" + name
        components.percentEncodedQuery = query
        return components.string!
    }

    /// What an `evident` run needs to reach this server besides the URL: the password and the
    /// CA that verifies it (as a user's shell would hold them).
    public var clientEnvironment: [String: String] {
        var values: [String: String] = [:]
        for key in ["PGPASSWORD", "PGSSLROOTCERT", "PGPASSFILE"] { values[key] = environment[key] }
        return values
    }

    /// The URL's `sslmode`, if it names one.
    public var sslMode: String? {
        URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "sslmode" }?.value
    }

    // MARK: - Databases and logins

    /// Creates an empty database `evident_t_<random>` (from `template0`) and returns its URL.
    public func freshDatabase() throws -> String {
        let name = "evident_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try run("CREATE DATABASE \(Self.identifier(name)) TEMPLATE template0")
        return url(ofDatabase: name)
    }

    /// Drops database `name` (a test may, though the throwaway cluster goes with all of them).
    public func dropDatabase(_ name: String) throws {
        try run("DROP DATABASE IF EXISTS \(Self.identifier(name)) WITH (FORCE)")
    }

    /// Creates a login role `name` with `password` (scram-sha-256 on the test server).
    public func createLogin(_ name: String, password: String) throws {
        try run("CREATE ROLE \(Self.identifier(name)) LOGIN PASSWORD \(Self.literal(password))")
    }

    /// Runs `sql` through `psql -v ON_ERROR_STOP=1 -X -q -At -c SQL` in `database`, as the harness's
    /// login, or as `user` with `password` (an enforcement test acting as a lead). `-w`: psql never
    /// prompts. A refused statement or login does not throw: the status says (0 ran; 1 SQL error;
    /// 2 connection or login refused).
    public func psql(_ sql: String, database: String, user: String? = nil, password: String? = nil) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        var environment = self.environment
        environment["PGHOST"] = host
        environment["PGPORT"] = String(port)
        environment["PGUSER"] = user ?? self.user
        environment["PGDATABASE"] = database
        if let sslMode { environment["PGSSLMODE"] = sslMode }
        if let password { environment["PGPASSWORD"] = password }
        environment["PGCONNECT_TIMEOUT"] = environment["PGCONNECT_TIMEOUT"] ?? "10"
        environment["PGAPPNAME"] = "evident-tests"
        let result = try Self.capture(
            Self.psqlPath(environment), ["-v", "ON_ERROR_STOP=1", "-X", "-q", "-At", "-w", "-c", sql],
            environment: environment)
        return (result.status, result.stdout, result.stderr)
    }

    /// Restarts the server (`pg_ctl restart -m fast` through `$EVIDENT_TEST_PG_CTL`): every open
    /// connection is cut, as an administrator's restart would.
    public func restart() throws {
        guard let control = environment["EVIDENT_TEST_PG_CTL"], !control.isEmpty else {
            throw PostgresTestServerError.noControl
        }
        let result = try Self.capture("/bin/sh", ["-c", control + " restart -m fast"], environment: environment)
        guard result.status == 0 else { throw PostgresTestServerError.failed("pg_ctl restart -m fast", result.stderr) }
    }

    // MARK: - Running psql

    /// Runs `sql` in the maintenance database as the harness's login; throws when it fails.
    private func run(_ sql: String) throws {
        let result = try psql(sql, database: database)
        guard result.status == 0 else { throw PostgresTestServerError.failed(sql, result.stderr) }
    }

    /// `name` as a double-quoted SQL identifier.
    public static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `text` as a single-quoted SQL literal (the server's standard_conforming_strings is on).
    public static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// psql from the server's own bin folder (`$EVIDENT_TEST_PG_BIN`), else the first on `$PATH`.
    static func psqlPath(_ environment: [String: String]) -> String {
        var folders = environment["EVIDENT_TEST_PG_BIN"].map { [$0] } ?? []
        folders += (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        return folders.map { $0 + "/psql" }.first(where: FileManager.default.isExecutableFile(atPath:)) ?? "/usr/bin/psql"
    }

    /// Runs a program with `environment` and returns what it printed.
    private static func capture(_ executable: String, _ arguments: [String], environment: [String: String]) throws
        -> CommandResult
    {
        try ExternalTool.run(executable, arguments, in: FileManager.default.temporaryDirectory, environment: environment)
    }
}

/// What went wrong driving the test server.
public enum PostgresTestServerError: Error, LocalizedError, Equatable {
    /// A statement or command of the harness failed: what ran, and what the tool said.
    case failed(String, String)
    /// `$EVIDENT_TEST_PG_CTL` is not set, so the server cannot be restarted.
    case noControl

    public var errorDescription: String? {
        switch self {
        case .failed(let what, let stderr): "\(what) failed: \(stderr.trimmingCharacters(in: .whitespacesAndNewlines))"
        case .noControl: "EVIDENT_TEST_PG_CTL is not set (source the env file of scripts/postgres.sh start DIR)"
        }
    }
}
