import EvidentTestSupport
import Foundation
import Testing

/// The team store's rules hold for every login, not only through Evident: a lead at a `psql`
/// prompt cannot rewrite history, write in someone else's name or break the chain; an auditor
/// cannot change anything; the actor is always the authenticated login.
@Suite("Team store: the server enforces the rules", .postgresServer)
struct TeamStoreEnforcementTests {
    let server: PostgresTestServer
    let bench = Workbench()
    let url: String
    let database: String
    let lead: String
    let auditor: String
    let leadPassword = "lead-" + UUID().uuidString
    let auditorPassword = "auditor-" + UUID().uuidString

    init() throws {
        server = try #require(PostgresTestServer.shared)
        url = try server.freshDatabase()
        database = String(URLComponents(string: url)!.path.dropFirst())
        let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10).lowercased()
        lead = "lead_\(suffix)"
        auditor = "auditor_\(suffix)"
        try server.createLogin(lead, password: leadPassword)
        try server.createLogin(auditor, password: auditorPassword)
        bench.environment.merge(server.clientEnvironment) { $1 }
        bench.environment["EVIDENT_DB"] = url
        try bench.expectSuccess(bench.run("init"))
        try bench.expectSuccess(bench.run("grant", lead, "--role", "lead"))
        try bench.expectSuccess(bench.run("grant", auditor, "--role", "auditor"))
        // The lead does the work under their own login.
        let checklist = Fixtures.copyChecklist("minimal", into: bench.directory)
        try bench.directory.write("files/rotation.log", "rotated\n")
        for arguments in [
            ["checklist", "load", checklist], ["cycle", "start", "Q3"],
            ["review", "keys.rotation", "--status", "pass", "--note", "rotated"],
            ["evidence", "add", "keys.rotation", "files/rotation.log"],
            ["review", "keys.no-hardcoded-keys", "--status", "pass", "--note", "clean"],
            ["review", "data.pci.segmentation", "--status", "na", "--note", "no card data"],
            ["review", "data.retention", "--status", "pass", "--note", "written"],
            ["cycle", "close", "Q3"], ["cycle", "start", "Q4"], ["evidence", "add", "keys.rotation", "--note", "checked the Q4 rotation"],
        ] {
            try bench.expectSuccess(asLead(arguments))
        }
    }

    private func address(_ login: String) -> String { url.replacingOccurrences(of: "//\(server.user)@", with: "//\(login)@") }

    @discardableResult
    private func asLead(_ arguments: [String]) throws -> CommandResult {
        try bench.run(arguments, environment: ["EVIDENT_DB": address(lead), "PGPASSWORD": leadPassword])
    }

    private func asAuditor(_ arguments: [String]) throws -> CommandResult {
        try bench.run(arguments, environment: ["EVIDENT_DB": address(auditor), "PGPASSWORD": auditorPassword])
    }

    /// Runs `sql` at a psql prompt as the lead; returns what psql said.
    private func leadSQL(_ sql: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try server.psql(sql, database: database, user: lead, password: leadPassword)
    }

    @Test("every change is recorded under the login that made it")
    func actorIsTheLogin() throws {
        let log = try bench.json("log", "--format", "json")
        let entries = try #require(log["entries"] as? [[String: Any]])
        let actors = Set(entries.compactMap { $0["actor"] as? String })
        #expect(actors == [server.user, lead])
        let reviews = try server.psql("SELECT DISTINCT actor FROM evident.review", database: database)
        #expect(reviews.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == lead)
    }

    @Test("a lead at psql cannot update, delete or truncate history", arguments: [
        "UPDATE evident.review SET note = 'rewritten'",
        "DELETE FROM evident.review",
        "TRUNCATE evident.audit_log",
        "DELETE FROM evident.audit_log WHERE seq > 3",
        "UPDATE evident.audit_log SET actor = 'someone'",
        "UPDATE evident.evidence SET digest = repeat('0', 64)",
        "DELETE FROM evident.evidence_chunk",
        "UPDATE evident.cycle SET name = 'renamed'",
        "DROP TABLE evident.review",
    ])
    func historyIsAppendOnly(sql: String) throws {
        let before = try server.psql("SELECT count(*), max(hash) FROM evident.audit_log", database: database).stdout
        let attempt = try leadSQL(sql)
        #expect(attempt.status == 1, "\(sql) was accepted: \(attempt)")
        #expect(attempt.stderr.contains("permission denied") || attempt.stderr.contains("must be owner")
                || attempt.stderr.contains("evident:"), "\(attempt.stderr)")
        #expect(try server.psql("SELECT count(*), max(hash) FROM evident.audit_log", database: database).stdout == before)
        #expect(try bench.run("verify").status == 0)
    }

    @Test("a lead cannot append in another's name, to a closed cycle, or off the chain's head")
    func appendsFollowTheRules() throws {
        let asAdmin = try leadSQL(
            "INSERT INTO evident.review (cycle_id, item_id, status, note, actor, at) VALUES (2, 'keys.rotation', 'pass', 'x', '\(server.user)', '2026-10-01T09:00:00Z')")
        #expect(asAdmin.status == 1)
        #expect(asAdmin.stderr.contains("names \(server.user) as its actor, but the login is \(lead)"))
        let closed = try leadSQL(
            "INSERT INTO evident.review (cycle_id, item_id, status, note, actor, at) VALUES (1, 'keys.rotation', 'fail', 'x', '\(lead)', '2026-10-01T09:00:00Z')")
        #expect(closed.status == 1)
        #expect(closed.stderr.contains("evident: closed cycle"))
        let reopen = try leadSQL("UPDATE evident.cycle SET state = 'open', closed_at = NULL WHERE id = 1")
        #expect(reopen.status == 1)
        let closeUnlogged = try leadSQL(
            "UPDATE evident.cycle SET state = 'closed', closed_at = '2026-10-01T10:00:00Z', closed_by = '\(lead)' WHERE id = 2")
        #expect(closeUnlogged.status == 1)
        #expect(closeUnlogged.stderr.contains("a cycle is closed only with its audit entry"))
        let withdrawUnlogged = try leadSQL(
            "UPDATE evident.evidence SET withdrawn_at = '2026-10-01T10:00:00Z', withdrawn_by = '\(lead)', withdraw_reason = 'x' WHERE id = 2")
        #expect(withdrawUnlogged.status == 1)
        let offChain = try leadSQL("""
            INSERT INTO evident.audit_log (seq, at, actor, action, subject, payload, previous_hash, hash)
            VALUES (1, '2026-10-01T09:00:00Z', '\(lead)', 'review.record', 'x', '{}', repeat('0', 64), repeat('a', 64))
            """)
        #expect(offChain.status == 1)
        #expect(offChain.stderr.contains("does not link to the head of the chain"))
        #expect(try bench.run("verify").status == 0)
    }

    @Test("even the schema's owner cannot rewrite history")
    func ownerToo() throws {
        let attempt = try server.psql("UPDATE evident.review SET note = 'rewritten'", database: database)
        #expect(attempt.status == 1)
        #expect(attempt.stderr.contains("evident: review is append-only"))
    }

    @Test("an auditor may read everything and change nothing: 77 with a clear message")
    func auditorReadsOnly() throws {
        #expect(try asAuditor(["status", "--cycle", "Q3"]).status == 0)
        #expect(try asAuditor(["report", "--cycle", "Q3", "--format", "json"]).status == 0)
        #expect(try asAuditor(["verify"]).status == 0)
        let review = try asAuditor(["review", "keys.rotation", "--status", "pass", "--note", "ok", "--cycle", "Q4"])
        #expect(review.status == 77)
        #expect(review.stderr.contains("may read this team store but not change it"))
        #expect(!review.stderr.contains(auditorPassword))
        let sql = try server.psql("INSERT INTO evident.workspace (id, format, created_at, created_by) VALUES (1, 1, 'x', 'y')",
                                  database: database, user: auditor, password: auditorPassword)
        #expect(sql.status == 1)
        #expect(sql.stderr.contains("permission denied"))
    }

    @Test("--as naming anyone but the login is refused with 77")
    func asSomeoneElse() throws {
        let result = try asLead(["review", "keys.rotation", "--status", "pass", "--note", "ok", "--as", "ciso@example.com"])
        #expect(result.status == 77)
        #expect(result.stderr.contains("recorded under the server login \(lead)"))
    }

    @Test("a wrong password is 77, an unreachable server 74, each with a hint and no secret")
    func connectionFailures() throws {
        let wrong = try bench.run(["status"], environment: ["EVIDENT_DB": address(lead), "PGPASSWORD": "not-the-password"])
        #expect(wrong.status == 77)
        #expect(wrong.stderr.hasPrefix("evident: error: "))
        #expect(wrong.stderr.contains("hint:"))
        #expect(!wrong.stderr.contains("not-the-password"))
        let port = server.port == 1 ? 2 : 1
        let unreachable = try bench.run(["status"], environment: [
            "EVIDENT_DB": "postgres://\(lead)@127.0.0.1:\(port)/\(database)?sslmode=require", "PGPASSWORD": leadPassword,
        ])
        #expect(unreachable.status == 74)
        #expect(unreachable.stderr.contains("cannot be reached"))
        #expect(!unreachable.stderr.contains(leadPassword))
        let inURL = try bench.run(["status"], environment: ["EVIDENT_DB": "postgres://\(lead):secret@127.0.0.1/\(database)"])
        #expect(inURL.status == 64)
        #expect(!inURL.stderr.contains("secret@"))
    }

    @Test("a login nobody admitted gets 77 saying so; a missing database 66")
    func notAdmitted() throws {
        let stranger = "stranger_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(8).lowercased()
        try server.createLogin(stranger, password: "stranger-pw")
        let result = try bench.run(["status"], environment: ["EVIDENT_DB": address(stranger), "PGPASSWORD": "stranger-pw"])
        #expect(result.status == 77)
        #expect(result.stderr.contains("has not been admitted to this team store"))
        #expect(result.stderr.contains("evident grant \(stranger) --role lead"))
        let missing = url.replacingOccurrences(of: "/\(database)?", with: "/\(database)_absent?")
        let absent = try bench.run(["status"], environment: ["EVIDENT_DB": missing])
        #expect(absent.status == 66)
        #expect(absent.stderr.contains("has no database named \(database)_absent"))
    }

    @Test("sslmode=verify-full checks the server's certificate against the CA it is given")
    func verifyFull() throws {
        let strict = address(lead).replacingOccurrences(of: "sslmode=require", with: "sslmode=verify-full")
        #expect(strict.contains("sslmode=verify-full"))
        let trusted = try bench.run(["status"], environment: ["EVIDENT_DB": strict, "PGPASSWORD": leadPassword])
        #expect(trusted.status == 0, "\(trusted)")
        // Another CA, which did not sign the server's certificate: the connection is refused.
        let other = TemporaryDirectory()
        let made = Process()
        made.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        made.arguments = ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                          "-keyout", other.path("ca.key"), "-out", other.path("ca.pem"), "-days", "2", "-subj", "/CN=Other CA"]
        made.standardOutput = FileHandle.nullDevice
        made.standardError = FileHandle.nullDevice
        try made.run()
        made.waitUntilExit()
        let untrusted = try bench.run(["status"], environment: [
            "EVIDENT_DB": strict, "PGPASSWORD": leadPassword, "PGSSLROOTCERT": other.path("ca.pem"),
        ])
        #expect(untrusted.status == 74)
        #expect(untrusted.stderr.contains("TLS"))
        #expect(!untrusted.stderr.contains(leadPassword))
    }

    @Test("grant is for team stores; copying into a store that holds a record is refused")
    func grantAndCopyRules() throws {
        let local = Workbench()
        try local.prepare()
        let grant = try local.run("grant", "someone", "--role", "lead")
        #expect(grant.status == 65)
        #expect(grant.stderr.contains("works on a team store only"))
        let copy = try local.run(["db", "copy", "--from", local.databasePath, "--to", url],
                                 environment: server.clientEnvironment)
        #expect(copy.status == 65)
        #expect(copy.stderr.contains("is not empty"))
    }
}

/// `evident db copy`: a local workspace, history and files included, into an empty team store.
@Suite("Team store: db copy", .postgresServer)
struct TeamStoreCopyTests {
    @Test("the copy holds the same record, the same hashes and the same files, and verifies")
    func copyKeepsEverything() throws {
        let server = try #require(PostgresTestServer.shared)
        let local = Workbench()
        try local.prepare()
        try local.directory.write("files/rotation.log", "rotated 2026-09-30\n")
        for arguments in [
            ["review", "keys.rotation", "--status", "pass", "--note", "rotated"],
            ["evidence", "add", "keys.rotation", "files/rotation.log"],
            ["evidence", "add", "keys.rotation", "--note", "reviewed the rotation job"],
            ["review", "keys.no-hardcoded-keys", "--status", "fail", "--note", "one key in a script"],
            ["review", "data.retention", "--status", "pass", "--note", "written"],
            ["review", "data.pci.segmentation", "--status", "na", "--note", "no card data"],
            ["cycle", "close", "2026-Q4"], ["keygen", "--out", "lead"],
            ["signoff", "2026-Q4", "--statement", "Accurate.", "--sign-key", "lead.key"],
            ["cycle", "start", "2027-Q1", "--carry-forward"],
        ] {
            try local.expectSuccess(local.run(arguments))
        }
        let url = try server.freshDatabase()
        let copy = try local.run(["db", "copy", "--from", local.databasePath, "--to", url], environment: server.clientEnvironment)
        #expect(copy.status == 0, "\(copy)")
        #expect(copy.stdout.contains("verified"))
        let team = server.clientEnvironment.merging(["EVIDENT_DB": url]) { $1 }
        for arguments in [
            ["log", "--format", "json"], ["report", "--cycle", "2026-Q4", "--format", "json"],
            ["status", "--format", "json"], ["evidence", "list", "--format", "json"], ["cycle", "list", "--format", "json"],
        ] {
            let before = try local.run(arguments)
            let after = try local.run(arguments, environment: team)
            #expect(before.status == 0 && after.status == 0)
            #expect(before.stdout == after.stdout, "\(arguments) differs after the copy")
        }
        #expect(try local.run(["verify"], environment: team).status == 0)
        try local.expectSuccess(local.run(["evidence", "get", "1", "--out", "files/back.log"], environment: team))
        #expect(try local.directory.read("files/back.log") == "rotated 2026-09-30\n")
        // The copy goes on as a team store: the next change chains to the copied head.
        try local.expectSuccess(local.run(["review", "keys.rotation", "--status", "pass", "--note", "still rotated"],
                                          environment: team.merging(["EVIDENT_USER": ""]) { $1 }))
        #expect(try local.run(["verify"], environment: team).status == 0)
        let again = try local.run(["db", "copy", "--from", local.databasePath, "--to", url], environment: server.clientEnvironment)
        #expect(again.status == 65)
    }
}
