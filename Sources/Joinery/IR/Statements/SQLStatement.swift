/// One SQL statement as a value, before any dialect has spelled it. The planner produces these;
/// a ``SQLDialect`` lowers each to SQL text and bound values.
///
/// Table and column names here are the ones SQL uses (`profiles`, `user_id`, the alias
/// `User__Company`): everything model-level has been resolved by the planner.
public enum SQLStatement: Sendable, Hashable {
    // Indirect but for a select, which holds its parts by reference itself: a plan is read on
    // every query, and copying a statement (into a planned statement, to an observer, out of
    // the plan cache) then retains one reference instead of each of its fields.
    case select(SelectStatement)
    indirect case insert(InsertStatement)
    indirect case update(UpdateStatement)
    indirect case delete(DeleteStatement)
    indirect case createTable(CreateTableStatement)
    indirect case createIndex(CreateIndexStatement)
    indirect case addForeignKey(AddForeignKeyStatement)
    indirect case addColumn(AddColumnStatement)
}

/// JSON: an object with one key naming the case — `{"select": {…}}`, `{"createTable": {…}}`, …
extension SQLStatement: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case select, insert, update, delete, createTable, createIndex, addForeignKey, addColumn
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a statement is an object with exactly one of the keys "
                    + CodingKeys.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        switch key {
        case .select: self = .select(try container.decode(SelectStatement.self, forKey: key))
        case .insert: self = .insert(try container.decode(InsertStatement.self, forKey: key))
        case .update: self = .update(try container.decode(UpdateStatement.self, forKey: key))
        case .delete: self = .delete(try container.decode(DeleteStatement.self, forKey: key))
        case .createTable: self = .createTable(try container.decode(CreateTableStatement.self, forKey: key))
        case .createIndex: self = .createIndex(try container.decode(CreateIndexStatement.self, forKey: key))
        case .addForeignKey: self = .addForeignKey(try container.decode(AddForeignKeyStatement.self, forKey: key))
        case .addColumn: self = .addColumn(try container.decode(AddColumnStatement.self, forKey: key))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .select(let statement): try container.encode(statement, forKey: .select)
        case .insert(let statement): try container.encode(statement, forKey: .insert)
        case .update(let statement): try container.encode(statement, forKey: .update)
        case .delete(let statement): try container.encode(statement, forKey: .delete)
        case .createTable(let statement): try container.encode(statement, forKey: .createTable)
        case .createIndex(let statement): try container.encode(statement, forKey: .createIndex)
        case .addForeignKey(let statement): try container.encode(statement, forKey: .addForeignKey)
        case .addColumn(let statement): try container.encode(statement, forKey: .addColumn)
        }
    }
}

/// The SQL text of a statement in one dialect, and the values bound to its placeholders, in order.
public struct LoweredStatement: Sendable, Hashable, Codable {
    /// The SQL text, with the dialect's placeholders.
    public var sql: String
    /// The values bound to them, in order.
    public var bindings: [SQLValue]

    /// A lowered statement.
    public init(sql: String, bindings: [SQLValue] = []) {
        self.sql = sql
        self.bindings = bindings
    }
}
