import GRDB

/// Why the workspace database refused or failed an operation.
public enum StoreError: EvidentError, Equatable {
    /// No workspace database at the path.
    case noWorkspace(path: String)
    /// No `.evident/evident.db` in the folder or any folder above it.
    case noWorkspaceFound(directory: String)
    /// The file exists but is not an Evident workspace.
    case notAWorkspace(path: String, reason: String)
    /// A rule the database enforces itself (closed cycle, append-only history) was broken.
    case refused(String)
    /// Disk full, read-only or another I/O failure.
    case io(String)
    /// Another Evident held the workspace for too long.
    case busy
    /// A `postgres://` address Evident cannot use.
    case badAddress(String)
    /// The team store's server cannot be reached, or went away during the command.
    case unreachable(server: String, reason: String)
    /// The server refused this login: a wrong password, an unknown login, a read-only role.
    case denied(String, hint: String)
    /// The database on the server holds no Evident team store yet.
    case noTeamStore(server: String)
    /// The server has no database of that name.
    case noDatabase(server: String, database: String)

    public var kind: FailureKind {
        switch self {
        case .noWorkspace, .noWorkspaceFound, .notAWorkspace: .missingInput
        case .refused: .badInput
        case .io, .busy, .unreachable: .ioError
        case .badAddress: .usage
        case .denied: .permissionDenied
        case .noTeamStore, .noDatabase: .missingInput
        }
    }

    public var errorDescription: String? {
        switch self {
        case let .noWorkspace(path): "no Evident workspace at \(path)"
        case let .noWorkspaceFound(directory): "no Evident workspace (.evident/evident.db) in \(directory) or any folder above it"
        case let .notAWorkspace(path, reason): "\(path) is not an Evident workspace: \(reason)"
        case let .refused(message): message
        case let .io(message): "the workspace could not be written: \(message)"
        case .busy: "the workspace stayed locked by another Evident process"
        case let .badAddress(reason): "bad team store address: \(reason)"
        case let .unreachable(server, reason): "the team store \(server) cannot be reached: \(reason)"
        case let .denied(message, _): message
        case let .noTeamStore(server): "\(server) holds no Evident team store"
        case let .noDatabase(server, database): "the server of \(server) has no database named \(database)"
        }
    }

    public var hint: String? {
        switch self {
        case .noWorkspace, .noWorkspaceFound:
            "run `evident init` to create one here, or point --db (or $EVIDENT_DB) at an existing one"
        case .notAWorkspace: "check --db or $EVIDENT_DB"
        case .refused: nil
        case .io: "check free disk space and that the workspace folder is writable"
        case .busy: "try again when the other command has finished"
        case .badAddress: "write it as postgres://USER@HOST[:PORT]/DB?sslmode=require|verify-full|disable"
        case .unreachable: "check that the server runs and accepts connections on that host and port, then run the command again"
        case let .denied(_, hint): hint
        case .noTeamStore: "run `evident init --db URL` once, as the login that administers the database"
        case .noDatabase: "create it first (createdb, or CREATE DATABASE), then run `evident init --db URL`"
        }
    }

    /// The store error a database error stands for.
    static func from(_ error: DatabaseError) -> StoreError {
        let message = error.message ?? "unknown SQLite error"
        switch error.resultCode {
        case .SQLITE_CONSTRAINT where message.hasPrefix("evident: "):
            return .refused(triggerMessage(message))
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .notAWorkspace(path: "the database", reason: message)
        default:
            return .io(message)
        }
    }

    /// A rule a team store's trigger enforced, worded as on SQLite.
    static func refusedByTrigger(_ message: String) -> StoreError { .refused(triggerMessage(message)) }

    private static func triggerMessage(_ message: String) -> String {
        switch message {
        case "evident: closed cycle": "the cycle is closed; its reviews and evidence can no longer change"
        case "evident: abandoned cycle": "the cycle was abandoned; its reviews and evidence can no longer change"
        default: "refused: " + message.dropFirst("evident: ".count)
        }
    }
}
