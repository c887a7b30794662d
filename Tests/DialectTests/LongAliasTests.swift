import EngineTestSupport
import Joinery
import JoineryConformance
import Testing

/// Generated names longer than the engine allows are shortened deterministically and mapped back
/// by position — where GORM lets PostgreSQL truncate them and loses a column.
@Suite("Long aliases")
struct LongAliasTests {
    static let longName = "CurrentEmployerInformation__PreferredCompanyLanguage__international_code"

    @Test func shorteningIsStableAndWithinTheLimit() {
        #expect(Self.longName.utf8.count == 72)
        let short = IdentifierShortener.shorten(Self.longName, to: .bytes(63))
        // The hash was checked against an independent FNV-1a implementation.
        #expect(short == "CurrentEmployerInformation__PreferredCompanyLanguage_f22983ec")
        #expect(short.utf8.count <= 63)
        #expect(IdentifierShortener.shorten(Self.longName, to: .bytes(63)) == short)
        #expect(IdentifierShortener.shorten("User__name", to: .bytes(63)) == "User__name")
        #expect(IdentifierShortener.shorten(Self.longName, to: nil) == Self.longName)
    }

    @Test func namesThatShareA63BytePrefixStayDistinct() {
        let other = "CurrentEmployerInformation__PreferredCompanyLanguage__international_name"
        #expect(IdentifierShortener.shorten(Self.longName, to: .bytes(63)) != IdentifierShortener.shorten(other, to: .bytes(63)))
    }

    @Test func multibyteNamesAreCutOnCharacterBoundaries() {
        let name = String(repeating: "é", count: 40)  // 80 bytes, 40 characters
        let bytes = IdentifierShortener.shorten(name, to: .bytes(63))
        #expect(bytes.utf8.count <= 63 && bytes.hasPrefix("éé"))
        #expect(IdentifierShortener.shorten(name, to: .characters(64)) == name)
    }

    /// The join runs on each engine with a row whose language code is "de-CH"; the value comes
    /// back at the position the layout gives for the 72-byte name.
    @Test(arguments: TestEngine.allCases)
    func theLongColumnComesBack(engine: TestEngine) throws {
        try withScratchSchema(engine) { connection in
            let dialect = connection.dialect
            func run(_ query: Query) throws {
                let document = QueryDocument(models: ScenarioModels.longNames, query: query)
                for statement in try document.translated(with: dialect).compactMap(\.lowered) {
                    try connection.execute(statement.sql, statement.bindings)
                }
            }
            try run(.migrate(MigrateQuery()))
            try run(.insert(InsertQuery("CompanyLanguage", rows: [["id": 1, "internationalCode": "de-CH"]])))
            try run(.insert(InsertQuery("EmployerInformation", rows: [["id": 2, "preferredCompanyLanguageID": 1]])))
            try run(.insert(InsertQuery("Person", rows: [["id": 3, "currentEmployerInformationID": 2]])))

            let planner = Planner(schema: try Schema(ScenarioModels.longNames), capabilities: dialect.capabilities)
            let plan = try planner.plan(.select(SelectQuery(
                "Person", includes: [Include("currentEmployerInformation.preferredCompanyLanguage", .leftJoin)])))
            let layout = try #require(plan.statements[0].layout)
            let position = try #require(layout.position(named: Self.longName))
            let lowered = try dialect.lower(plan.statements[0].statement)
            let rows = try connection.query(lowered.sql, lowered.bindings)
            #expect(rows.count == 1)
            #expect(try rows.first?.decode(String.self, at: position) == "de-CH")
            // Every column name the engine reports is the one the SQL asked for: nothing truncated.
            #expect(rows.first?.columns.names == layout.columns.map(\.sqlName))
        }
    }
}
