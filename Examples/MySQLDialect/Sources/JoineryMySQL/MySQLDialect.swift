import Joinery

/// MySQL 8's spelling of SQL. It shares MariaDB's backticks and wire protocol (connect with
/// Joinery's MariaDB driver), and differs from MariaDB where MySQL really does:
///
/// ```sql
/// INSERT INTO `users` (`name`) VALUES (?)                       -- no RETURNING, in any version:
///                                                               -- the key is the last insert id
/// INSERT INTO `users` (`email`) VALUES (?) AS `new_row`
///   ON DUPLICATE KEY UPDATE `email` = `new_row`.`email`         -- 8.0.19+: VALUES() is deprecated
/// CREATE TABLE … ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin
/// ```
///
/// - **Identifiers**: at most 64 characters — table, column, index and constraint names alike;
///   longer generated join aliases are shortened by Joinery. Backticks, doubled inside.
/// - **Collation**: `utf8mb4_0900_bin`, MySQL 8's binary UCA collation, so text compares exactly as
///   on SQLite and PostgreSQL (MySQL's default `utf8mb4_0900_ai_ci` makes `'A' = 'a'`).
/// - **No `CREATE INDEX IF NOT EXISTS`** (MariaDB has it); indexes go inside `CREATE TABLE`.
/// - **Scratch namespaces** are databases, as on MariaDB.
public struct MySQLDialect: SQLDialect {
    public var version: EngineVersion
    public var capabilities: DialectCapabilities

    public init(version: EngineVersion = EngineVersion(8, 0, 36)) {
        self.version = version
        var capabilities = DialectCapabilities()
        capabilities.placeholders = .questionMark
        capabilities.identifierLimit = .characters(64)
        capabilities.maxBindParameters = 65535
        capabilities.largeIn = .batch
        capabilities.returning = false
        capabilities.upsert = version >= EngineVersion(8, 0, 19) ? .onDuplicateKeyUpdateRowAlias : .onDuplicateKeyUpdateValues
        capabilities.identity = .autoIncrement(keyword: "AUTO_INCREMENT")
        capabilities.indexPlacement = .insideCreateTable
        capabilities.createIndexIfNotExists = false
        capabilities.addForeignKey = true
        capabilities.forwardForeignKeyReferences = false
        capabilities.indexesUnboundedText = false
        capabilities.limitSyntax = .limitOffset(offsetOnlyLimit: "18446744073709551615")
        capabilities.defaultValuesInsert = .emptyValueList
        capabilities.backslashEscapesInStrings = true
        capabilities.tableOptions = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin"
        self.capabilities = capabilities
    }

    public var name: String { "MySQL \(version)" }

    public func quoteIdentifier(_ identifier: String) -> String {
        "`" + identifier.split(separator: "`", omittingEmptySubsequences: false).joined(separator: "``") + "`"
    }

    public func columnType(_ type: ColumnType) throws -> String {
        switch type {
        case .integer: return "BIGINT"
        case .double: return "DOUBLE"
        case .text(let maxLength): return maxLength.map { "VARCHAR(\($0))" } ?? "LONGTEXT"
        case .blob: return "LONGBLOB"
        case .bool: return "BOOLEAN"
        case .timestamp: return "DATETIME(6)"
        }
    }

    public func scratchNamespace(named name: String) -> ScratchNamespace? {
        let quoted = quoteIdentifier(name)
        return ScratchNamespace(
            create: "CREATE DATABASE \(quoted)", enter: "USE \(quoted)", drop: "DROP DATABASE \(quoted)")
    }
}
