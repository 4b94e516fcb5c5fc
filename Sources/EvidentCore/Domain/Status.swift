/// A reviewer's verdict on one item in one cycle.
public enum ReviewStatus: String, Sendable, Codable, CaseIterable, Comparable {
    case pass, partial, fail, na

    /// The rank SPEC §4 compares statuses by: pass 3, partial 2, fail 1; `na` has none.
    public var rank: Int? {
        switch self {
        case .pass: 3
        case .partial: 2
        case .fail: 1
        case .na: nil
        }
    }

    /// Whether a review with this status must say why.
    public var needsNote: Bool { self == .na || self == .fail }

    public static func < (lhs: ReviewStatus, rhs: ReviewStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Where an item stands in a cycle: its latest review's status, or pending without one.
public enum ItemStatus: String, Sendable, Codable, CaseIterable {
    case pass, partial, fail, na, pending

    /// The status of an item whose latest review is `review` (nil: never reviewed).
    public init(_ review: ReviewStatus?) {
        self = review.map { ItemStatus(rawValue: $0.rawValue)! } ?? .pending
    }

    /// The review status behind it, nil for pending.
    public var reviewStatus: ReviewStatus? { ReviewStatus(rawValue: rawValue) }

    /// A short label that does not rely on colour: `PASS`, `PARTIAL`, `FAIL`, `N/A`, `PENDING`.
    public var label: String { self == .na ? "N/A" : rawValue.uppercased() }
}

/// Counts of items per status, in the order SPEC §4 prints them.
public struct StatusCounts: Sendable, Equatable, Codable {
    public var pass = 0
    public var partial = 0
    public var fail = 0
    public var na = 0
    public var pending = 0

    public init() {}

    /// Adds one item of `status`.
    public mutating func add(_ status: ItemStatus) {
        switch status {
        case .pass: pass += 1
        case .partial: partial += 1
        case .fail: fail += 1
        case .na: na += 1
        case .pending: pending += 1
        }
    }

    /// The count of `status`.
    public subscript(status: ItemStatus) -> Int {
        switch status {
        case .pass: pass
        case .partial: partial
        case .fail: fail
        case .na: na
        case .pending: pending
        }
    }

    /// All items counted.
    public var total: Int { pass + partial + fail + na + pending }

    /// Items reviewed, whatever the verdict.
    public var reviewed: Int { total - pending }

    /// The share of applicable items that pass, counting partial as half; nil when none apply.
    public var score: Double? {
        let applicable = pass + partial + fail + pending
        return applicable == 0 ? nil : (Double(pass) + Double(partial) / 2) / Double(applicable)
    }
}
