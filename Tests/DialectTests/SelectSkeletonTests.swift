@testable import Joinery
import JoineryConformance
import Testing

/// A schema keeps the columns and joins of the SELECTs planned against it; a query planned
/// with them kept must be the query planned without (a schema of its own, nothing kept), for
/// every variation the skeleton does not depend on and every one it does.
@Suite("Select skeletons")
struct SelectSkeletonTests {
    static let queries: [SelectQuery] = [
        SelectQuery("Profile", includes: [Include("user", .leftJoin)]),
        SelectQuery("Profile", filter: .comparison(.column(ColumnReference("name")), .equal, .value("a")), includes: [Include("user", .leftJoin)]),
        SelectQuery("Profile", first: true, includes: [Include("user", .leftJoin)]),
        SelectQuery("Profile", includes: [Include("user", .innerJoin)]),
        SelectQuery("Profile", includes: [Include("user", .leftJoin)], unscoped: true),
        SelectQuery("Profile", includes: [Include("user", .leftJoin, unscoped: true)]),
        SelectQuery("Profile", includes: [Include("user.company", .leftJoin)]),
        SelectQuery("Profile", includes: [Include("user", .preload), Include("user.company", .leftJoin)]),
        SelectQuery("Profile", includes: [
            Include("user", .leftJoin, filter: .comparison(.column(ColumnReference("name")), .equal, .value("b"))),
        ]),
        SelectQuery("Profile", columns: ["id", "userID"], includes: [Include("user", .leftJoin)]),
        SelectQuery("User", includes: [Include("company", .leftJoin)]),
    ]

    @Test(arguments: [IdentifierLimit?.none, .bytes(12)])
    func aPlanWithKeptSkeletonsIsThePlanWithout(limit: IdentifierLimit?) throws {
        var capabilities = DialectCapabilities()
        capabilities.identifierLimit = limit
        let shared = Planner(schema: try Schema(ScenarioModels.gorm), capabilities: capabilities)
        // Twice through the list: the second time every skeleton is a kept one.
        for query in Self.queries + Self.queries {
            let alone = Planner(schema: try Schema(ScenarioModels.gorm), capabilities: capabilities)
            let expected = try alone.plan(.select(query))
            let planned = try shared.plan(.select(query))
            #expect(planned.statements.map(\.statement) == expected.statements.map(\.statement))
            #expect(planned.statements.map(\.layout) == expected.statements.map(\.layout))
            #expect(planned.preloads.map(\.template) == expected.preloads.map(\.template))
        }
        // A filtered join and chosen columns are not kept; the rest are, each once.
        #expect(shared.schema.selectSkeletons.count == 6)
        // Queries that differ in their filter, order or limit alone share their include nodes.
        #expect(shared.schema.selectSkeletons.rootCount == 7)
    }

    /// Planners of two dialects sharing one schema keep what each plans apart: the identifier
    /// limit shortens aliases.
    @Test func plannersWithDifferentLimitsSharingASchemaKeepTheirOwn() throws {
        let schema = try Schema(ScenarioModels.gorm)
        var short = DialectCapabilities()
        short.identifierLimit = .bytes(12)
        let query = SelectQuery("Profile", includes: [Include("user.company", .leftJoin)])
        for _ in 0..<2 {
            var written: [[SQLStatement]] = []
            for capabilities in [DialectCapabilities(), short] {
                let alone = Planner(schema: try Schema(ScenarioModels.gorm), capabilities: capabilities)
                let planned = try Planner(schema: schema, capabilities: capabilities).plan(.select(query))
                #expect(planned.statements.map(\.statement) == (try alone.plan(.select(query))).statements.map(\.statement))
                written.append(planned.statements.map(\.statement))
            }
            #expect(written[0] != written[1])
        }
        #expect(schema.selectSkeletons.rootCount == 2)
    }

    /// The SQL written from a kept skeleton's text is the SQL written afresh, in every dialect
    /// (the odd one quotes with its own function, so it never keeps text) and twice over, so
    /// that the second lowering copies the text the first kept.
    @Test(arguments: TestDialect.allCases)
    func theSQLWrittenFromKeptTextIsTheSQLWrittenAfresh(dialect testDialect: TestDialect) throws {
        let dialect = testDialect.dialect()
        let shared = Planner(schema: try Schema(ScenarioModels.gorm), capabilities: dialect.capabilities)
        for query in Self.queries + Self.queries {
            let alone = Planner(schema: try Schema(ScenarioModels.gorm), capabilities: dialect.capabilities)
            let expected = try alone.plan(.select(query)).statements.map { try dialect.lower($0.statement) }
            for _ in 0..<2 {
                let lowered = try shared.plan(.select(query)).statements.map { try dialect.lower($0.statement) }
                #expect(lowered == expected)
            }
        }
    }

    /// A statement whose joins, columns or table change after planning is written from what it
    /// now holds, not from the text kept for its skeleton.
    @Test func changingAPlannedStatementDropsItsKeptText() throws {
        let dialect = TestDialect.postgresql.dialect()
        let planner = Planner(schema: try Schema(ScenarioModels.gorm), capabilities: dialect.capabilities)
        let query = SelectQuery("Profile", includes: [Include("user", .leftJoin)])
        guard case .select(let planned) = try planner.plan(.select(query)).statements[0].statement else {
            Issue.record("not a SELECT")
            return
        }
        _ = try dialect.lower(.select(planned))  // keeps the text
        var withoutJoins = planned
        withoutJoins.joins = []
        #expect(try !dialect.lower(.select(withoutJoins)).sql.contains("JOIN"))
        var counted = planned
        counted.selection = .count
        #expect(try dialect.lower(.select(counted)).sql.hasPrefix("SELECT COUNT(*) FROM"))
        var renamed = planned
        renamed.from = TableReference("other_profiles")
        #expect(try dialect.lower(.select(renamed)).sql.contains(#"FROM "other_profiles""#))
        var filtered = planned
        filtered.filter = .isNull(.column(ColumnReference("name", table: "profiles")))
        filtered.order = [OrderingTerm(ColumnReference("id", table: "profiles"))]
        filtered.limit = 3
        #expect(try dialect.lower(.select(filtered)).sql.hasSuffix(#"WHERE "profiles"."name" IS NULL ORDER BY "profiles"."id" LIMIT 3"#))
        // The copies changed their own parts: the planned statement is as it was.
        #expect(planned.joins.count == 1 && planned.filter == nil && planned.order.isEmpty && planned.limit == nil)
        #expect(try dialect.lower(.select(planned)).sql.contains(#"FROM "profiles" LEFT JOIN "users""#))
    }

    @Test func theMemoIsBounded() throws {
        let memo = SelectSkeletonMemo()
        let skeleton = SelectSkeleton(selected: [], resultColumns: [], segments: [], joins: [], tables: .init(
            Planner.NamedTable(qualifier: "t", table: try #require(try Schema(ScenarioModels.gorm).table(forModel: "User"))),
            capacity: 1), purpose: "select t")
        for index in 0..<(SelectSkeletonMemo.capacity * 2 + 3) {
            memo.keep(skeleton, for: .init(scope: "t\(index)", joins: [], identifierLimit: nil))
        }
        #expect(memo.count <= SelectSkeletonMemo.capacity)
        #expect(memo.count > 0)
    }
}
