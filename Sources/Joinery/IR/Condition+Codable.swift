/// The JSON form of conditions (docs/ir.md):
///
/// ```json
/// {"equal": [{"column": "name"}, {"value": "jinzhu"}]}
/// {"and": [{"isNull": {"column": "deleted_at"}}, {"like": {"operand": {"column": "name"}, "pattern": "jin%"}}]}
/// {"in": {"operand": {"column": "id", "table": "User"}, "values": [1, 2]}}
/// {"fragment": {"sql": "name = ?", "arguments": ["jinzhu"]}}
/// ```
///
/// An object with exactly one key naming the case; comparisons are named after their
/// operator: `equal`, `notEqual`, `less`, `lessOrEqual`, `greater`, `greaterOrEqual`.
extension Condition: Codable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private struct Membership: Codable {
        var operand: Operand
        var values: [SQLValue]
        var elementType: ColumnType?
    }

    private struct Like: Codable {
        var operand: Operand
        var pattern: String
    }

    private struct Fragment: Codable {
        var sql: String
        var arguments: [SQLValue]?
    }

    private static let otherKeys = ["and", "or", "not", "in", "inArray", "isNull", "isNotNull", "like", "fragment"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let known = ComparisonOperator.allCases.map(\.jsonKey) + Self.otherKeys
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a condition is an object with exactly one of the keys \(known.joined(separator: ", "))"))
        }
        if let op = ComparisonOperator.allCases.first(where: { $0.jsonKey == key.stringValue }) {
            var sides = try container.nestedUnkeyedContainer(forKey: key)
            guard sides.count == 2 else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "\(key.stringValue) takes a list of two operands")
            }
            self = .comparison(try sides.decode(Operand.self), op, try sides.decode(Operand.self))
            return
        }
        switch key.stringValue {
        case "and": self = .and(try container.decode([Condition].self, forKey: key))
        case "or": self = .or(try container.decode([Condition].self, forKey: key))
        case "not": self = .not(try container.decode(Condition.self, forKey: key))
        case "in":
            let membership = try container.decode(Membership.self, forKey: key)
            self = .in(membership.operand, membership.values)
        case "inArray":
            let membership = try container.decode(Membership.self, forKey: key)
            guard let type = membership.elementType else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "inArray needs an elementType (\"integer\", \"text\", …)")
            }
            self = .inArray(membership.operand, membership.values, elementType: type)
        case "isNull": self = .isNull(try container.decode(Operand.self, forKey: key))
        case "isNotNull": self = .isNotNull(try container.decode(Operand.self, forKey: key))
        case "like":
            let like = try container.decode(Like.self, forKey: key)
            self = .like(like.operand, like.pattern)
        case "fragment":
            let fragment = try container.decode(Fragment.self, forKey: key)
            self = .fragment(fragment.sql, arguments: fragment.arguments ?? [])
        default:
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "unknown condition '\(key.stringValue)' (known: \(known.joined(separator: ", ")))")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .comparison(let left, let op, let right):
            try container.encode([left, right], forKey: Key(op.jsonKey))
        case .and(let conditions): try container.encode(conditions, forKey: Key("and"))
        case .or(let conditions): try container.encode(conditions, forKey: Key("or"))
        case .not(let condition): try container.encode(condition, forKey: Key("not"))
        case .in(let operand, let values):
            try container.encode(Membership(operand: operand, values: values), forKey: Key("in"))
        case .inArray(let operand, let values, let type):
            try container.encode(Membership(operand: operand, values: values, elementType: type), forKey: Key("inArray"))
        case .isNull(let operand): try container.encode(operand, forKey: Key("isNull"))
        case .isNotNull(let operand): try container.encode(operand, forKey: Key("isNotNull"))
        case .like(let operand, let pattern): try container.encode(Like(operand: operand, pattern: pattern), forKey: Key("like"))
        case .fragment(let sql, let arguments):
            try container.encode(Fragment(sql: sql, arguments: arguments), forKey: Key("fragment"))
        }
    }
}

extension ComparisonOperator {
    /// The case name, used as the JSON key (`"equal"`).
    var jsonKey: String {
        switch self {
        case .equal: return "equal"
        case .notEqual: return "notEqual"
        case .less: return "less"
        case .lessOrEqual: return "lessOrEqual"
        case .greater: return "greater"
        case .greaterOrEqual: return "greaterOrEqual"
        }
    }
}

/// JSON: `{"column": "name", "table": "User"}` (table optional) or `{"value": …}`.
extension Operand: Codable {
    private enum CodingKeys: String, CodingKey {
        case column, table, value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let column = try container.decodeIfPresent(String.self, forKey: .column) {
            self = .column(ColumnReference(column, table: try container.decodeIfPresent(String.self, forKey: .table)))
        } else if container.contains(.value) {
            self = .value(try container.decode(SQLValue.self, forKey: .value))
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "an operand is {\"column\": …, \"table\": …} or {\"value\": …}"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .column(let reference):
            try container.encode(reference.column, forKey: .column)
            try container.encodeIfPresent(reference.table, forKey: .table)
        case .value(let value):
            try container.encode(value, forKey: .value)
        }
    }
}
