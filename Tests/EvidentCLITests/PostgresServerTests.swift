import EvidentTestSupport
import Foundation
import Testing

/// The PostgreSQL harness read from the environment: always runs, server or not.
@Suite struct PostgresHarnessTests {
    @Test func readsTheServerFromTheDatabaseURL() throws {
        let server = try #require(
            PostgresTestServer(environment: [
                "EVIDENT_TEST_DATABASE_URL": "postgres://evident_admin@127.0.0.1:54321/postgres?sslmode=verify-full&sslrootcert=/tmp/ca.pem"
            ]))
        #expect(server.user == "evident_admin")
        #expect(server.host == "127.0.0.1")
        #expect(server.port == 54321)
        #expect(server.database == "postgres")
        #expect(server.sslMode == "verify-full")
        #expect(
            server.url(ofDatabase: "evident_t_0123")
                == "postgres://evident_admin@127.0.0.1:54321/evident_t_0123?sslmode=verify-full&sslrootcert=/tmp/ca.pem")
    }

    @Test func noServerWithoutAPostgresURL() {
        #expect(PostgresTestServer(environment: [:]) == nil)
        #expect(PostgresTestServer(environment: ["EVIDENT_TEST_DATABASE_URL": ""]) == nil)
        #expect(PostgresTestServer(environment: ["EVIDENT_TEST_DATABASE_URL": "/tmp/evident.db"]) == nil)
        #expect(PostgresTestServer(environment: ["EVIDENT_TEST_DATABASE_URL": "mysql://root@127.0.0.1/x"]) == nil)
    }

    @Test func restartNeedsTheControlCommandOfTheEnvFile() throws {
        let server = try #require(
            PostgresTestServer(environment: ["EVIDENT_TEST_DATABASE_URL": "postgres://evident_admin@127.0.0.1:1/postgres"]))
        #expect(throws: PostgresTestServerError.noControl) { try server.restart() }
    }

    @Test func quotesNamesAndPasswordsForSQL() {
        #expect(PostgresTestServer.identifier(#"a"b"#) == #""a""b""#)
        #expect(PostgresTestServer.literal("it's") == "'it''s'")
    }

    /// Without a server this test is listed as skipped, with the reason and how to start one.
    @Test(.postgresServer) func theConfiguredServerAnswers() throws {
        let server = try #require(PostgresTestServer.shared)
        let result = try server.psql("SELECT 1", database: server.database)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "1\n")
    }
}

/// The harness against the real server: databases, logins, TLS (needs EVIDENT_TEST_DATABASE_URL).
@Suite(.postgresServer) struct PostgresServerTests {
    let server = PostgresTestServer.shared!

    /// The database name at the end of a URL the harness handed out.
    private func name(of url: String) throws -> String {
        try #require(URLComponents(string: url)).path.split(separator: "/").map(String.init).last ?? ""
    }

    @Test func aFreshDatabaseIsEmptyAndIsolated() throws {
        let first = try name(of: server.freshDatabase()), second = try name(of: server.freshDatabase())
        #expect(first != second)
        #expect(first.hasPrefix("evident_t_"))
        let tables = "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
        #expect(try server.psql(tables, database: first).stdout == "0\n")

        let write = try server.psql("CREATE TABLE marker (note text); INSERT INTO marker VALUES ('first only')", database: first)
        #expect(write.status == 0, "\(write.stderr)")
        #expect(try server.psql("SELECT note FROM marker", database: first).stdout == "first only\n")
        let elsewhere = try server.psql("SELECT to_regclass('public.marker') IS NULL", database: second)
        #expect(elsewhere.stdout == "t\n", "\(elsewhere.stderr)")
        try server.dropDatabase(second)
        #expect(try server.psql("SELECT 1", database: second).status != 0)
    }

    @Test func aFreshDatabaseURLKeepsTheServerAndTLSMode() throws {
        let url = try #require(URLComponents(string: server.freshDatabase()))
        #expect(url.host == server.host)
        #expect(url.port == server.port)
        #expect(url.user == server.user)
        #expect(url.percentEncodedQuery == server.query)
    }

    @Test func aCreatedLoginConnectsWithItsPasswordAndNotWithAnother() throws {
        let database = try name(of: server.freshDatabase())
        let lead = "evident_t_lead_" + UUID().uuidString.prefix(8).lowercased()
        let password = "pw'\(UUID().uuidString)"
        try server.createLogin(lead, password: password)

        let own = try server.psql("SELECT current_user", database: database, user: lead, password: password)
        #expect(own.status == 0, "\(own.stderr)")
        #expect(own.stdout == "\(lead)\n")

        let wrong = try server.psql("SELECT current_user", database: database, user: lead, password: "not-" + password)
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("password authentication failed"), "\(wrong.stderr)")
        #expect(wrong.stdout.isEmpty)
    }

    @Test func aRefusedStatementReportsItsStatusWithoutThrowing() throws {
        let database = try name(of: server.freshDatabase())
        let result = try server.psql("SELECT * FROM no_such_table", database: database)
        #expect(result.status == 1)
        #expect(result.stderr.contains("no_such_table"))
        #expect(throws: PostgresTestServerError.self) { try server.createLogin("evident_admin", password: "x") }
    }

    @Test(.enabled(if: PostgresTestServer.shared?.sslMode.map { $0 != "disable" } ?? false, "the URL's sslmode is disable"))
    func connectionsUseTLS() throws {
        let result = try server.psql("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", database: server.database)
        #expect(result.stdout == "t\n", "\(result.stderr)")
    }
}
