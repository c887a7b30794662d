/// How one database engine spells SQL: capabilities as values, plus a few hooks where spelling
/// cannot be data. A dialect lowers every ``SQLStatement`` to SQL text and bound values.
///
/// The built-in SQLite, PostgreSQL and MariaDB dialects live in their own modules and use only
/// this public API, as an outside plugin would. Every requirement but ``name`` and
/// ``capabilities`` has a default, documented on the requirement; override what differs.
///
/// ```swift
/// let lowered = try PostgreSQLDialect(version: EngineVersion(16)).lower(statement)
/// lowered.sql        // SELECT "users"."id", "users"."name" FROM "users" WHERE "users"."id" = $1
/// lowered.bindings   // [.integer(1)]
/// ```
///
/// Lowering is exhaustive: a feature the dialect cannot express throws
/// ``JoineryError/Kind/unsupported`` naming the feature and the dialect; nothing is dropped.
public protocol SQLDialect: Sendable {
    /// For people and error messages only (`"PostgreSQL 16.0"`); never compared in code.
    var name: String { get }

    var capabilities: DialectCapabilities { get }

    /// Quotes an identifier, escaping the quote character inside it.
    /// Default: ``identifierQuote`` (or, when that is `nil`, ANSI double quotes) around the
    /// identifier, doubled inside (`"a""b"`).
    func quoteIdentifier(_ identifier: String) -> String

    /// The ASCII character that encloses an identifier and is doubled inside it, when that is how
    /// the dialect quotes: `"` (SQLite, PostgreSQL), a backtick (MariaDB). ``SQLWriter`` then quotes
    /// in place, byte by byte, instead of calling ``quoteIdentifier(_:)`` for every identifier
    /// of every statement, and keeps the text of a planned SELECT's columns, table and joins
    /// (`SELECT … FROM … LEFT JOIN … ON …`) per schema and quote, so that statements of one
    /// skeleton quote their identifiers once. Default: `nil` — every identifier goes through
    /// ``quoteIdentifier(_:)``, which a dialect with another rule (`[name]`) overrides.
    var identifierQuote: Unicode.Scalar? { get }

    /// The column type for a portable ``ColumnType``. Default: standard SQL — `BIGINT`,
    /// `DOUBLE PRECISION`, `TEXT` / `VARCHAR(n)`, `BLOB`, `BOOLEAN`, `TIMESTAMP`.
    func columnType(_ type: ColumnType) throws -> String

    /// A value written into SQL text, for `DEFAULT` clauses in DDL (which cannot bind).
    /// Default: standard literals — `NULL`, `42`, `'it''s'`, `X'0102'`, `TRUE`, and a timestamp
    /// as the text `'2024-05-06 07:08:09.123456'`; non-finite doubles throw `unsupported`.
    func literal(_ value: SQLValue) throws -> String

    /// The membership test for one bound array, for ``LargeInStrategy/bindArray``. Default: throws
    /// `unsupported`. PostgreSQL: `"users"."id" = ANY($1::BIGINT[])`.
    func arrayMembership(_ operand: String, placeholder: String, elementType: ColumnType) throws -> String

    /// The single bound value carrying `values` for ``arrayMembership(_:placeholder:elementType:)``.
    /// Default: throws `unsupported`. PostgreSQL: the text array literal `{1,2,3}`.
    func arrayParameter(_ values: [SQLValue], elementType: ColumnType) throws -> SQLValue

    /// The whole lowering. Default: ``SQLWriter``, which calls the hooks above and follows
    /// ``capabilities``; a dialect rarely needs to replace it.
    func lower(_ statement: SQLStatement) throws -> LoweredStatement

    /// The statements that create, enter and drop an empty namespace, for isolated tests (the
    /// conformance kit runs each scenario in one). Default: `nil` — the engine has none, and each
    /// new connection is expected to open an empty database (SQLite's `:memory:`).
    func scratchNamespace(named name: String) -> ScratchNamespace?

    /// The catalog queries that describe an existing table, so that `migrate` can add what it
    /// lacks and report what differs. Default: `nil` — migrate then only creates missing tables.
    func catalog(of table: String) -> TableCatalogQueries?

    /// How to rebuild `table` through a new table `temporary` that has the model's full
    /// definition — SQLite's documented way to add a constraint ALTER TABLE cannot. `columns` are
    /// the columns to copy. Default: `nil` — such a constraint is reported as drift.
    func tableRebuild(of table: String, through temporary: String, copying columns: [String]) -> TableRebuild?

    /// The statement that asks the engine for its plan of `statement` (`EXPLAIN QUERY PLAN …`).
    /// Default: `nil` — `explain()` is `unsupported`.
    func explain(_ statement: LoweredStatement) -> LoweredStatement?

    /// Reads the rows of ``explain(_:)``: each table the plan reads and its index, and the plan
    /// as text. Default: throws `unsupported`.
    func tableAccesses(inPlan rows: [Row]) throws -> (accesses: [TableAccess], text: String)

    /// The queries that keep reads on a replica consistent with writes on the primary. Default:
    /// `nil` — the engine has no replicas (SQLite), and reads on a replica are only eventually
    /// consistent.
    var replication: ReplicationQueries? { get }
}

/// The steps of a table rebuild (SQLite's "making other kinds of table schema changes"): the
/// temporary table is created from the model between `definitions` and `copy`.
public struct TableRebuild: Sendable, Hashable {
    /// Run before the transaction (`PRAGMA foreign_keys = OFF`, which a transaction ignores).
    public var before: [String]
    /// Rows of (SQL): the indexes and triggers of the table, created again after the copy.
    public var definitions: LoweredStatement
    /// Copies the rows, drops the old table and gives the new one its name.
    public var copy: [String]
    /// Rows of the foreign-key violations the new table has (none, or the rebuild is undone).
    public var check: LoweredStatement
    /// Run after the transaction (`PRAGMA foreign_keys = ON`).
    public var after: [String]

    /// The steps of one table rebuild.
    public init(before: [String], definitions: LoweredStatement, copy: [String], check: LoweredStatement, after: [String]) {
        self.before = before
        self.definitions = definitions
        self.copy = copy
        self.check = check
        self.after = after
    }
}

/// The three queries that describe an existing table (each bound to its name).
public struct TableCatalogQueries: Sendable, Hashable {
    /// Rows of (column name, type name, nullable: `YES`/`NO`), in column order.
    public var columns: LoweredStatement
    /// Rows of (index name): every index of the table, unique constraints' included.
    public var indexes: LoweredStatement
    /// Rows of (constraint name — where the engine keeps none, any text that tells one key from
    /// another, SQLite's `#0` — and column name), in key order.
    public var foreignKeys: LoweredStatement

    /// The catalog queries of one table.
    public init(columns: LoweredStatement, indexes: LoweredStatement, foreignKeys: LoweredStatement) {
        self.columns = columns
        self.indexes = indexes
        self.foreignKeys = foreignKeys
    }
}

extension SQLDialect {
    public func quoteIdentifier(_ identifier: String) -> String {
        let quote = identifierQuote ?? "\""
        let text = String(Character(quote))
        return identifier.replacingAll(quote, with: text + text).enclosed(by: text, text)
    }

    public var identifierQuote: Unicode.Scalar? { nil }

    public func columnType(_ type: ColumnType) throws -> String {
        switch type {
        case .integer: return "BIGINT"
        case .double: return "DOUBLE PRECISION"
        case .text(let maxLength): return maxLength.map { "VARCHAR(\($0))" } ?? "TEXT"
        case .blob: return "BLOB"
        case .bool: return "BOOLEAN"
        case .timestamp: return "TIMESTAMP"
        }
    }

    public func literal(_ value: SQLValue) throws -> String {
        try standardLiteral(value)
    }

    /// The standard-SQL literal of `value`, for dialects that change only some cases.
    public func standardLiteral(_ value: SQLValue) throws -> String {
        switch value {
        case .null: return "NULL"
        case .integer(let number): return String(number)
        case .double(let number):
            guard number.isFinite else { throw unsupported("the non-finite number \(number) as a literal") }
            return String(number)
        case .text(let text):
            var escaped = text.replacingAll("'", with: "''")
            if capabilities.backslashEscapesInStrings { escaped = escaped.replacingAll("\\", with: "\\\\") }
            return "'" + escaped + "'"
        case .blob(let bytes): return "X'" + bytes.hexadecimal + "'"
        case .bool(let flag): return flag ? "TRUE" : "FALSE"
        case .timestamp(let date): return "'" + SQLTimestamp(date).sqlText + "'"
        }
    }

    public func arrayMembership(_ operand: String, placeholder: String, elementType: ColumnType) throws -> String {
        throw unsupported("binding an array of keys (largeIn: .bindArray)")
    }

    public func arrayParameter(_ values: [SQLValue], elementType: ColumnType) throws -> SQLValue {
        throw unsupported("binding an array of keys (largeIn: .bindArray)")
    }

    public func lower(_ statement: SQLStatement) throws -> LoweredStatement {
        var writer = SQLWriter(dialect: self)
        try writer.write(statement)
        return writer.finish()
    }

    public func scratchNamespace(named name: String) -> ScratchNamespace? { nil }

    public func catalog(of table: String) -> TableCatalogQueries? { nil }

    public func explain(_ statement: LoweredStatement) -> LoweredStatement? { nil }

    public func tableRebuild(of table: String, through temporary: String, copying columns: [String]) -> TableRebuild? { nil }

    public var replication: ReplicationQueries? { nil }

    public func tableAccesses(inPlan rows: [Row]) throws -> (accesses: [TableAccess], text: String) {
        throw unsupported("reading an EXPLAIN")
    }

    /// The ``JoineryError/Kind/unsupported`` error for `feature` in this dialect.
    public func unsupported(_ feature: String) -> JoineryError {
        JoineryError(.unsupported, "\(name) cannot express \(feature)", engine: name)
    }
}

extension [UInt8] {
    /// Lowercase hexadecimal digits, two per byte.
    package var hexadecimal: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(count * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
