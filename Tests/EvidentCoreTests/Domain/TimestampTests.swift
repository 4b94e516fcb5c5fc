import EvidentCore
import Testing

/// ISO-8601 times: every accepted form, round trips, and refusals.
@Suite struct TimestampTests {
    @Test(arguments: [
        ("2026-10-01", "2026-10-01T00:00:00Z"),
        ("2026-10-01T09:00", "2026-10-01T09:00:00Z"),
        ("2026-10-01T09:00:00Z", "2026-10-01T09:00:00Z"),
        ("2026-10-01t09:00:00z", "2026-10-01T09:00:00Z"),
        ("2026-10-01 09:00:00", "2026-10-01T09:00:00Z"),
        ("2026-10-01T09:00:00.987Z", "2026-10-01T09:00:00Z"),
        ("2026-10-01T11:00:00+02:00", "2026-10-01T09:00:00Z"),
        ("2026-10-01T04:30:00-0430", "2026-10-01T09:00:00Z"),
        ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z"),
        ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
    ])
    func parsesAndNormalises(input: String, expected: String) throws {
        #expect(try #require(Timestamp(iso8601: input)).iso8601 == expected)
    }

    @Test(arguments: ["", "2026-13-01", "2026-02-30", "2025-02-29", "26-10-01", "2026-10-01T25:00", "2026-10-01T09:00:00+2", "next tuesday", "2026-10-01T09:00:00Zjunk"])
    func refusesWhatIsNotADate(input: String) {
        #expect(Timestamp(iso8601: input) == nil)
    }

    @Test func addsDaysAsWholeDaysOfHours() throws {
        let start = try #require(Timestamp(iso8601: "2026-09-01T00:00:00Z"))
        #expect(start.adding(days: 90).iso8601 == "2026-11-30T00:00:00Z")
        #expect(start.adding(days: 0) == start)
    }

    @Test func expiryIsTheEarlierOfTheTwoRules() throws {
        let effective = try #require(Timestamp(iso8601: "2026-09-01"))
        let explicit = try #require(Timestamp(iso8601: "2026-10-01"))
        #expect(Evidence.expiry(effective: effective, explicit: explicit, maxAgeDays: 90) == explicit)
        #expect(Evidence.expiry(effective: effective, explicit: explicit, maxAgeDays: 10)?.iso8601 == "2026-09-11T00:00:00Z")
        #expect(Evidence.expiry(effective: effective, explicit: nil, maxAgeDays: 10)?.iso8601 == "2026-09-11T00:00:00Z")
        #expect(Evidence.expiry(effective: effective, explicit: explicit, maxAgeDays: nil) == explicit)
        #expect(Evidence.expiry(effective: effective, explicit: nil, maxAgeDays: nil) == nil)
    }
}
