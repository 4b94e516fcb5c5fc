import Foundation

/// What kind of failure an error is; the command line maps each kind to one exit code (SPEC §7).
public enum FailureKind: Sendable, Equatable {
    /// A check said no: a regression, a failed verification, findings when asked to fail on them.
    case checkFailed
    /// The command line itself is wrong.
    case usage
    /// Bad input data: an invalid checklist or CSV, an unknown item or cycle, a broken rule.
    case badInput
    /// An input file, folder or workspace does not exist or cannot be read.
    case missingInput
    /// A bug in Evident.
    case internalError
    /// Reading or writing failed: disk full, unwritable database or output.
    case ioError
    /// Not allowed for this person: a read-only role, someone else's name or key.
    case permissionDenied
}

/// An error Evident reports to its user: one sentence of what went wrong, a hint of what to do.
public protocol EvidentError: LocalizedError, Sendable {
    /// How the command line should exit because of it.
    var kind: FailureKind { get }
    /// What the user can do about it, when there is something to say.
    var hint: String? { get }
}

extension EvidentError {
    public var hint: String? { nil }
}

/// A plain error carrying its own message, for failures that need no enum of their own.
public struct EvidentFailure: EvidentError, Equatable {
    public let kind: FailureKind
    public let message: String
    public let hint: String?

    /// Makes an error of `kind` saying `message`, with an optional `hint`.
    public init(_ kind: FailureKind, _ message: String, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
    }

    public var errorDescription: String? { message }
}
