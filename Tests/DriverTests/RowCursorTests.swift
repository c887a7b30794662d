import Foundation
import Joinery
import EngineTestSupport
import JoineryTestSupport
import Testing

/// The cursor the generated model code reads from: each typed read gives what decoding the
/// row's value gives, on every engine, and a wrong read is a typed error naming the column.
@Suite("Row cursors")
struct RowCursorTests {
    /// A table of one row per case: integers, doubles, texts, booleans, timestamps, blobs, NULLs.
    private func withValues(_ engine: TestEngine, _ body: (any DatabaseConnection, String) throws -> Void) throws {
        try withTables(engine, ["cursor"]) { connection, tables in
            let table = tables[0]
            let types = engine.types
            try connection.execute(
                "CREATE TABLE \(table) (id \(types.identity), i \(types.integer), d \(types.double), t \(types.text), "
                    + "b \(types.bool), ts \(types.timestamp), bl \(types.blob))")
            let when = Date(timeIntervalSince1970: 1_700_000_000.25)
            let insert = engine.sql("INSERT INTO \(table) (i, d, t, b, ts, bl) VALUES (?, ?, ?, ?, ?, ?)")
            try connection.execute(insert, [.integer(Int64.max), .double(2.5), .text("jinzhu ✓"), .bool(true), .timestamp(when), .blob([0, 1, 255])])
            try connection.execute(insert, [.integer(-7), .double(-0.125), .text(""), .bool(false), .timestamp(when), .blob([])])
            try connection.execute(insert, [.null, .null, .null, .null, .null, .null])
            try body(connection, table)
        }
    }

    /// Integers of every length read through the cursor as they were stored: the driver's
    /// parse (PostgreSQL's text results) has a fast path up to 18 digits and a checked one past it.
    @Test(arguments: TestEngine.allCases)
    func integersOfEveryLengthReadBackExactly(engine: TestEngine) throws {
        let numbers: [Int64] = [
            0, 7, -7, 42, 123_456, -987_654_321, 999_999_999_999_999_999, -999_999_999_999_999_999,
            1_000_000_000_000_000_000, -1_000_000_000_000_000_000, Int64.max, Int64.min, Int64.max - 1, Int64.min + 1,
        ]
        try withTables(engine, ["cursor_integers"]) { connection, tables in
            try connection.execute("CREATE TABLE \(tables[0]) (id \(engine.types.identity), i \(engine.types.integer))")
            for number in numbers {
                try connection.execute(engine.sql("INSERT INTO \(tables[0]) (i) VALUES (?)"), [.integer(number)])
            }
            var read: [Int64?] = []
            try connection.forEachCursor("SELECT i FROM \(tables[0]) ORDER BY id", []) { cursor in
                read.append(try cursor.integer(at: 0))
            }
            #expect(read == numbers.map(Optional.some))
        }
    }

    struct Decoded: Equatable {
        var i: Int64?, small: Int32?, d: Double?, t: String?, b: Bool?, ts: Date?, bl: [UInt8]?
    }

    @Test(arguments: TestEngine.allCases)
    func typedReadsAgreeWithDecodingTheRow(engine: TestEngine) throws {
        try withValues(engine) { connection, table in
            let sql = "SELECT i, i, d, t, b, ts, bl FROM \(table) ORDER BY id"
            // The smaller integer type reads only the rows where it fits.
            let fits = "SELECT i, i, d, t, b, ts, bl FROM \(table) WHERE i IS NULL OR i < 100 ORDER BY id"
            var fromCursor: [Decoded] = []
            try connection.forEachCursor(fits, []) { cursor in
                fromCursor.append(Decoded(
                    i: try cursor.decode(at: 0), small: try cursor.decode(at: 1), d: try cursor.decode(at: 2),
                    t: try cursor.decode(at: 3), b: try cursor.decode(at: 4), ts: try cursor.decode(at: 5),
                    bl: try cursor.decode(at: 6)))
            }
            let fromRows = try connection.query(fits).map { row in
                Decoded(
                    i: try row.decode(at: 0), small: try row.decode(at: 1), d: try row.decode(at: 2), t: try row.decode(at: 3),
                    b: try row.decode(at: 4), ts: try row.decode(at: 5), bl: try row.decode(at: 6))
            }
            #expect(fromCursor == fromRows)
            #expect(fromCursor.count == 2)
            #expect(fromCursor.last == Decoded(i: nil, small: nil, d: nil, t: nil, b: nil, ts: nil, bl: nil))
            // An optional read of another kind (an integer column as `String?`, `Double?`) takes the
            // way through the value, as the row does; NULL stays nil.
            var crossed: [[String?]] = []
            try connection.forEachCursor(fits, []) { cursor in
                let text: String? = try cursor.decode(at: 0), number: Double? = try cursor.decode(at: 0)
                crossed.append([text, number.map { String($0) }])
            }
            let crossedRows = try connection.query(fits).map { row -> [String?] in
                let text: String? = try row.decode(at: 0), number: Double? = try row.decode(at: 0)
                return [text, number.map { String($0) }]
            }
            #expect(crossed == crossedRows)
            #expect(crossed.first == ["-7", "-7.0"] && crossed.last == [nil, nil])

            var values: [[SQLValue]] = []
            try connection.forEachCursor(sql, []) { cursor in
                values.append(try (0..<cursor.columnCount).map { try cursor.value(at: $0) })
            }
            #expect(values == (try connection.query(sql).map(\.values)))
            #expect(values.first?.first == .integer(Int64.max))
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aWrongReadIsATypedErrorNamingTheColumn(engine: TestEngine) throws {
        try withValues(engine) { connection, table in
            var errors: [JoineryError] = []
            try connection.forEachCursor("SELECT t AS label, i AS amount FROM \(table) WHERE i IS NULL", []) { cursor in
                for read in [
                    { _ = try cursor.decode(String.self, at: 0) },    // NULL into a non-optional
                    { _ = try cursor.decode(Int64.self, at: 2) },     // no such column
                    { _ = try cursor.decode(Int64.self, at: -1) },
                ] as [() throws -> Void] {
                    do { try read() } catch let error as JoineryError { errors.append(error) }
                }
            }
            try connection.forEachCursor("SELECT i AS amount FROM \(table) WHERE i > 100", []) { cursor in
                do { _ = try cursor.decode(Int8.self, at: 0) } catch let error as JoineryError { errors.append(error) }  // does not fit
            }
            #expect(errors.map(\.kind) == [.decoding, .decoding, .decoding, .decoding])
            #expect(errors.map(\.column) == ["label", nil, nil, "amount"])
        }
    }
}
