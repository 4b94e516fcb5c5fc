@testable import EvidentCore
import Testing

/// RFC 4180 reading and safe writing.
@Suite struct CSVTests {
    @Test func readsQuotedFieldsWithCommasQuotesAndNewlines() throws {
        let records = try CSV.parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nlast,,\n")
        #expect(records == [
            CSV.Record(line: 1, fields: ["a", "b", "c"]),
            CSV.Record(line: 2, fields: ["x, y", "say \"hi\"", "two\nlines"]),
            CSV.Record(line: 5, fields: ["last", "", ""]),
        ])
    }

    @Test func reportsBrokenQuotingWithItsLine() {
        #expect(throws: CSV.ParseError(line: 2, message: "a quoted field is never closed")) {
            try CSV.parse("a,b\n\"open,b\nmore\n")
        }
        #expect(throws: CSV.ParseError.self) { try CSV.parse("a,b\nx\"y,b\n") }
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("line\nbreak", "\"line\nbreak\""),
    ])
    func writesFieldsThatCannotBreakOrRun(value: String, expected: String) {
        #expect(CSV.field(value) == expected)
    }
}
