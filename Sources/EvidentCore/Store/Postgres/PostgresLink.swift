import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// One connection to a team store's server, used synchronously: Evident's commands are short and
/// sequential, so each statement waits for its answer. Every server error becomes a `StoreError`
/// by its SQLSTATE (never by its text, never with the query or a password in it).
final class PostgresLink: @unchecked Sendable {
    // Unchecked: `connection` is only used under `lock`, one statement at a time.
    let address: TeamStoreAddress
    private let connection: PostgresConnection
    private let lock = NSLock()
    private let logger: Logger = {
        var logger = Logger(label: "evident.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = .critical
        return logger
    }()
    /// The login the server authenticated: the actor of every change.
    private(set) var login = ""
    /// Whether the database held Evident's schema when the connection was made.
    private(set) var hasSchema = false

    /// Connects and authenticates; the password comes from `$PGPASSWORD` or `~/.pgpass`.
    init(address: TeamStoreAddress, environment: [String: String]) throws(StoreError) {
        self.address = address
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch address.sslMode {
            case .disable:
                tls = .disable
            case .require:
                var configuration = TLSConfiguration.makeClientConfiguration()
                configuration.certificateVerification = .none
                tls = .require(try NIOSSLContext(configuration: configuration))
            case .verifyFull:
                var configuration = TLSConfiguration.makeClientConfiguration()
                configuration.certificateVerification = .fullVerification
                if let root = address.rootCertificate {
                    configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(root))
                }
                tls = .require(try NIOSSLContext(configuration: configuration))
            }
        } catch {
            throw .badAddress("the TLS settings cannot be used (sslrootcert \(address.rootCertificate ?? "none")): \(error)")
        }
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user,
            password: address.password(environment: environment), database: address.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        // Evident's schema first: set with the connection, no round trip of its own.
        configuration.options.additionalStartupParameters = [("search_path", "evident, pg_catalog"), ("application_name", "evident")]
        if address.sslMode == .verifyFull, address.host == "127.0.0.1" || address.host == "::1" {
            configuration.options.tlsServerName = "localhost"
        }
        let group = MultiThreadedEventLoopGroup.singleton
        do {
            connection = try PostgresConnection.connect(
                on: group.any(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            throw Self.storeError(error, address: address)
        }
        let first = try queryRows("SELECT session_user::text, to_regclass('evident.schema_migration') IS NOT NULL").first
        login = first?.string(0) ?? address.user
        hasSchema = first?.boolean(1) ?? false
    }

    deinit {
        _ = try? connection.close().wait()
    }

    // MARK: - Statements

    /// Runs `sql` with `binds` ($1, $2, …) and returns every row.
    func queryRows(_ sql: String, _ binds: [PostgresValue] = []) throws(StoreError) -> [PostgresRowValues] {
        let query = PostgresQuery(unsafeSQL: sql, binds: Self.bindings(binds))
        do {
            return try lock.withLock {
                try awaitAnswer(connection.query(query, logger: logger)).map(PostgresRowValues.init)
            }
        } catch {
            throw Self.storeError(error, address: address)
        }
    }

    /// Runs a script of several statements (no parameters): the schema and its migrations.
    func executeScript(_ sql: String) throws(StoreError) {
        for statement in Self.statements(sql) { try execute(statement) }
    }

    /// The statements of a script, split at semicolons outside quotes, `$$` bodies and comments.
    static func statements(_ script: String) -> [String] {
        var statements: [String] = [], current = ""
        var inDollar = false, inQuote = false, inComment = false
        var previous: Character = " "
        for character in script {
            if inComment {
                if character == "\n" { inComment = false; current.append(character) }
                previous = character
                continue
            }
            if !inDollar, !inQuote, character == "-", previous == "-" {
                current.removeLast()
                inComment = true
                previous = " "
                continue
            }
            if !inQuote, character == "$", previous == "$" { inDollar.toggle(); current.append(character); previous = " "; continue }
            if !inDollar, character == "'" { inQuote.toggle() }
            if !inDollar, !inQuote, character == ";" {
                let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { statements.append(trimmed) }
                current = ""
                previous = " "
                continue
            }
            current.append(character)
            previous = character
        }
        let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { statements.append(trimmed) }
        return statements
    }

    /// Runs `sql`; returns the number of rows it touched.
    @discardableResult
    func execute(_ sql: String, _ binds: [PostgresValue] = []) throws(StoreError) -> Int {
        let query = PostgresQuery(unsafeSQL: sql, binds: Self.bindings(binds))
        do {
            return try lock.withLock {
                try awaitAnswer(connection.query(query, logger: logger)).metadata.rows ?? 0
            }
        } catch {
            throw Self.storeError(error, address: address)
        }
    }

    /// Waits for a statement's answer. A statement sent on a connection the server has just closed
    /// (a restart) may never be answered: the wait checks every second whether the connection is
    /// still open, and gives up once it is not.
    private func awaitAnswer<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        let answer = Answer<T>()
        future.whenComplete { answer.set($0) }
        while answer.wait(seconds: 1) == false {
            if connection.isClosed, answer.wait(seconds: 1) == false {
                throw StoreError.unreachable(
                    server: address.description,
                    reason: "the server closed the connection (restarted or shut down); nothing of this command was recorded")
            }
        }
        return try answer.get()
    }

    /// Inserts `rows` (values in the order of `columns`) with multi-row VALUES, at most 30,000
    /// parameters per statement: a spreadsheet or a copied workspace in few round trips.
    func insertRows(into table: String, columns: [String], rows: [[PostgresValue]]) throws(StoreError) {
        guard !rows.isEmpty else { return }
        let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let perStatement = max(1, 30_000 / columns.count)
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            var binds: [PostgresValue] = []
            var tuples: [String] = []
            for row in rows[start..<min(start + perStatement, rows.count)] {
                let first = binds.count + 1
                binds += row
                tuples.append("(" + (first..<first + row.count).map { "$\($0)" }.joined(separator: ", ") + ")")
            }
            try execute("INSERT INTO \(table) (\(names)) VALUES " + tuples.joined(separator: ", "), binds)
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws. A
    /// connection lost in between leaves nothing behind: the server rolls the transaction back.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    private static func bindings(_ values: [PostgresValue]) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case let .text(text): bindings.append(text)
            case let .integer(number): bindings.append(number)
            case let .boolean(flag): bindings.append(flag)
            case let .bytes(buffer): bindings.append(buffer)
            }
        }
        return bindings
    }

    // MARK: - Errors

    /// The store error a PostgresNIO error stands for, by SQLSTATE class (design: team-store.md).
    static func storeError(_ error: any Error, address: TeamStoreAddress) -> StoreError {
        let server = address.description
        guard let error = error as? PSQLError else {
            if let store = error as? StoreError { return store }
            return .unreachable(server: server, reason: Self.describe(error))
        }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? "the server refused the statement"
            return fromServer(state: state, message: message, address: address)
        case .sslUnsupported:
            return .unreachable(server: server, reason: "the server does not offer TLS (use sslmode=disable only on a trusted network)")
        case .authMechanismRequiresPassword:
            return .denied("the server asks a password for \(address.user) and none was given",
                           hint: "set $PGPASSWORD, or add a line for this server to ~/.pgpass (mode 0600)")
        case .unsupportedAuthMechanism, .saslError:
            return .denied("the server did not accept the login \(address.user)",
                           hint: "check the login's password in $PGPASSWORD or ~/.pgpass")
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return .unreachable(server: server, reason: "the server closed the connection (restarted or shut down); nothing of this command was recorded")
        case .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest:
            return .unreachable(server: server, reason: "the TLS connection could not be set up")
        default:
            if let underlying = error.underlying { return .unreachable(server: server, reason: Self.describe(underlying)) }
            return .unreachable(server: server, reason: "the connection failed (\(error.code))")
        }
    }

    /// A server error by SQLSTATE: 28xxx and 42501 are permission, 08xxx and 57Pxx the connection,
    /// Evident's own trigger exceptions (`evident: …`) broken rules.
    static func fromServer(state: String, message: String, address: TeamStoreAddress) -> StoreError {
        let server = address.description
        if state.hasPrefix("28") {
            return .denied("the server refused the login \(address.user) (\(message))",
                           hint: "check the login's password in $PGPASSWORD or ~/.pgpass, and that `evident grant` admitted it")
        }
        if state == "42501" {
            if message.hasPrefix("evident: ") {
                return .denied(String(message.dropFirst("evident: ".count)), hint: "on a team store the actor is always the server login")
            }
            if message.contains("schema evident") {
                return .denied("the login \(address.user) has not been admitted to this team store",
                               hint: "an administrator runs `evident grant \(address.user) --role lead` (or `--role auditor`)")
            }
            return .denied("the login \(address.user) may read this team store but not change it",
                           hint: "an administrator admits leads with `evident grant LOGIN --role lead`")
        }
        if state.hasPrefix("08") || state.hasPrefix("57P") || state == "53300" {
            return .unreachable(server: server, reason: "the server ended the connection (\(state)); nothing of this command was recorded")
        }
        if state == "3D000" {
            return .noDatabase(server: server, database: address.database)
        }
        if state == "42P01" || state == "3F000" {
            return .noTeamStore(server: server)
        }
        if state == "40001" || state == "40P01" || state == "55P03" {
            return .busy
        }
        if message.hasPrefix("evident: ") {
            return StoreError.refusedByTrigger(message)
        }
        if state.hasPrefix("23") {
            return .refused("refused by the team store: \(message)")
        }
        if state == "53100" {
            return .io("the server's disk is full")
        }
        return .io("the team store failed a statement (SQLSTATE \(state): \(message))")
    }

    private static func describe(_ error: any Error) -> String {
        if let io = error as? IOError { return io.description }
        if let channel = error as? ChannelError { return "\(channel)" }
        if let ssl = error as? NIOSSLError { return "TLS: \(ssl)" }
        let text = String(describing: error)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}

/// The answer to one statement, handed from the event loop to the waiting thread.
private final class Answer<T: Sendable>: @unchecked Sendable {
    // Unchecked: `result` is only touched under `lock`; the semaphore orders the hand-over.
    private let lock = NSLock()
    private let ready = DispatchSemaphore(value: 0)
    private var result: Result<T, any Error>?

    func set(_ value: Result<T, any Error>) {
        lock.withLock { result = value }
        ready.signal()
    }

    /// Whether the answer came within `seconds`.
    func wait(seconds: Int) -> Bool {
        if lock.withLock({ result != nil }) { return true }
        guard ready.wait(timeout: .now() + .seconds(seconds)) == .success else { return false }
        ready.signal()
        return true
    }

    func get() throws -> T { try lock.withLock { result! }.get() }
}

/// A value bound to a statement's `$n`.
enum PostgresValue {
    case null
    case text(String)
    case integer(Int64)
    case boolean(Bool)
    case bytes(ByteBuffer)

    static func text(_ value: String?) -> PostgresValue { value.map { .text($0) } ?? .null }
    static func integer(_ value: Int64?) -> PostgresValue { value.map { .integer($0) } ?? .null }
    static func integer(_ value: Int?) -> PostgresValue { value.map { .integer(Int64($0)) } ?? .null }
    static func time(_ value: Timestamp?) -> PostgresValue { value.map { .text($0.iso8601) } ?? .null }
}

/// One row of an answer, read by column position.
struct PostgresRowValues {
    private let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    func string(_ index: Int) -> String? { try? row[index].decode(String?.self) ?? nil }
    func integer(_ index: Int) -> Int64? { try? row[index].decode(Int64?.self) ?? nil }
    func boolean(_ index: Int) -> Bool? { try? row[index].decode(Bool?.self) ?? nil }
    func bytes(_ index: Int) -> ByteBuffer? { try? row[index].decode(ByteBuffer?.self) ?? nil }
    func time(_ index: Int) -> Timestamp? { string(index).flatMap(Timestamp.init(iso8601:)) }
    func requiredString(_ index: Int) -> String { string(index) ?? "" }
    func requiredInteger(_ index: Int) -> Int64 { integer(index) ?? 0 }
    func requiredTime(_ index: Int) -> Timestamp { time(index) ?? Timestamp(seconds: 0) }
}
