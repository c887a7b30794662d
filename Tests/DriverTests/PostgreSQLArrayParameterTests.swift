import EngineTestSupport
import Joinery
import JoineryPostgreSQL
import JoineryTestSupport
import Testing

/// The array literal a large preload binds on PostgreSQL (`= ANY($1::BIGINT[])`): every element
/// must reach the server as it was, quotes, backslashes and non-ASCII text included.
@Suite("PostgreSQL array parameter")
struct PostgreSQLArrayParameterTests {
    let dialect = PostgreSQLDialect()

    @Test func theLiteralQuotesTextAndSpellsEveryKind() throws {
        let literal = try dialect.arrayParameter(
            [.integer(1), .null, .integer(-42), .text(#"a"b\c"#), .text("ü ✓"), .bool(true), .bool(false)],
            elementType: .text(maxLength: nil))
        #expect(literal == .text(#"{1,NULL,-42,"a\"b\\c","ü ✓",t,f}"#))
        #expect(try dialect.arrayParameter([], elementType: .integer) == .text("{}"))
        let extremes: [Int64] = [Int64.min, Int64.max, 0, 10, -10, 1_000_000_000_000_000_000, 99_999_999_999_999_999]
        #expect(
            try dialect.arrayParameter(extremes.map(SQLValue.integer), elementType: .integer)
                == .text("{" + extremes.map(String.init).joined(separator: ",") + "}"))
    }

    @Test func theServerReadsBackEveryElement() throws {
        let connection = try TestEngine.postgresql.connect()
        defer { connection.close() }
        let texts = [#"plain"#, #"quote " inside"#, #"back\slash"#, #"\""#, "ü ✓", "", "comma, and {braces}", "NULL"]
        let textRows = try connection.query(
            "SELECT x FROM unnest($1::TEXT[]) WITH ORDINALITY AS t(x, n) ORDER BY n",
            [try dialect.arrayParameter(texts.map(SQLValue.text), elementType: .text(maxLength: nil))])
        #expect(try textRows.map { try $0.decode(String.self, at: 0) } == texts)

        let keys: [Int64] = [1, -7, Int64.max, Int64.min, 0]
        let keyRows = try connection.query(
            "SELECT x FROM unnest($1::BIGINT[]) WITH ORDINALITY AS t(x, n) ORDER BY n",
            [try dialect.arrayParameter(keys.map(SQLValue.integer), elementType: .integer)])
        #expect(try keyRows.map { try $0.decode(Int64.self, at: 0) } == keys)
    }
}
