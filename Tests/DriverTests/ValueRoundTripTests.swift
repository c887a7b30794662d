import Foundation
import Joinery
import EngineTestSupport
import JoineryTestSupport
import Testing

/// Every value type goes in through a bound parameter and comes back out equal, on every engine.
@Suite("Values round-trip")
struct ValueRoundTripTests {
    /// Inserts `values` into a column of `type` and reads them back in insertion order.
    private func roundTrip(_ engine: TestEngine, type: String, _ values: [SQLValue]) throws -> [SQLValue] {
        var output: [SQLValue] = []
        try withTables(engine, ["values"]) { connection, tables in
            let table = tables[0]
            try connection.execute("CREATE TABLE \(table) (id \(engine.types.identity), v \(type))")
            for value in values {
                try connection.execute(engine.sql("INSERT INTO \(table) (v) VALUES (?)"), [value])
            }
            output = try connection.query("SELECT v FROM \(table) ORDER BY id").map { try $0.value(at: 0) }
        }
        return output
    }

    @Test(arguments: TestEngine.allCases)
    func nullAndIntegers(engine: TestEngine) throws {
        let integers: [Int64] = [0, 1, -1, 42, Int64.min, Int64.max]
        let back = try roundTrip(engine, type: engine.types.integer, [.null] + integers.map(SQLValue.integer))
        #expect(back.first == .null)
        #expect(try back.dropFirst().map { try Int64(sqlValue: $0) } == integers)
        #expect(try back.map { try Int64?(sqlValue: $0) } == [nil] + integers.map(Optional.some))
    }

    @Test(arguments: TestEngine.allCases)
    func texts(engine: TestEngine) throws {
        let texts = [
            "",  // empty is not NULL
            "jinzhu",
            "it's \"quoted\" \\ back`tick",
            "👩‍👩‍👧‍👦 family, 🇩🇪 flag",  // emoji: multi-scalar graphemes, 4-byte UTF-8
            "e\u{301} vs \u{e9}",  // combining acute accent next to the precomposed é
            "مرحبا بالعالم",  // right-to-left (Arabic)
            "שָׁלוֹם",  // right-to-left with combining points (Hebrew)
            String(repeating: "long text ", count: 10_000),
        ]
        let back = try roundTrip(engine, type: engine.types.text, texts.map(SQLValue.text))
        // Compare bytes: Swift's == treats "e\u{301}" and "é" as equal, an engine must not.
        #expect(try back.map { Array(try String(sqlValue: $0).utf8) } == texts.map { Array($0.utf8) })
        #expect(back[0] != .null)
    }

    @Test(arguments: TestEngine.allCases)
    func blobs(engine: TestEngine) throws {
        var generator = SystemRandomNumberGenerator()
        let mebibyte = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let blobs: [[UInt8]] = [[], [0, 1, 2, 0, 255], mebibyte]
        let back = try roundTrip(engine, type: engine.types.blob, blobs.map(SQLValue.blob))
        #expect(try back.map { try [UInt8](sqlValue: $0) } == blobs)
    }

    @Test(arguments: TestEngine.allCases)
    func doubles(engine: TestEngine) throws {
        let doubles: [Double] = [0, -0.5, 0.1, .pi, 1e-300, -1.7976931348623157e308, 123_456_789.123_456_789]
        let back = try roundTrip(engine, type: engine.types.double, doubles.map(SQLValue.double))
        #expect(try back.map { try Double(sqlValue: $0) } == doubles)
    }

    @Test(arguments: TestEngine.allCases)
    func booleans(engine: TestEngine) throws {
        let back = try roundTrip(engine, type: engine.types.bool, [.bool(true), .bool(false), .null])
        #expect(try back.map { try Bool?(sqlValue: $0) } == [true, false, nil])
    }

    @Test(arguments: TestEngine.allCases)
    func dates(engine: TestEngine) throws {
        let dates = [
            SQLTimestamp(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59, microsecond: 123_456),
            SQLTimestamp(year: 1970, month: 1, day: 1),
            SQLTimestamp(year: 1969, month: 7, day: 20, hour: 20, minute: 17, second: 40),
            SQLTimestamp(year: 2038, month: 1, day: 19, hour: 3, minute: 14, second: 8, microsecond: 1),
            SQLTimestamp(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59),
        ]
        let back = try roundTrip(engine, type: engine.types.timestamp, dates.map { .timestamp($0.date) })
        // Compared as calendar values, to the microsecond. (A Date is a Double: near year 9999
        // it cannot hold single microseconds, so that case uses whole seconds.)
        #expect(try back.map { SQLTimestamp(try Date(sqlValue: $0)) } == dates)
    }

    @Test(arguments: TestEngine.allCases)
    func valuesReadByNameAndPosition(engine: TestEngine) throws {
        try withTables(engine, ["named"]) { connection, tables in
            try connection.execute(
                "CREATE TABLE \(tables[0]) (id \(engine.types.identity), name \(engine.types.text), age \(engine.types.integer))")
            try connection.execute(engine.sql("INSERT INTO \(tables[0]) (name, age) VALUES (?, ?)"), ["jinzhu", 18])
            let rows = try connection.query(engine.sql("SELECT id, name, age FROM \(tables[0]) WHERE name = ?"), ["jinzhu"])
            #expect(rows.count == 1)
            #expect(rows[0].columns.names == ["id", "name", "age"])
            #expect(try rows[0].decode(String.self, named: "name") == "jinzhu")
            #expect(try rows[0].decode(Int.self, at: 2) == 18)
            let error = joineryError { _ = try rows[0].decode(Date.self, named: "name") }
            #expect(error?.kind == .decoding)
            #expect(error?.column == "name")
        }
    }
}
