import EvidentTestSupport
import Testing

extension Trait where Self == ConditionTrait {
    /// Runs a suite or test only when a PostgreSQL test server is configured; otherwise Swift
    /// Testing prints it as skipped with `PostgresTestServer.skipReason`.
    public static var postgresServer: Self {
        .enabled(if: PostgresTestServer.shared != nil, Comment(rawValue: PostgresTestServer.skipReason))
    }
}
