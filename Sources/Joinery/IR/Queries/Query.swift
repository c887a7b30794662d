/// What a user asks for, at the level of models and associations: the input of the
/// ``Planner``. `Database` builds these from Swift calls; `joinery translate` reads them as JSON
/// (docs/ir.md), so another language can hand Joinery a query and get SQL back.
///
/// JSON: an object with one key naming the case — `{"select": {…}}`, `{"insert": {…}}`, …
public enum Query: Sendable, Hashable {
    case select(SelectQuery)
    case insert(InsertQuery)
    case update(UpdateQuery)
    case delete(DeleteQuery)
    case createTable(CreateTableQuery)
    case createIndex(CreateIndexQuery)
    /// Every table of the schema in dependency order, with constraints and indexes.
    case migrate(MigrateQuery)
}

extension Query: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case select, insert, update, delete, createTable, createIndex, migrate
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a query is an object with exactly one of the keys "
                    + CodingKeys.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        switch key {
        case .select: self = .select(try container.decode(SelectQuery.self, forKey: key))
        case .insert: self = .insert(try container.decode(InsertQuery.self, forKey: key))
        case .update: self = .update(try container.decode(UpdateQuery.self, forKey: key))
        case .delete: self = .delete(try container.decode(DeleteQuery.self, forKey: key))
        case .createTable: self = .createTable(try container.decode(CreateTableQuery.self, forKey: key))
        case .createIndex: self = .createIndex(try container.decode(CreateIndexQuery.self, forKey: key))
        case .migrate: self = .migrate(try container.decode(MigrateQuery.self, forKey: key))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .select(let query): try container.encode(query, forKey: .select)
        case .insert(let query): try container.encode(query, forKey: .insert)
        case .update(let query): try container.encode(query, forKey: .update)
        case .delete(let query): try container.encode(query, forKey: .delete)
        case .createTable(let query): try container.encode(query, forKey: .createTable)
        case .createIndex(let query): try container.encode(query, forKey: .createIndex)
        case .migrate(let query): try container.encode(query, forKey: .migrate)
        }
    }
}
