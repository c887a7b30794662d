import Foundation
import Joinery

/// A dialect with deliberately odd tokens, so that every hook and capability shows in the
/// asserted SQL: a default silently used where a hook was meant would stand out.
public struct OddDialect: SQLDialect {
    public init() {}

    public var name: String { "Odd 1.0" }

    public var capabilities: DialectCapabilities {
        var capabilities = DialectCapabilities()
        capabilities.placeholders = .numbered(prefix: ":p")
        capabilities.identifierLimit = .characters(30)
        capabilities.maxBindParameters = 3
        capabilities.largeIn = .batch
        capabilities.returning = true
        capabilities.upsert = .onDuplicateKeyUpdateRowAlias
        capabilities.identity = .autoIncrement(keyword: "SERIALLY")
        capabilities.indexPlacement = .insideCreateTable
        capabilities.createIndexIfNotExists = false
        capabilities.addForeignKey = true
        capabilities.forwardForeignKeyReferences = false
        capabilities.indexesUnboundedText = false
        capabilities.limitSyntax = .offsetFetch
        capabilities.defaultValuesInsert = .emptyValueList
        capabilities.tableOptions = "WITH ODDITY"
        return capabilities
    }

    public func quoteIdentifier(_ identifier: String) -> String {
        "⟦" + identifier.replacingOccurrences(of: "⟧", with: "⟧⟧") + "⟧"
    }

    public func columnType(_ type: ColumnType) throws -> String {
        switch type {
        case .integer: return "INT64"
        case .double: return "FLOAT64"
        case .text(let maxLength): return maxLength.map { "STRING(\($0))" } ?? "STRING"
        case .blob: return "BYTES"
        case .bool: return "BOOL"
        case .timestamp: return "INSTANT"
        }
    }

    public func literal(_ value: SQLValue) throws -> String {
        if case .bool(let flag) = value { return flag ? "YES" : "NO" }
        return try standardLiteral(value)
    }
}
