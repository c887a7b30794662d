#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns a model-level ``Query`` into a ``QueryPlan`` of ``SQLStatement``s, against a schema
/// and a dialect's capabilities (not its spelling: the same plan lowers in any dialect with
/// the same capabilities).
///
/// ```swift
/// let planner = Planner(schema: schema, capabilities: PostgreSQLDialect().capabilities)
/// let plan = try planner.plan(.select(SelectQuery("Profile", includes: [Include("user")])))
/// plan.statements[0]   // SELECT … FROM "profiles" WHERE "profiles"."deleted_at" IS NULL
/// plan.preloads[0]     // SELECT … FROM "users" WHERE "users"."id" IN (…) AND "users"."deleted_at" IS NULL
/// ```
///
/// What it decides: join aliases (`User`, `User__Company`) and column aliases (`User__name`),
/// shortened where the dialect's identifier limit requires; where soft-delete conditions go;
/// the order of table creation; timestamps; how a generated key comes back. Misuse (an unknown
/// model, column or association) is a ``JoineryError/Kind/misuse`` error naming it.
public struct Planner: Sendable {
    /// The models' tables and relations.
    public var schema: Schema
    /// What the dialect can express: plans differ by capability, never by dialect name.
    public var capabilities: DialectCapabilities
    /// The time written into `created_at`, `updated_at` and `deleted_at`.
    public var now: Date

    /// A planner for `schema` in a dialect with `capabilities`; `now` fills timestamps.
    public init(schema: Schema, capabilities: DialectCapabilities, now: Date = Date()) {
        self.schema = schema
        self.capabilities = capabilities
        self.now = now
    }

    /// The statements that carry out `query`, with what it takes to turn their rows into models.
    public func plan(_ query: Query) throws -> QueryPlan {
        switch query {
        case .select(let select): return try plan(select)
        case .insert(let insert): return try plan(insert)
        case .update(let update): return try plan(update)
        case .delete(let delete): return try plan(delete)
        case .createTable(let create): return try plan(create)
        case .createIndex(let create): return try plan(create)
        case .migrate(let migrate): return try plan(migrate)
        }
    }

    // MARK: Resolving names

    /// The table of a model, by its Swift name (exact, then ignoring case) or its table name.
    func table(forModel name: String) throws -> TableSchema {
        if let table = schema.table(forModel: name) { return table }
        if let table = schema.tables.first(where: { $0.modelName.lowercased() == name.lowercased() || $0.name == name }) {
            return table
        }
        let known = schema.tables.map(\.modelName).joined(separator: ", ")
        throw JoineryError.misuse("\(name) is not a model of this schema (models: \(known))", model: name)
    }

    /// A column of `table`, named by column (`user_id`) or by field (`userID`).
    func column(_ name: String, of table: TableSchema) throws -> ColumnSchema {
        table.columns[try Self.columnIndex(name, in: table.columns, table: table.name, model: table.modelName)]
    }

    /// The column name of a column of `table` named by column or by field, without copying
    /// its schema.
    func columnName(_ name: String, of table: TableSchema) throws -> String {
        table.columns[try Self.columnIndex(name, in: table.columns, table: table.name, model: table.modelName)].name
    }

    /// The position among `columns` (of `table`, the table of `model`) of the column named by
    /// column or by field.
    static func columnIndex(_ name: String, in columns: [ColumnSchema], table: String, model: String) throws -> Int {
        // By index: a closure (`firstIndex(where:)`) is handed a copy of each column's schema.
        for index in columns.indices where columns[index].name == name { return index }
        for index in columns.indices where columns[index].fieldName == name { return index }
        throw JoineryError(
            .misuse,
            "\(model) has no column or field \(name) (columns: \(columns.map(\.name).joined(separator: ", ")))",
            table: table, column: name, model: model, field: name)
    }

    /// The relations along `path` from `model`; each name matches exactly, else ignoring case
    /// (GORM's `"User.Company"` finds `user`, then `company`).
    func relations(_ path: [String], from model: String) throws -> [BelongsToRelation] {
        var current = model
        return try path.map { name in
            let owner = try table(forModel: current)
            let relation =
                try owner.relation(named: name)
                ?? owner.belongsTo.first { $0.name.lowercased() == name.lowercased() }
                ?? schema.relation(name, of: owner.modelName)
            current = relation.targetModel
            return relation
        }
    }

    /// A name the planner generates (an alias, a constraint or index name), fitted to the
    /// dialect's identifier limit.
    func fitted(_ name: String) -> String {
        IdentifierShortener.shorten(name, to: capabilities.identifierLimit)
    }

    /// A name the user chose (a table or column): it must fit, since the engine would silently
    /// truncate it (PostgreSQL) or refuse it.
    func checkFits(_ name: String, model: String, field: String? = nil) throws {
        try capabilities.identifierLimit?.requireFits(name, model: model, field: field)
    }

    /// `"table"."deleted_at" IS NULL` for a soft-deletable table, unless unscoped.
    func softDeleteScope(_ table: TableSchema, qualifier: String, unscoped: Bool) -> Condition? {
        guard !unscoped, let column = table.softDeleteColumn else { return nil }
        return .isNull(.column(ColumnReference(column, table: qualifier)))
    }

    /// The conditions that apply, ANDed, or `nil` when there are none.
    func conjunction(_ conditions: [Condition?]) -> Condition? {
        var conjunction = Conjunction()
        for condition in conditions { conjunction.add(condition) }
        return conjunction.condition
    }

    var nowValue: SQLValue { .timestamp(now) }
}
