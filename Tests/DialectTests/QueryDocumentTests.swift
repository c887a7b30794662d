import Foundation
import Joinery
import JoineryConformance
import JoineryMariaDB
import JoineryPostgreSQL
import JoinerySQLite
import JoineryTestSupport
import Testing

/// The IR's JSON form (docs/ir.md): what `joinery translate` reads.
@Suite("Query documents")
struct QueryDocumentTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: ConformanceScenario.sqlDocuments)
    func everyScenarioRoundTripsThroughJSON(document: QueryDocument) throws {
        let data = try JSONEncoder().encode(document)
        let decoded = try QueryDocument(json: data)
        #expect(decoded == document)
    }

    @Test func valuesMayBeWrittenAsPlainJSON() throws {
        let json = #"{"in": {"operand": {"column": "id"}, "values": [1, 2.5, "x", true, null, {"integer": 3}]}}"#
        let condition = try JSONDecoder().decode(Condition.self, from: Data(json.utf8))
        #expect(condition == .in(.column("id"), [.integer(1), .double(2.5), .text("x"), .bool(true), .null, .integer(3)]))
    }

    @Test func aBadFieldIsNamedByItsPath() throws {
        let json = #"""
            {"models": [], "query": {"select": {"model": "Profile", "include": [{"path": "user", "mode": "sideways"}]}}}
            """#
        let error = joineryError { _ = try QueryDocument(json: Data(json.utf8)) }
        #expect(error?.kind == .misuse)
        #expect(error?.message.contains("query.select.include[0].mode") == true)
    }

    @Test func anUnknownConditionListsTheKnownOnes() throws {
        let json = #"{"models": [], "query": {"select": {"model": "P", "where": {"equals": []}}}}"#
        let error = joineryError { _ = try QueryDocument(json: Data(json.utf8)) }
        #expect(error?.message.contains("query.select.where") == true)
        #expect(error?.message.contains("notEqual") == true)
    }

    static let examples: [String] = {
        let folder = repository.appendingPathComponent("docs/examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    @Test func theExamplesExist() {
        #expect(Self.examples.count >= 5)
    }

    @Test(arguments: examples)
    func everyExampleTranslatesInEveryDialect(name: String) throws {
        let data = try Data(contentsOf: Self.repository.appendingPathComponent("docs/examples/\(name)"))
        let document = try QueryDocument(json: data)
        for dialect in [SQLiteDialect(), PostgreSQLDialect(), MariaDBDialect()] as [any SQLDialect] {
            let statements = try document.translated(with: dialect)
            #expect(!statements.isEmpty)
            #expect(statements.allSatisfy { $0.lowered != nil }, "\(name) leaves a preload without keys")
        }
    }

    /// DESIGN.md's join, from docs/examples/profile-join-user.json.
    @Test func theDocumentedJoin() throws {
        let data = try Data(contentsOf: Self.repository.appendingPathComponent("docs/examples/profile-join-user.json"))
        let sql = try QueryDocument(json: data).translated(with: PostgreSQLDialect()).first?.lowered?.sql
        #expect(sql == #"""
            SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "profiles"."deleted_at", \#
            "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", \#
            "User"."deleted_at" AS "User__deleted_at" FROM "profiles" LEFT JOIN "users" "User" \#
            ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL WHERE "profiles"."deleted_at" IS NULL
            """#)
    }
}

@Suite("Statement JSON")
struct StatementCodingTests {
    /// Every statement of every SQL-level scenario's plan survives a round trip through its JSON form.
    @Test(arguments: ConformanceScenario.sqlDocuments.filter { (try? Schema($0.models)) != nil })
    func plannedStatementsRoundTrip(document: QueryDocument) throws {
        let planner = Planner(schema: try Schema(document.models), capabilities: PostgreSQLDialect().capabilities, now: ConformanceScenario.now)
        guard let plan = try? planner.plan(document.query) else { return }  // the error scenarios
        let statements = plan.statements.map(\.statement) + plan.preloads.map { .select($0.template) }
        let decoded = try JSONDecoder().decode([SQLStatement].self, from: JSONEncoder().encode(statements))
        #expect(decoded == statements)
    }
}

extension ConformanceScenario {
    /// The documents of the SQL-level scenarios.
    static var sqlDocuments: [QueryDocument] {
        sqlLevel.compactMap { scenario in
            guard case .sql(let check) = scenario.check else { return nil }
            return check.document
        }
    }
}
