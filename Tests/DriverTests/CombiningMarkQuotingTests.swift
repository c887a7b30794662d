import Foundation
import Joinery
import EngineTestSupport
import JoineryTestSupport
import Testing

/// A quote character followed by a combining mark is one Swift `Character` but two code points,
/// and the engine ends the quoted name or string at the quote: quoting must double it anyway.
@Suite("Quoting next to combining marks")
struct CombiningMarkQuotingTests {
    @Test(arguments: TestEngine.allCases)
    func quotesFollowedByACombiningMarkAreEscaped(engine: TestEngine) throws {
        try withTables(engine, ["marks"]) { connection, tables in
            let dialect = connection.dialect
            let table = tables[0]
            // Each quote character of the engines, then U+0301 COMBINING ACUTE ACCENT.
            let column = "a\"\u{301}b`\u{301}c"
            let text = "it'\u{301}s \\\u{301} fine"
            let sql = "CREATE TABLE \(table) (id \(engine.types.identity), \(dialect.quoteIdentifier(column)) "
                + "\(engine.types.shortText) DEFAULT \(try dialect.literal(.text(text))))"
            try connection.execute(sql)
            try connection.execute("INSERT INTO \(table) (id) VALUES (1)")
            let rows = try connection.query("SELECT \(dialect.quoteIdentifier(column)) FROM \(table)")
            #expect(try rows.first?.decode(String.self, at: 0) == text)
            #expect(rows.first?.columns.names == [column])
            // The same through the writer, which quotes in place for the built-in dialects.
            let lowered = try dialect.lower(.select(SelectStatement(
                selection: .columns([SelectedColumn(ColumnReference(column, table: table))]), from: TableReference(table))))
            let written = try connection.query(lowered.sql, lowered.bindings)
            #expect(try written.first?.decode(String.self, at: 0) == text)
            #expect(written.first?.columns.names == [column])
        }
    }
}
