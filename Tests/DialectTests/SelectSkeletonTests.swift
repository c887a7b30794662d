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
    }

    @Test func theMemoIsBounded() throws {
        let memo = SelectSkeletonMemo()
        let skeleton = SelectSkeleton(selected: [], resultColumns: [], segments: [], joins: [], tables: .init(
            Planner.NamedTable(qualifier: "t", table: try #require(try Schema(ScenarioModels.gorm).table(forModel: "User"))),
            capacity: 1))
        for index in 0..<(SelectSkeletonMemo.capacity * 2 + 3) {
            _ = memo.skeleton(.init(scope: "t\(index)", joins: [], identifierLimit: nil)) { skeleton }
        }
        #expect(memo.count <= SelectSkeletonMemo.capacity)
        #expect(memo.count > 0)
    }
}
