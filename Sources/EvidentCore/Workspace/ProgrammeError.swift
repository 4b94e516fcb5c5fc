/// Rules of running a programme (targets, owners, accepted risks) that a command broke; all are
/// bad input (65).
public enum ProgrammeError: EvidentError, Equatable {
    case invalidTarget(String)
    case emptyOwner
    case noException(item: String, status: ItemStatus)
    case expiryNotAhead(expires: Timestamp, now: Timestamp)

    public var kind: FailureKind { .badInput }

    public var errorDescription: String? {
        switch self {
        case let .invalidTarget(target): "'\(target)' is not a usable target name"
        case .emptyOwner: "--owner must not be empty"
        case let .noException(item, status):
            "\(item) is \(status.label); only a failing or partial item can have an accepted risk"
        case let .expiryNotAhead(expires, now): "--expires \(expires) is not after now (\(now)); an exception must run out later"
        }
    }

    public var hint: String? {
        switch self {
        case .invalidTarget: "use letters, digits, dots, dashes and underscores, e.g. payments-api"
        case .emptyOwner: nil
        case .noException: "review it first (`evident review ITEM_ID --status fail --note …`); an exception never changes a status"
        case .expiryNotAhead: "give the date the acceptance ends, e.g. --expires 2027-03-31"
        }
    }
}
