import EngineTestSupport
import Joinery
import Testing

/// The writer quotes identifiers in place, byte by byte, for a dialect that names its quote
/// character (``SQLDialect/identifierQuote``), and through ``SQLDialect/quoteIdentifier(_:)`` for
/// one that quotes another way. Either way the SQL must be exactly the dialect's quoting.
@Suite("Identifier quoting in the writer")
struct IdentifierQuotingTests {
    /// Names with each engine's quote character, a quote followed by a combining mark (one
    /// `Character`, two code points), non-ASCII text, and a name longer than a small string.
    static let names = [
        "users", "a\"b", "a`b", "\"\"", "a\"\u{301}b`\u{301}c", "ünïcødé_名前", "a_name_much_longer_than_fifteen_bytes\"",
    ]

    /// `name` enclosed in `open`/`close`, each `close` inside doubled: written independently of
    /// the code under test, over Unicode scalars.
    static func quoted(_ name: String, open: Unicode.Scalar, close: Unicode.Scalar) -> String {
        var scalars = String.UnicodeScalarView([open])
        for scalar in name.unicodeScalars {
            scalars.append(scalar)
            if scalar == close { scalars.append(close) }
        }
        scalars.append(close)
        return String(scalars)
    }

    @Test(arguments: TestDialect.allCases)
    func aLoweredSelectQuotesEveryNameAsTheDialectDoes(dialect testDialect: TestDialect) throws {
        let dialect = testDialect.dialect()
        let (open, close): (Unicode.Scalar, Unicode.Scalar) =
            switch testDialect {
            case .sqlite, .postgresql: ("\"", "\"")
            case .mariadb: ("`", "`")
            case .odd: ("⟦", "⟧")
            }
        for name in Self.names {
            let q = { Self.quoted($0, open: open, close: close) }
            let statement = SelectStatement(
                selection: .columns([SelectedColumn(ColumnReference(name, table: name), alias: name + "__x")]),
                from: TableReference(name, alias: name + "_t"))
            let lowered = try dialect.lower(.select(statement))
            #expect(lowered.sql == "SELECT \(q(name)).\(q(name)) AS \(q(name + "__x")) FROM \(q(name)) \(q(name + "_t"))")
            #expect(dialect.quoteIdentifier(name) == q(name))
        }
    }

    /// A dialect that names a quote character and keeps the default `quoteIdentifier` gets that
    /// character from both.
    @Test func theDefaultQuoteIdentifierFollowsTheDialectsQuoteCharacter() throws {
        struct BacktickDialect: SQLDialect {
            var name: String { "Backtick" }
            var capabilities: DialectCapabilities { DialectCapabilities() }
            var identifierQuote: Unicode.Scalar? { "`" }
        }
        let dialect = BacktickDialect()
        #expect(dialect.quoteIdentifier("a`b\"c") == "`a``b\"c`")
        var writer = SQLWriter(dialect: dialect)
        writer.identifier("a`b\"c")
        #expect(writer.sql == "`a``b\"c`")
    }
}
