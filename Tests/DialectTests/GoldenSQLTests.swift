import Joinery
import Testing

/// Every golden fixture, lowered in every dialect, must give exactly the SQL (and, where the
/// fixture says, the values) written down for it — or the `unsupported` error it expects.
@Suite("Golden SQL")
struct GoldenSQLTests {
    @Test(arguments: Golden.all, GoldenDialect.allCases)
    func lowersAsWrittenDown(golden: Golden, dialect: GoldenDialect) throws {
        let expected = try #require(golden.expected[dialect], "no expectation for \(dialect)")
        switch expected {
        case .unsupported:
            #expect {
                try golden.translated(dialect)
            } throws: { error in
                (error as? JoineryError)?.kind == .unsupported
            }
        case .sql(let statements):
            let translated = try golden.translated(dialect)
            #expect(translated.map { $0.lowered?.sql } == statements)
            if let bindings = golden.bindings {
                #expect(translated.map { $0.lowered?.bindings } == bindings)
            }
        }
    }

    @Test func everyFixtureCoversEveryDialect() {
        for golden in Golden.all {
            #expect(Set(golden.expected.keys) == Set(GoldenDialect.allCases), "\(golden.name)")
        }
    }
}
