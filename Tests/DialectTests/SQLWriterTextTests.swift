import EngineTestSupport
import Joinery
import Testing

/// The writer keeps its SQL as bytes in storage of its own: a copy of a writer is a value like
/// any other, and text of any length and script comes out as it went in.
@Suite("SQL writer text")
struct SQLWriterTextTests {
    @Test func aCopiedWriterWritesOnItsOwn() {
        var first = SQLWriter(dialect: TestDialect.postgresql.dialect())
        first.append("SELECT ")
        var second = first
        second.identifier("b")
        first.identifier("a")
        second.bind(.integer(1))
        #expect(first.sql == #"SELECT "a""#)
        #expect(second.sql == #"SELECT "b"$1"#)
        #expect(first.bindings.isEmpty && second.bindings == [.integer(1)])
    }

    @Test(arguments: TestDialect.allCases)
    func longTextGrowsTheStorageAndKeepsEveryByte(dialect: TestDialect) {
        var writer = SQLWriter(dialect: dialect.dialect())
        var expected = ""
        let pieces = ["SELECT ", "ünïcødé ", "名前 ", "", "😀", String(repeating: "x", count: 1_000), ", "]
        for round in 0..<500 {
            let piece = pieces[round % pieces.count]
            writer.append(piece)
            expected += piece
        }
        #expect(writer.sql == expected)
        #expect(writer.finish().sql.utf8.count == expected.utf8.count)
    }
}
