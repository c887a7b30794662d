import Foundation
import Joinery
import Testing

@Suite("SQLValue")
struct SQLValueTests {
    @Test func jsonFormIsOneKeyObjects() throws {
        let values: [SQLValue] = [
            .null, .integer(Int64.min), .double(1.5), .text("jinzhu"), .blob([0, 1, 255]), .bool(true),
            .timestamp(SQLTimestamp(year: 2024, month: 5, day: 6, hour: 7, minute: 8, second: 9).date),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(values), as: UTF8.self)
        #expect(json == #"[null,{"integer":-9223372036854775808},{"double":1.5},{"text":"jinzhu"},{"blob":"AAH\/"},{"bool":true},{"timestamp":"2024-05-06T07:08:09Z"}]"#)
        #expect(try JSONDecoder().decode([SQLValue].self, from: Data(json.utf8)) == values)
    }

    @Test(arguments: [#"{"integer": 1, "text": "a"}"#, #"{}"#, #"{"blob": "***"}"#, #"{"timestamp": "soon"}"#, #"{"number": 1}"#])
    func invalidJSON(json: String) {
        #expect(throws: DecodingError.self) { _ = try JSONDecoder().decode(SQLValue.self, from: Data(json.utf8)) }
    }

    @Test func lenientReadingStrictMeaning() throws {
        #expect(try Bool(sqlValue: .integer(1)) == true)
        #expect(try Bool(sqlValue: .text("f")) == false)
        #expect(try Int(sqlValue: .text("42")) == 42)
        #expect(try Double(sqlValue: .integer(3)) == 3)
        #expect(try Int?(sqlValue: .null) == nil)
        #expect(try UInt64(sqlValue: UInt64.max.sqlValue) == UInt64.max)
        #expect(try Date(sqlValue: .text("2024-05-06 07:08:09")) == SQLTimestamp(year: 2024, month: 5, day: 6, hour: 7, minute: 8, second: 9).date)
        for (value, type) in [(SQLValue.integer(300), Int8.self as any SQLValueConvertible.Type), (.double(1.5), Int.self),
                              (.text("x"), Bool.self), (.null, String.self), (.integer(-1), UInt.self)] {
            #expect {
                _ = try type.init(sqlValue: value)
            } throws: { error in
                (error as? JoineryError)?.kind == .decoding
            }
        }
    }

    @Test func descriptionIsForPeople() {
        #expect(SQLValue.text("it's").description == "'it''s'")
        #expect(SQLValue.null.description == "NULL")
        #expect(SQLValue.blob([1, 2]).description == "<2 bytes>")
    }

    @Test func engineVersions() {
        #expect(EngineVersion(parsing: "10.11.6-MariaDB-0+deb12u1") == EngineVersion(10, 11, 6))
        #expect(EngineVersion(parsing: "3.40.1") == EngineVersion(3, 40, 1))
        #expect(EngineVersion(parsing: "15.18 (Debian)") == EngineVersion(15, 18))
        #expect(EngineVersion(parsing: "beta") == nil)
        #expect(EngineVersion(10, 5) < EngineVersion(10, 11))
        #expect(EngineVersion(3, 35) <= EngineVersion(3, 40, 1))
    }
}
