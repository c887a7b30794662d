/// What a dialect can express, as plain values. Dialects compute them from the engine version
/// (RETURNING exists on SQLite since 3.35 and on MariaDB since 10.5), and planning, lowering and
/// the conformance kit decide by these values — never by a dialect's name.
///
/// Each default is the conservative, standard-SQL choice; a dialect sets what differs.
public struct DialectCapabilities: Sendable, Hashable, Codable {
    /// How bound values are spelled. Default: `?`.
    public var placeholders: PlaceholderStyle = .questionMark
    /// The longest identifier the engine keeps intact. Default: none (SQLite).
    /// Longer generated names are shortened by the planner.
    public var identifierLimit: IdentifierLimit?
    /// The most values one statement may bind. Default: 999, SQLite's old compiled-in limit.
    public var maxBindParameters: Int = 999
    /// The most keys one preload statement binds, where the engine allows more but more is slower
    /// (SQLite prepares a 100,000-placeholder IN in ~29 ms; batches of 32,766 cost less).
    /// Default: none — as many as ``maxBindParameters`` allows.
    public var keysPerStatement: Int?
    /// How a preload with more keys than fit in one statement is planned. Default: batches.
    public var largeIn: LargeInStrategy = .batch
    /// `INSERT … RETURNING`. Default: no (the generated key is read as the last insert id).
    public var returning: Bool = false
    /// DDL runs inside a transaction and rolls back with it (PostgreSQL, SQLite). Default: no —
    /// MariaDB and MySQL commit before and after each DDL statement, so `migrate` does not wrap
    /// its statements in a transaction there.
    public var transactionalDDL: Bool = false
    /// Text values may contain NUL characters. Default: yes (PostgreSQL: no — its text type
    /// cannot hold one, so Joinery refuses such a value, naming its column).
    public var textHoldsNUL: Bool = true
    /// The upsert spelling; `nil` when there is none. Default: none.
    public var upsert: UpsertSyntax?
    /// How an engine-generated integer primary key is declared. Default: SQL's identity column.
    public var identity: IdentityStyle = .generatedByDefaultAsIdentity
    /// Where secondary indexes are declared. Default: separate `CREATE INDEX` statements.
    public var indexPlacement: IndexPlacement = .separateStatement
    /// `CREATE INDEX IF NOT EXISTS`. Default: yes.
    public var createIndexIfNotExists: Bool = true
    /// `ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY`. Default: yes (SQLite: no).
    public var addForeignKey: Bool = true
    /// A foreign key may reference a table created later (SQLite checks only when rows are
    /// written), so cycles need no deferred constraints. Default: no.
    public var forwardForeignKeyReferences: Bool = false
    /// Unbounded text (`TEXT`) may be a key or be indexed. Default: yes (MariaDB: no — give the
    /// field a `maxLength`).
    public var indexesUnboundedText: Bool = true
    /// How LIMIT and OFFSET are written. Default: `LIMIT n OFFSET m`, OFFSET alone allowed.
    public var limitSyntax: LimitSyntax = .limitOffset(offsetOnlyLimit: nil)
    /// How a row of defaults only is inserted. Default: `DEFAULT VALUES`.
    public var defaultValuesInsert: DefaultValuesInsert = .defaultValues
    /// A backslash escapes the next character inside every '…' string (MariaDB's and MySQL's
    /// default mode): the placeholder rewriter and literals must know. Default: no.
    public var backslashEscapesInStrings: Bool = false
    /// Text appended to `CREATE TABLE (…)`, such as MariaDB's table options. Default: none.
    public var tableOptions: String?

    /// Standard SQL's capabilities, each at the default its property documents.
    public init() {}
}

/// An identifier length limit, in the unit the engine counts.
public enum IdentifierLimit: Sendable, Hashable, Codable {
    /// PostgreSQL: 63 bytes of UTF-8 (longer names are silently truncated by the engine).
    case bytes(Int)
    /// MariaDB, MySQL: 64 characters.
    case characters(Int)

    /// Throws ``JoineryError/Kind/misuse`` when a name the user chose (a table or column) does
    /// not fit: the engine would silently truncate it (PostgreSQL) or refuse it.
    public func requireFits(_ name: String, model: String, field: String? = nil) throws {
        guard !allows(name) else { return }
        throw JoineryError.misuse(
            "the name \(name) is longer than the dialect allows (\(self)); choose a shorter table or column name",
            model: model, field: field)
    }

    /// Whether `name` fits.
    public func allows(_ name: String) -> Bool {
        switch self {
        case .bytes(let limit): return name.utf8.count <= limit
        case .characters(let limit): return name.count <= limit
        }
    }
}

/// How a preload whose keys exceed ``DialectCapabilities/maxBindParameters`` is planned.
public enum LargeInStrategy: String, Sendable, Hashable, Codable {
    /// Several statements, each with as many keys as fit.
    case batch
    /// One statement binding every key as one array (``Condition/inArray(_:_:elementType:)``),
    /// through ``SQLDialect/arrayMembership(_:placeholder:elementType:)``.
    case bindArray
}

/// How a dialect spells an upsert (``Upsert``).
public enum UpsertSyntax: String, Sendable, Hashable, Codable {
    /// `ON CONFLICT ("email") DO UPDATE SET "name" = excluded."name"` / `DO NOTHING` (SQLite ≥ 3.24, PostgreSQL).
    case onConflict
    /// `ON DUPLICATE KEY UPDATE name = VALUES(name)` (MariaDB).
    case onDuplicateKeyUpdateValues
    /// `AS new ON DUPLICATE KEY UPDATE name = new.name` (MySQL ≥ 8.0.19, where `VALUES()` is deprecated).
    case onDuplicateKeyUpdateRowAlias
}

/// How a dialect declares an integer primary key the engine generates.
public enum IdentityStyle: Sendable, Hashable, Codable {
    /// `"id" INTEGER PRIMARY KEY`: SQLite's rowid alias (the type must be exactly `INTEGER`).
    case integerPrimaryKey
    /// `"id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY` (SQL:2003, PostgreSQL ≥ 10).
    case generatedByDefaultAsIdentity
    /// `BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY`, with the keyword given (MariaDB, MySQL).
    case autoIncrement(keyword: String)
}

/// Where a dialect declares secondary indexes.
public enum IndexPlacement: String, Sendable, Hashable, Codable {
    /// `CREATE INDEX …` after `CREATE TABLE`.
    case separateStatement
    /// `INDEX "idx_…" ("col")` inside `CREATE TABLE` (MariaDB): the table and its indexes appear
    /// in one statement, which matters where DDL is not transactional.
    case insideCreateTable
}

/// How a dialect spells `LIMIT` and `OFFSET`.
public enum LimitSyntax: Sendable, Hashable, Codable {
    /// `LIMIT n OFFSET m`. An OFFSET without LIMIT is written with `LIMIT offsetOnlyLimit`
    /// when the engine needs one (SQLite: `-1`; MariaDB: `18446744073709551615`).
    case limitOffset(offsetOnlyLimit: String?)
    /// `OFFSET m ROWS FETCH FIRST n ROWS ONLY` (SQL:2008).
    case offsetFetch
}

/// How a dialect inserts a row that gives no column (every column its default).
public enum DefaultValuesInsert: String, Sendable, Hashable, Codable {
    /// `INSERT INTO "t" DEFAULT VALUES`.
    case defaultValues
    /// `INSERT INTO t () VALUES ()` (MariaDB, MySQL).
    case emptyValueList
}
