import Foundation
import Joinery

/// MariaDB's spelling of SQL, for a given server version.
///
/// ```sql
/// CREATE TABLE `users` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `email` VARCHAR(191) NOT NULL,
///   UNIQUE INDEX `idx_users_email` (`email`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
/// INSERT INTO `users` (`name`) VALUES (?) RETURNING `id`          -- 10.5 and later
/// INSERT … ON DUPLICATE KEY UPDATE `name` = VALUES(`name`)
/// ```
///
/// Tables use `utf8mb4_bin`, so that text compares (and unique keys collide) exactly as on SQLite
/// and PostgreSQL: under MariaDB's default collation `'A' = 'a'` holds, and a uniqueness that
/// passes elsewhere fails here. Indexes are declared inside `CREATE TABLE`, because MariaDB's
/// DDL is not transactional: one statement creates the table whole or not at all. Unbounded
/// `LONGTEXT` cannot be a key; give such a field a `maxLength`.
public struct MariaDBDialect: SQLDialect {
    // Behind references: `lower` hands the dialect to its writer as `any SQLDialect`, and inline
    // these made it too large for an existential's buffer (a heap box per statement).
    @Indirect public var version: EngineVersion
    @Indirect public var capabilities: DialectCapabilities

    public init(version: EngineVersion = EngineVersion(10, 11)) {
        self.version = version
        var capabilities = DialectCapabilities()
        capabilities.placeholders = .questionMark
        capabilities.identifierLimit = .characters(64)
        capabilities.maxBindParameters = 65535
        capabilities.largeIn = .batch
        capabilities.returning = version >= EngineVersion(10, 5)
        capabilities.upsert = .onDuplicateKeyUpdateValues
        capabilities.identity = .autoIncrement(keyword: "AUTO_INCREMENT")
        capabilities.indexPlacement = .insideCreateTable
        capabilities.createIndexIfNotExists = version >= EngineVersion(10, 1, 4)
        capabilities.addForeignKey = true
        capabilities.forwardForeignKeyReferences = false
        capabilities.indexesUnboundedText = false
        // OFFSET needs a LIMIT; this is the documented "all rows".
        capabilities.limitSyntax = .limitOffset(offsetOnlyLimit: "18446744073709551615")
        capabilities.defaultValuesInsert = .emptyValueList
        capabilities.backslashEscapesInStrings = true
        capabilities.tableOptions = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"
        self.capabilities = capabilities
    }

    public var name: String { "MariaDB \(version)" }

    /// Backticks, doubled inside.
    public var identifierQuote: Unicode.Scalar? { "`" }

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

    /// A database (MariaDB's schemas): ``CREATE DATABASE `x` ``, ``USE `x` ``, ``DROP DATABASE `x` ``.
    /// information_schema, in the session's database.
    public func catalog(of table: String) -> TableCatalogQueries? {
        TableCatalogQueries(
            columns: LoweredStatement(
                sql: "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
                    + "WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position",
                bindings: [.text(table)]),
            indexes: LoweredStatement(
                sql: "SELECT DISTINCT index_name FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ?",
                bindings: [.text(table)]),
            foreignKeys: LoweredStatement(
                sql: "SELECT constraint_name, column_name FROM information_schema.key_column_usage "
                    + "WHERE table_schema = DATABASE() AND table_name = ? AND referenced_table_name IS NOT NULL "
                    + "ORDER BY constraint_name, ordinal_position",
                bindings: [.text(table)]))
    }

    /// `EXPLAIN FORMAT=JSON`.
    public func explain(_ statement: LoweredStatement) -> LoweredStatement? {
        LoweredStatement(sql: "EXPLAIN FORMAT=JSON " + statement.sql, bindings: statement.bindings)
    }

    /// Every `table` object of the JSON plan: `table_name`, and `key` unless `access_type` is a
    /// full scan (`ALL`). The primary key's index is `PRIMARY`.
    public func tableAccesses(inPlan rows: [Row]) throws -> (accesses: [TableAccess], text: String) {
        let text = try rows.first?.decode(String.self, at: 0) ?? "{}"
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8))
        var accesses: [TableAccess] = []
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if let table = object["table"] as? [String: Any], let name = table["table_name"] as? String {
                    let key = (table["access_type"] as? String) == "ALL" ? nil : table["key"] as? String
                    accesses.append(TableAccess(
                        table: name, index: key, usesPrimaryKey: key == "PRIMARY",
                        keyParts: key == nil ? [] : table["used_key_parts"] as? [String] ?? []))
                }
                for (key, child) in object.sorted(by: { $0.key < $1.key }) where key != "table" { walk(child) }
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        walk(json)
        return (accesses, text)
    }

    /// Galera: the cluster's global sequence number of the last write set committed on a node
    /// (the same numbering on every node), and whether the node is Synced. A server outside a
    /// Galera cluster has neither status row: no position, no lag.
    public var replication: ReplicationQueries? {
        let status = "FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = "
        return ReplicationQueries(
            position: "SELECT CAST(VARIABLE_VALUE AS SIGNED) \(status)'WSREP_LAST_COMMITTED'",
            replayed: "SELECT CAST(VARIABLE_VALUE AS SIGNED) >= ? \(status)'WSREP_LAST_COMMITTED'",
            lag: "SELECT IF(VARIABLE_VALUE = 'Synced', 0, NULL) \(status)'WSREP_LOCAL_STATE_COMMENT'")
    }

    public func scratchNamespace(named name: String) -> ScratchNamespace? {
        let quoted = quoteIdentifier(name)
        return ScratchNamespace(
            create: "CREATE DATABASE \(quoted)", enter: "USE \(quoted)", drop: "DROP DATABASE \(quoted)")
    }
}
