import Foundation

/// Why a checklist could not be read or loaded.
public enum ChecklistError: EvidentError, Equatable {
    /// The path names nothing.
    case notFound(path: String)
    /// The path exists but cannot be read, or is not a checklist directory.
    case unreadable(path: String, reason: String)
    /// The files were read but break the format; every problem is in `diagnostics`.
    case invalid(diagnostics: [Diagnostic])

    public var kind: FailureKind {
        switch self {
        case .notFound, .unreadable: .missingInput
        case .invalid: .badInput
        }
    }

    public var errorDescription: String? {
        switch self {
        case let .notFound(path):
            "no such checklist directory: \(path)" + Suggestion.didYouMean((path as NSString).lastPathComponent, in: ShippedChecklists.names)
        case let .unreadable(path, reason): "cannot read \(path): \(reason)"
        case let .invalid(diagnostics):
            "the checklist has \(diagnostics.filter { $0.severity == .error }.count) error(s); nothing was loaded"
        }
    }

    public var hint: String? {
        switch self {
        case .notFound:
            "give the directory that holds checklist.yaml and the section files, or the name of a checklist Evident ships: "
                + ShippedChecklists.names.joined(separator: ", ")
        case .unreadable: "check the path and its permissions"
        case .invalid: "fix the errors above and run the command again"
        }
    }
}
