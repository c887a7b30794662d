import Foundation
import Joinery

extension ConformanceScenario {
    /// The clock of every SQL-level scenario: 2024-05-06 07:08:09 UTC (soft delete binds it).
    public static let now = Date(timeIntervalSince1970: 1_714_979_289)

    static let userByName = Condition.equal("name", "jinzhu")

    /// IR documents and the SQL each dialect must lower them to (see ``SQLExpectations``): the
    /// preload pair, the joins with their `User__name` aliases, the constraint DDL, and the writes.
    public static let sqlLevel: [ConformanceScenario] = [
        .sql(
            "preload.one-key",
            "preload pair, one key",
            area: "Preload",
            models: ScenarioModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user")])),
            preloadKeys: ["user": [[1]]]),
        .sql(
            "preload.several-keys",
            "preload pair, several keys",
            area: "Preload",
            models: ScenarioModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user")])),
            preloadKeys: ["user": [[1], [2]]]),
        .sql(
            "preload.fragment-condition",
            "preload with a fragment condition",
            area: "Preload",
            models: ScenarioModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user", filter: .fragment("name = ?", arguments: ["jinzhu"]))])),
            preloadKeys: ["user": [[1], [2]]],
            bindings: [[], [1, 2, "jinzhu"]]),
        .sql(
            "preload.typed-condition",
            "preload with a typed condition",
            area: "Preload",
            models: ScenarioModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user", filter: userByName)])),
            preloadKeys: ["user": [[1], [2]]]),
        .sql(
            "preload.nested",
            "nested preload",
            area: "Preload",
            models: ScenarioModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user.company")])),
            preloadKeys: ["user": [[1]], "user.company": [[7]]]),
        .sql(
            "join.left",
            "left join",
            area: "Join",
            models: ScenarioModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user", .leftJoin)]))),
        .sql(
            "join.inner",
            "inner join",
            area: "Join",
            models: ScenarioModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user", .innerJoin)]))),
        .sql(
            "join.nested",
            "nested join",
            area: "Join",
            models: ScenarioModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user.company", .leftJoin)]))),
        .sql(
            "join.extra-on-conditions",
            "join with extra ON conditions",
            area: "Join",
            models: ScenarioModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user", .leftJoin, filter: .or([userByName, .like(.column("name"), "jin%")]))])),
            bindings: [["jinzhu", "jin%"]]),
        .sql(
            "join.then-preload",
            "join, then preload through it",
            area: "Join",
            models: ScenarioModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user", .leftJoin), Include("user.company")])),
            preloadKeys: ["user.company": [[7]]]),
        .sql(
            "query.joined-column-order-page",
            "where on a joined column, ordered, paged",
            area: "Query",
            models: ScenarioModels.gorm,
            query: .select(SelectQuery("Profile", filter: .equal("name", "jinzhu", table: "User"), order: [OrderingTerm(ColumnReference("name", table: "User"), descending: true)], limit: 10, offset: 20, includes: [Include("user", .innerJoin)]))),
        .sql(
            "query.offset-without-limit",
            "offset without limit",
            area: "Query",
            models: ScenarioModels.gorm,
            query: .select(SelectQuery("Profile", offset: 5))),
        .sql(
            "query.first",
            "first",
            area: "Query",
            models: ScenarioModels.gorm,
            query: .select(SelectQuery("User", first: true))),
        .sql(
            "query.count-with-join",
            "count with a join",
            area: "Query",
            models: ScenarioModels.gorm,
            query: .select(SelectQuery("Profile", count: true, includes: [Include("user", .innerJoin)]))),
        .sql(
            "join.unscoped",
            "unscoped join",
            area: "Join",
            models: ScenarioModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user", .leftJoin)], unscoped: true))),
        .sql(
            "schema.create-tables",
            "create tables Company, User, Profile",
            area: "Schema",
            models: ScenarioModels.gorm,
            query: .migrate(MigrateQuery()),
            createsSchema: true),
        .sql(
            "schema.references-override",
            "references override",
            area: "Schema",
            models: ScenarioModels.referencesOverride,
            query: .migrate(MigrateQuery()),
            createsSchema: true),
        .sql(
            "join.references-override",
            "join on a references override",
            area: "Join",
            models: ScenarioModels.referencesOverride,
            query: .select(SelectQuery("User", includes: [Include("company", .leftJoin)]))),
        .sql(
            "schema.unique-index",
            "unique index",
            area: "Schema",
            models: ScenarioModels.emailUser,
            query: .migrate(MigrateQuery()),
            createsSchema: true),
        .sql(
            "insert.returning",
            "insert with RETURNING",
            area: "Write",
            requires: [.returning],
            models: ScenarioModels.gorm,
            query: .insert(InsertQuery("User", rows: [["name": "jinzhu", "companyID": 7]])),
            bindings: [["jinzhu", 7]]),
        .sql(
            "insert.last-insert-id",
            "insert without RETURNING: the key is read as the last insert id",
            area: "Write",
            requires: [.noReturning],
            models: ScenarioModels.gorm,
            query: .insert(InsertQuery("User", rows: [["name": "jinzhu"], ["name": "jinzhu 2"]]))),
        .sql(
            "insert.upsert",
            "upsert",
            area: "Write",
            requires: [.upsert],
            models: ScenarioModels.emailUser,
            query: .insert(InsertQuery("User", rows: [["email": "a@b.c"]], upsert: Upsert(conflictColumns: ["email"], update: ["email"]), returning: []))),
        .sql(
            "update.set-foreign-key",
            "set a foreign key",
            area: "Write",
            models: ScenarioModels.gorm,
            query: .update(UpdateQuery("Profile", set: ["userID": 2], filter: .equal("id", 1)))),
        .sql(
            "update.clear-foreign-key",
            "set a foreign key to NULL",
            area: "Write",
            models: ScenarioModels.gorm,
            query: .update(UpdateQuery("Profile", set: ["userID": .null], filter: .equal("id", 1))),
            bindings: [[.null, 1]]),
        .sql(
            "delete.soft",
            "soft delete",
            area: "Write",
            models: ScenarioModels.gorm,
            query: .delete(DeleteQuery("User", filter: .equal("id", 1))),
            bindings: [[.timestamp(ConformanceScenario.now), 1]]),
        .sql(
            "delete.unscoped",
            "unscoped delete",
            area: "Write",
            models: ScenarioModels.gorm,
            query: .delete(DeleteQuery("User", filter: .equal("id", 1), unscoped: true))),
        .sql(
            "join.long-alias",
            "72-byte nested alias",
            area: "Join",
            models: ScenarioModels.longNames,
            query: .select(SelectQuery("Person", includes: [Include("currentEmployerInformation.preferredCompanyLanguage", .leftJoin)]))),
        .sql(
            "insert.returning-unsupported",
            "explicit RETURNING where the engine lacks it: unsupported",
            area: "Write",
            requires: [.noReturning],
            models: ScenarioModels.gorm,
            query: .insert(InsertQuery("User", rows: [["name": "jinzhu"]], returning: ["id", "name"]))),
        .sql(
            "insert.upsert-unsupported",
            "upsert where the engine has none: unsupported",
            area: "Write",
            requires: [.noUpsert],
            models: ScenarioModels.emailUser,
            query: .insert(InsertQuery("User", rows: [["email": "a@b.c"]], upsert: Upsert(conflictColumns: ["email"]), returning: []))),
        .sql(
            "insert.explicit-returning",
            "explicit RETURNING of chosen columns",
            area: "Write",
            requires: [.returning],
            models: ScenarioModels.gorm,
            query: .insert(InsertQuery("User", rows: [["name": "jinzhu"]], returning: ["id", "name"]))),
        .sql(
            "insert.upsert-all-columns",
            "upsert updating every inserted column",
            area: "Write",
            requires: [.upsert],
            models: ScenarioModels.emailUser,
            query: .insert(InsertQuery("User", rows: [["email": "a@b.c"]], upsert: Upsert(conflictColumns: ["email"]), returning: []))),
    ] + errors

    /// Bad input: a typed error naming the model and field, the same in every dialect, before
    /// anything reaches an engine.
    static let errors: [ConformanceScenario] = [
        .error(
            "errors.unknown-association", "preload of an association that does not exist",
            models: ScenarioModels.gorm, query: .select(SelectQuery("Profile", includes: [Include("owner")])),
            ExpectedError(.misuse, model: "Profile", field: "owner")),
        .error(
            "errors.references-not-unique", "references: a column that is not unique",
            models: [
                ModelDeclaration("Company", fields: [FieldDeclaration("id", Int64?.self), FieldDeclaration("name", String.self)]),
                ModelDeclaration("User", fields: [
                    FieldDeclaration("id", Int64?.self), FieldDeclaration("companyName", String?.self),
                ], belongsTo: [BelongsToDeclaration("company", target: "Company", foreignKey: ["companyName"], references: ["name"])]),
            ],
            query: .migrate(MigrateQuery()), ExpectedError(.misuse, model: "Company", field: "name")),
        .error(
            "errors.ambiguous-relation", "two relations that would guess the same foreign key",
            models: [
                ScenarioModels.company,
                ModelDeclaration("Article", fields: [
                    FieldDeclaration("id", Int64?.self), FieldDeclaration("companyID", Int64?.self),
                ], belongsTo: [
                    BelongsToDeclaration("publisher", target: "Company"), BelongsToDeclaration("printer", target: "Company"),
                ]),
            ],
            query: .migrate(MigrateQuery()), ExpectedError(.misuse, model: "Article", field: "printer")),
        .error(
            "errors.placeholder-count", "a fragment with more placeholders than values",
            models: ScenarioModels.gorm,
            query: .select(SelectQuery("User", filter: .fragment("name = ? AND id = ?", arguments: ["jinzhu"]))),
            ExpectedError(.parameterCount)),
        .error(
            "errors.unknown-column", "a condition on a column that does not exist",
            models: ScenarioModels.gorm, query: .select(SelectQuery("Profile", filter: .equal("nmae", "x"))),
            ExpectedError(.misuse)),
    ]

    static func error(
        _ id: String, _ title: String, models: [ModelDeclaration], query: Query, _ expected: ExpectedError
    ) -> ConformanceScenario {
        ConformanceScenario(
            id: id, title: title, area: "Errors",
            check: .sql(SQLCheck(QueryDocument(models: models, query: query, now: now), expectedError: expected)))
    }

    /// An SQL-level scenario: `query` over `models`, lowered with the clock at ``now``.
    static func sql(
        _ id: String, _ title: String, area: String, requires: [ScenarioRequirement] = [],
        models: [ModelDeclaration], query: Query, preloadKeys: [String: [[SQLValue]]] = [:],
        bindings: [[SQLValue]]? = nil, createsSchema: Bool = false
    ) -> ConformanceScenario {
        ConformanceScenario(
            id: id, title: title, area: area, requires: requires,
            check: .sql(SQLCheck(
                QueryDocument(models: models, query: query, preloadKeys: preloadKeys, now: now),
                bindings: bindings, createsSchema: createsSchema)))
    }
}
