import Foundation
import Joinery
import Testing

@Suite("SQLTimestamp")
struct SQLTimestampTests {
    @Test func formatsUTC() {
        let stamp = SQLTimestamp(Date(timeIntervalSince1970: 1_714_979_289.123_456))
        #expect(stamp == SQLTimestamp(year: 2024, month: 5, day: 6, hour: 7, minute: 8, second: 9, microsecond: 123_456))
        #expect(stamp.sqlText == "2024-05-06 07:08:09.123456")
        #expect(stamp.iso8601 == "2024-05-06T07:08:09.123456Z")
        #expect(SQLTimestamp(year: 2024, month: 1, day: 2).sqlText == "2024-01-02 00:00:00")
    }

    @Test func beforeTheEpoch() {
        let stamp = SQLTimestamp(Date(timeIntervalSince1970: -0.5))
        #expect(stamp == SQLTimestamp(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59, microsecond: 500_000))
        #expect(SQLTimestamp(stamp.date) == stamp)
    }

    @Test(arguments: [
        ("2024-05-06 07:08:09.123456", SQLTimestamp(year: 2024, month: 5, day: 6, hour: 7, minute: 8, second: 9, microsecond: 123_456)),
        ("2024-05-06T07:08:09Z", SQLTimestamp(year: 2024, month: 5, day: 6, hour: 7, minute: 8, second: 9)),
        ("2024-05-06 07:08:09.5+00", SQLTimestamp(year: 2024, month: 5, day: 6, hour: 7, minute: 8, second: 9, microsecond: 500_000)),
        ("2024-05-06 09:08:09+02:00", SQLTimestamp(year: 2024, month: 5, day: 6, hour: 7, minute: 8, second: 9)),
        ("2024-05-06 02:38:09-0430", SQLTimestamp(year: 2024, month: 5, day: 6, hour: 7, minute: 8, second: 9)),
        ("2024-05-06", SQLTimestamp(year: 2024, month: 5, day: 6)),
        ("2024-05-06 07:08", SQLTimestamp(year: 2024, month: 5, day: 6, hour: 7, minute: 8)),
        ("2024-05-06 07:08:09.1234567", SQLTimestamp(year: 2024, month: 5, day: 6, hour: 7, minute: 8, second: 9, microsecond: 123_456)),
    ])
    func parses(text: String, expected: SQLTimestamp) {
        #expect(SQLTimestamp(parsing: text) == expected)
    }

    @Test(arguments: ["", "2024", "2024-13-01", "2024-05-06 25:00", "2024-05-06x", "2024-05-06 07:08:09.", "yesterday"])
    func rejects(text: String) {
        #expect(SQLTimestamp(parsing: text) == nil)
    }
}
