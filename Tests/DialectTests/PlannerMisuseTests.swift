import Foundation
import EngineTestSupport
import Joinery
import JoineryConformance
import JoineryMariaDB
import JoineryPostgreSQL
import JoinerySQLite
import JoineryTestSupport
import Testing

/// Bad input gets a clear, typed error that names what is wrong, before anything is sent.
@Suite("Planner misuse")
struct PlannerMisuseTests {
    let planner: Planner

    init() throws {
        planner = Planner(schema: try Schema(ScenarioModels.gorm), capabilities: PostgreSQLDialect().capabilities)
    }

    @Test func unknownModel() {
        let error = joineryError { _ = try planner.plan(.select(SelectQuery("Invoice"))) }
        #expect(error?.kind == .misuse)
        #expect(error?.model == "Invoice")
        #expect(error?.message.contains("Company, User, Profile") == true)
    }

    @Test func unknownAssociationListsTheKnownOnes() {
        let error = joineryError { _ = try planner.plan(.select(SelectQuery("Profile", includes: [Include("owner")]))) }
        #expect(error?.kind == .misuse)
        #expect(error?.model == "Profile" && error?.field == "owner")
        #expect(error?.message.contains("user") == true)
    }

    @Test func relationNamesMatchIgnoringCaseAsInGORM() throws {
        let gormStyle = try planner.plan(.select(SelectQuery("Profile", includes: [Include("User.Company", .leftJoin)])))
        let swiftStyle = try planner.plan(.select(SelectQuery("Profile", includes: [Include("user.company", .leftJoin)])))
        #expect(gormStyle == swiftStyle)
    }

    @Test func unknownColumnInACondition() {
        let error = joineryError {
            _ = try planner.plan(.select(SelectQuery("Profile", filter: .equal("nmae", "x"))))
        }
        #expect(error?.kind == .misuse)
        #expect(error?.column == "nmae" && error?.table == "profiles")
    }

    @Test func fieldNamesWorkWhereColumnsDo() throws {
        let byField = try planner.plan(.select(SelectQuery("Profile", filter: .equal("userID", 1))))
        let byColumn = try planner.plan(.select(SelectQuery("Profile", filter: .equal("user_id", 1))))
        #expect(byField == byColumn)
    }

    @Test func aPreloadedRelationIsNotInTheMainStatement() {
        let error = joineryError {
            _ = try planner.plan(.select(SelectQuery(
                "Profile", filter: .equal("name", "x", table: "User"), includes: [Include("user")])))
        }
        #expect(error?.kind == .misuse)
        #expect(error?.message.contains("join it instead") == true)
    }

    @Test func includedTwiceInDifferentWays() {
        let error = joineryError {
            _ = try planner.plan(.select(SelectQuery(
                "Profile", includes: [Include("user", .leftJoin), Include("user", .preload)])))
        }
        #expect(error?.kind == .misuse)
        #expect(error?.relation == "Profile.user")
    }

    @Test func writesWithoutAConditionAreRefused() throws {
        let update = joineryError { _ = try planner.plan(.update(UpdateQuery("Profile", set: ["userID": 2]))) }
        #expect(update?.kind == .misuse)
        let delete = joineryError { _ = try planner.plan(.delete(DeleteQuery("User"))) }
        #expect(delete?.kind == .misuse)
        // Said explicitly, every row is meant.
        let plan = try planner.plan(.update(UpdateQuery("Profile", set: ["userID": 2], allRows: true)))
        #expect(plan.statements.count == 1)
    }

    @Test func countTakesNoLimit() {
        let error = joineryError { _ = try planner.plan(.select(SelectQuery("Profile", limit: 1, count: true))) }
        #expect(error?.kind == .misuse)
    }

    @Test func insertRowsMustAgree() {
        let unknown = joineryError { _ = try planner.plan(.insert(InsertQuery("User", rows: [["nick": "x"]]))) }
        #expect(unknown?.kind == .misuse && unknown?.column == "nick")
        let uneven = joineryError {
            _ = try planner.plan(.insert(InsertQuery("User", rows: [["name": "a"], ["name": "b", "companyID": 1]])))
        }
        #expect(uneven?.kind == .misuse)
    }

    @Test func aFragmentWithTheWrongNumberOfArguments() throws {
        let plan = try planner.plan(.select(SelectQuery(
            "Profile", filter: .fragment("name = ? AND id = ?", arguments: ["x"]))))
        let error = joineryError { _ = try PostgreSQLDialect().lower(plan.statements[0].statement) }
        #expect(error?.kind == .parameterCount)
    }

    @Test func fragmentPlaceholdersAreNumberedAfterTheStatementsOwn() throws {
        let plan = try planner.plan(.select(SelectQuery(
            "Profile", filter: .and([.equal("id", 1), .fragment("name <> '?' AND name = ?", arguments: ["x"])]))))
        let lowered = try PostgreSQLDialect().lower(plan.statements[0].statement)
        #expect(lowered.sql.hasSuffix(#"WHERE "profiles"."id" = $1 AND (name <> '?' AND name = $2)"#))
        #expect(lowered.bindings == [1, "x"])
    }

    @Test func mariaDBCannotKeyUnboundedText() throws {
        let models = [ModelDeclaration("User", fields: [
            FieldDeclaration("id", Int64?.self),
            FieldDeclaration("email", String.self, unique: true),
        ])]
        let document = QueryDocument(models: models, query: .migrate(MigrateQuery()))
        let error = joineryError { _ = try document.translated(with: MariaDBDialect()) }
        #expect(error?.kind == .unsupported)
        #expect(error?.column == "email")
        #expect(error?.message.contains("maxLength") == true)
        // The engines that can, do.
        #expect(throws: Never.self) { try document.translated(with: PostgreSQLDialect()) }
    }

    @Test func userChosenNamesMustFitTheEngine() {
        let long = String(repeating: "x", count: 64)
        let models = [ModelDeclaration("Thing", table: long, fields: [FieldDeclaration("id", Int64?.self)])]
        let document = QueryDocument(models: models, query: .migrate(MigrateQuery()))
        let error = joineryError { _ = try document.translated(with: PostgreSQLDialect()) }
        #expect(error?.kind == .misuse && error?.model == "Thing")
        #expect(throws: Never.self) { try document.translated(with: SQLiteDialect()) }
    }

    /// A column of the statement's own table spelled like a join's column alias (`User__name`), or
    /// a join's alias equal to the table's name: the rows could not tell the two apart.
    @Test(arguments: [
        ("User__name", "two selected columns would both be called User__name"),
        ("User__company__id", nil),
    ] as [(String, String?)])
    func aColumnNamedLikeAJoinsColumnIsRefused(column: String, expected: String?) throws {
        let profile = ModelDeclaration("Profile", fields: [
            FieldDeclaration("id", Int64?.self),
            FieldDeclaration("shadow", String?.self, column: column),
            FieldDeclaration("userID", Int64?.self),
        ], belongsTo: [BelongsToDeclaration("user", target: "User")])
        let planner = Planner(
            schema: try Schema([ScenarioModels.company, ScenarioModels.user, profile]),
            capabilities: SQLiteDialect().capabilities)
        let query = SelectQuery("Profile", includes: [Include("user", .leftJoin)])
        guard let expected else {
            // `User__company__id` differs from every join column (`User__company_id`): planned.
            let plan = try planner.plan(.select(query))
            #expect(plan.statements[0].layout?.position(named: column) == 1)
            return
        }
        let error = joineryError { _ = try planner.plan(.select(query)) }
        #expect(error?.kind == .misuse)
        #expect(error?.message.contains(expected) == true)
    }

    @Test func aJoinAliasEqualToTheTablesNameIsRefused() throws {
        let profile = ModelDeclaration("Profile", table: "User", fields: [
            FieldDeclaration("id", Int64?.self),
            FieldDeclaration("userID", Int64?.self),
        ], belongsTo: [BelongsToDeclaration("user", target: "User")])
        let user = ModelDeclaration("User", table: "users", fields: [FieldDeclaration("id", Int64?.self)])
        let planner = Planner(schema: try Schema([user, profile]), capabilities: SQLiteDialect().capabilities)
        let error = joineryError { _ = try planner.plan(.select(SelectQuery("Profile", includes: [Include("user", .leftJoin)]))) }
        #expect(error?.kind == .misuse)
        #expect(error?.message.contains("the join alias User is also the name of another table") == true)
    }

    /// A chosen list that names one column twice (by field and by column) would select it twice
    /// under one name.
    @Test func aChosenListNamingAColumnTwiceIsRefused() {
        let error = joineryError {
            _ = try planner.plan(.select(SelectQuery("Profile", columns: ["id", "userID", "user_id"])))
        }
        #expect(error?.kind == .misuse)
        #expect(error?.message.contains("two selected columns would both be called user_id") == true)
    }

    /// A schema read back from JSON keeps the rule building one enforces: one name per column.
    @Test func aDecodedSchemaWithTwoColumnsOfOneNameIsRefused() throws {
        let schema = try Schema(ScenarioModels.gorm)
        var json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(schema)) as? [String: Any])
        var tables = try #require(json["tables"] as? [[String: Any]])
        var columns = try #require(tables[0]["columns"] as? [Any])
        columns.append(columns[0])
        tables[0]["columns"] = columns
        json["tables"] = tables
        let data = try JSONSerialization.data(withJSONObject: json)
        #expect(try JSONDecoder().decode(Schema.self, from: JSONEncoder().encode(schema)) == schema)
        let error = joineryError { _ = try JSONDecoder().decode(Schema.self, from: data) }
        #expect(error?.kind == .misuse)
        #expect(error?.message.contains("Company has two columns called id") == true)
    }
}

/// Belongs-to relations in a cycle: SQLite checks foreign keys only when rows are written, so
/// every constraint is inline; PostgreSQL and MariaDB add the closing one once both tables exist.
@Suite("Migrating a cycle")
struct CycleMigrationTests {
    static let models = [
        ModelDeclaration("Company", fields: [
            FieldDeclaration("id", Int64?.self),
            FieldDeclaration("ownerID", Int64?.self),
        ], belongsTo: [BelongsToDeclaration("owner", target: "User")]),
        ModelDeclaration("User", fields: [
            FieldDeclaration("id", Int64?.self),
            FieldDeclaration("companyID", Int64?.self),
        ], belongsTo: [BelongsToDeclaration("company", target: "Company")]),
    ]

    @Test(arguments: TestEngine.allCases)
    func createsBothTablesAndBothConstraints(engine: TestEngine) throws {
        try withScratchSchema(engine) { connection in
            let dialect = connection.dialect
            let statements = try QueryDocument(models: Self.models, query: .migrate(MigrateQuery()))
                .translated(with: dialect).compactMap(\.lowered)
            let alters = statements.filter { $0.sql.hasPrefix("ALTER TABLE") }
            #expect(alters.count == (dialect.capabilities.forwardForeignKeyReferences ? 0 : 1))
            for statement in statements { try connection.execute(statement.sql, statement.bindings) }
            // Both constraints hold: a user pointing at a missing company is refused.
            let error = joineryError {
                try connection.execute(engine.sql("INSERT INTO users (id, company_id) VALUES (1, 42)"))
            }
            #expect(error?.kind == .foreignKeyViolation)
            let error2 = joineryError {
                try connection.execute(engine.sql("INSERT INTO companies (id, owner_id) VALUES (1, 42)"))
            }
            #expect(error2?.kind == .foreignKeyViolation)
        }
    }
}
