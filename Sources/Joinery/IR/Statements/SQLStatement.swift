/// One SQL statement as a value, before any dialect has spelled it. The planner produces these;
/// a ``SQLDialect`` lowers each to SQL text and bound values.
///
/// Table and column names here are the ones SQL uses (`profiles`, `user_id`, the alias
/// `User__Company`): everything model-level has been resolved by the planner.
public enum SQLStatement: Sendable, Hashable, Codable {
    case select(SelectStatement)
    case insert(InsertStatement)
    case update(UpdateStatement)
    case delete(DeleteStatement)
    case createTable(CreateTableStatement)
    case createIndex(CreateIndexStatement)
    case addForeignKey(AddForeignKeyStatement)
}

/// The SQL text of a statement in one dialect, and the values bound to its placeholders, in order.
public struct LoweredStatement: Sendable, Hashable, Codable {
    public var sql: String
    public var bindings: [SQLValue]

    public init(sql: String, bindings: [SQLValue] = []) {
        self.sql = sql
        self.bindings = bindings
    }
}
