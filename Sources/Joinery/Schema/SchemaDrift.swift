/// A difference between a model and its existing table that `migrate` saw and did not change:
/// it never drops or retypes anything by itself.
public enum SchemaDrift: Sendable, Hashable, CustomStringConvertible {
    /// The table has a column no field of the model maps to (left as it is).
    case columnNotInModel(table: String, column: String)
    /// The column's type is of another kind than the field's (`text` where the model has an integer).
    case typeDiffers(table: String, column: String, model: ColumnType, database: String)
    /// The model allows NULL and the column does not, or the other way round.
    case nullabilityDiffers(table: String, column: String, modelAllowsNull: Bool)
    /// A foreign key the model declares on a column that already existed, which the engine cannot
    /// add without rebuilding the table.
    case foreignKeyMissing(table: String, constraint: String, reason: String)
    /// The dialect offers no catalog queries, so the table was not compared.
    case notInspected(table: String)

    public var description: String {
        switch self {
        case .columnNotInModel(let table, let column):
            return "\(table).\(column) is in the table but not in the model"
        case .typeDiffers(let table, let column, let model, let database):
            return "\(table).\(column) is \(database) in the table but \(model) in the model"
        case .nullabilityDiffers(let table, let column, let modelAllowsNull):
            return "\(table).\(column) is \(modelAllowsNull ? "NOT NULL in the table but optional" : "nullable in the table but required") in the model"
        case .foreignKeyMissing(let table, let constraint, let reason):
            return "\(table) lacks the foreign key \(constraint): \(reason)"
        case .notInspected(let table):
            return "\(table) was not compared: the dialect has no catalog queries"
        }
    }
}

/// What `migrate` did, and the drift it saw and left alone.
public struct MigrationReport: Sendable, Hashable {
    /// Tables that did not exist and were created.
    public var createdTables: [String] = []
    /// `table.column`.
    public var addedColumns: [String] = []
    /// Indexes (and unique indexes of new columns) created on existing tables.
    public var addedIndexes: [String] = []
    /// Foreign-key constraints added to existing tables.
    public var addedForeignKeys: [String] = []
    /// What differs and was left alone.
    public var drift: [SchemaDrift] = []

    /// An empty report.
    public init() {}

    mutating func merge(_ other: MigrationReport) {
        createdTables += other.createdTables
        addedColumns += other.addedColumns
        addedIndexes += other.addedIndexes
        addedForeignKeys += other.addedForeignKeys
        drift += other.drift
    }

    /// Whether migrate changed nothing.
    public var changedNothing: Bool {
        createdTables.isEmpty && addedColumns.isEmpty && addedIndexes.isEmpty && addedForeignKeys.isEmpty
    }
}

extension ColumnType {
    /// Whether an engine's type name is of the same kind as this type: integer, real, text,
    /// bytes, boolean (integers accepted: MariaDB's BOOLEAN is TINYINT) or time.
    func isSameKind(asTypeNamed name: String) -> Bool {
        let name = name.lowercased()
        let isInteger = name.contains("int") || name.contains("serial")
        let isText = name.contains("char") || name.contains("text") || name.contains("clob")
        let isReal = name.contains("real") || name.contains("floa") || name.contains("doub") || name.contains("numeric")
            || name.contains("decimal")
        let isBlob = name.contains("blob") || name.contains("bytea") || name.contains("binary")
        let isTime = name.contains("time") || name.contains("date")
        switch self {
        case .integer: return isInteger
        case .double: return isReal
        case .text: return isText
        case .blob: return isBlob
        case .bool: return name.contains("bool") || isInteger
        case .timestamp: return isTime || isText  // SQLite may keep a timestamp as TEXT
        }
    }
}
