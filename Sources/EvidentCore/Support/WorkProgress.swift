/// Where long operations (large evidence files, exports, verification) report how far they are.
/// The command line shows it as one line on a terminal and nowhere else.
public struct WorkProgress: Sendable {
    private let report: @Sendable (_ task: String, _ done: Int64, _ total: Int64?) -> Void

    /// A progress sink calling `report` with a task name, the amount done and the total when known.
    public init(_ report: @escaping @Sendable (_ task: String, _ done: Int64, _ total: Int64?) -> Void) {
        self.report = report
    }

    /// Reports nothing.
    public static let none = WorkProgress { _, _, _ in }

    /// Tells how far `task` is.
    public func update(_ task: String, done: Int64, total: Int64?) { report(task, done, total) }
}
