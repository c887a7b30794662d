/// `SELECT … FROM … [JOIN …] [WHERE …] [ORDER BY …] [LIMIT …]`.
///
/// ```sql
/// SELECT "profiles"."id", "profiles"."name", "User"."id" AS "User__id", "User"."name" AS "User__name"
/// FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL
/// WHERE "profiles"."deleted_at" IS NULL
/// ```
public struct SelectStatement: Sendable, Hashable, Codable {
    /// The parts, held by reference: a statement is copied into its plan, out of it to be
    /// written, and to observers, and its parts inline were a dozen references to retain and
    /// release on each copy. Copied on write, as Swift's arrays are.
    private var storage: Storage

    /// What is selected: columns, or `COUNT(*)`.
    public var selection: Selection {
        get { storage.selection }
        _modify {
            makeUnique()
            yield &storage.selection
            storage.loweredPrefix = nil
        }
    }
    /// The statement's own table.
    public var from: TableReference {
        get { storage.from }
        _modify {
            makeUnique()
            yield &storage.from
            storage.loweredPrefix = nil
        }
    }
    /// `LEFT JOIN` / `INNER JOIN` clauses, in order.
    public var joins: [Join] {
        get { storage.joins }
        _modify {
            makeUnique()
            yield &storage.joins
            storage.loweredPrefix = nil
        }
    }
    /// `WHERE`.
    public var filter: Condition? {
        get { storage.filter }
        _modify {
            makeUnique()
            yield &storage.filter
        }
    }
    /// `ORDER BY`.
    public var order: [OrderingTerm] {
        get { storage.order }
        _modify {
            makeUnique()
            yield &storage.order
        }
    }
    /// `LIMIT`.
    public var limit: Int? {
        get { storage.limit }
        _modify {
            makeUnique()
            yield &storage.limit
        }
    }
    /// `OFFSET`.
    public var offset: Int? {
        get { storage.offset }
        _modify {
            makeUnique()
            yield &storage.offset
        }
    }
    /// The SQL of the columns, table and joins, shared with every statement of the planner's
    /// skeleton; dropped when any of the three changes. Not part of the statement's value.
    var loweredPrefix: LoweredSelectPrefix? { storage.loweredPrefix }

    /// A `SELECT` from its parts.
    public init(
        selection: Selection, from: TableReference, joins: [Join] = [], filter: Condition? = nil,
        order: [OrderingTerm] = [], limit: Int? = nil, offset: Int? = nil
    ) {
        storage = Storage(
            selection: selection, from: from, joins: joins, filter: filter, order: order, limit: limit, offset: offset,
            loweredPrefix: nil)
    }

    /// A `SELECT` whose columns, table and joins lower to the text `loweredPrefix` keeps.
    init(
        selection: Selection, from: TableReference, joins: [Join], filter: Condition?, order: [OrderingTerm],
        limit: Int?, offset: Int?, loweredPrefix: LoweredSelectPrefix?
    ) {
        storage = Storage(
            selection: selection, from: from, joins: joins, filter: filter, order: order, limit: limit, offset: offset,
            loweredPrefix: loweredPrefix)
    }

    /// Makes `storage` this statement's own before a part changes.
    @inline(__always)
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// Unchecked `Sendable`: a statement changes its storage only while it holds the only
    /// reference to it (``makeUnique()``), when no other statement, task or thread can reach
    /// it; shared storage is only read. For the same reason its accesses need no run-time
    /// exclusivity check.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var selection: Selection
        @exclusivity(unchecked) var from: TableReference
        @exclusivity(unchecked) var joins: [Join]
        @exclusivity(unchecked) var filter: Condition?
        @exclusivity(unchecked) var order: [OrderingTerm]
        @exclusivity(unchecked) var limit: Int?
        @exclusivity(unchecked) var offset: Int?
        @exclusivity(unchecked) var loweredPrefix: LoweredSelectPrefix?

        init(
            selection: Selection, from: TableReference, joins: [Join], filter: Condition?, order: [OrderingTerm],
            limit: Int?, offset: Int?, loweredPrefix: LoweredSelectPrefix?
        ) {
            self.selection = selection
            self.from = from
            self.joins = joins
            self.filter = filter
            self.order = order
            self.limit = limit
            self.offset = offset
            self.loweredPrefix = loweredPrefix
        }

        func copy() -> Storage {
            Storage(
                selection: selection, from: from, joins: joins, filter: filter, order: order, limit: limit, offset: offset,
                loweredPrefix: loweredPrefix)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case selection, from, joins, filter, order, limit, offset
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            selection: try container.decode(Selection.self, forKey: .selection),
            from: try container.decode(TableReference.self, forKey: .from),
            joins: try container.decode([Join].self, forKey: .joins),
            filter: try container.decodeIfPresent(Condition.self, forKey: .filter),
            order: try container.decode([OrderingTerm].self, forKey: .order),
            limit: try container.decodeIfPresent(Int.self, forKey: .limit),
            offset: try container.decodeIfPresent(Int.self, forKey: .offset))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(selection, forKey: .selection)
        try container.encode(from, forKey: .from)
        try container.encode(joins, forKey: .joins)
        try container.encodeIfPresent(filter, forKey: .filter)
        try container.encode(order, forKey: .order)
        try container.encodeIfPresent(limit, forKey: .limit)
        try container.encodeIfPresent(offset, forKey: .offset)
    }

    public static func == (left: SelectStatement, right: SelectStatement) -> Bool {
        if left.storage === right.storage { return true }
        return left.selection == right.selection && left.from == right.from && left.joins == right.joins
            && left.filter == right.filter && left.order == right.order && left.limit == right.limit
            && left.offset == right.offset
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(selection)
        hasher.combine(from)
        hasher.combine(joins)
        hasher.combine(filter)
        hasher.combine(order)
        hasher.combine(limit)
        hasher.combine(offset)
    }

    /// What the statement returns.
    public enum Selection: Sendable, Hashable {
        /// These columns, in this order (the order rows are decoded in).
        case columns([SelectedColumn])
        /// `COUNT(*)`.
        case count
    }
}

/// `"User"."name" AS "User__name"`.
public struct SelectedColumn: Sendable, Hashable, Codable {
    /// The column selected.
    public var column: ColumnReference
    /// `AS "User__name"`.
    public var alias: String?

    /// `column [AS alias]`.
    public init(_ column: ColumnReference, alias: String? = nil) {
        self.column = column
        self.alias = alias
    }
}

/// A table, optionally aliased: `"users" "User"`.
public struct TableReference: Sendable, Hashable, Codable {
    /// The table's name.
    public var name: String
    /// Its alias in the statement (`"User"`).
    public var alias: String?

    /// `name [alias]`.
    public init(_ name: String, alias: String? = nil) {
        self.name = name
        self.alias = alias
    }

    /// How columns of this table are qualified: the alias, else the name.
    public var qualifier: String { alias ?? name }
}

/// `LEFT JOIN "users" "User" ON …`.
public struct Join: Sendable, Hashable, Codable {
    /// `LEFT` or `INNER`.
    public var kind: JoinKind
    /// The joined table and its alias.
    public var table: TableReference
    /// The `ON` condition.
    public var on: Condition

    /// `kind JOIN table ON condition`.
    public init(_ kind: JoinKind, _ table: TableReference, on: Condition) {
        self.kind = kind
        self.table = table
        self.on = on
    }
}

/// `LEFT JOIN` or `INNER JOIN`.
public enum JoinKind: String, Sendable, Hashable, Codable {
    case left, inner
}

/// `"profiles"."id" DESC`.
public struct OrderingTerm: Sendable, Hashable, Codable {
    /// The column ordered by.
    public var column: ColumnReference
    /// `DESC`.
    public var descending: Bool

    /// `column [DESC]`.
    public init(_ column: ColumnReference, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}

extension OrderingTerm {
    private enum CodingKeys: String, CodingKey { case column, table, descending }

    /// JSON: `{"column": "id", "table": "User", "descending": true}`; `table` and `descending` optional.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            ColumnReference(
                try container.decode(String.self, forKey: .column),
                table: try container.decodeIfPresent(String.self, forKey: .table)),
            descending: try container.decodeIfPresent(Bool.self, forKey: .descending) ?? false)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(column.column, forKey: .column)
        try container.encodeIfPresent(column.table, forKey: .table)
        if descending { try container.encode(true, forKey: .descending) }
    }
}

/// JSON: `"count"`, or the list of selected columns.
extension SelectStatement.Selection: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let word = try? container.decode(String.self) {
            guard word == "count" else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "a selection is \"count\" or a list of columns")
            }
            self = .count
        } else {
            self = .columns(try container.decode([SelectedColumn].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .count: try container.encode("count")
        case .columns(let columns): try container.encode(columns)
        }
    }
}
