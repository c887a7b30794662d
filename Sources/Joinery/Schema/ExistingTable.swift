/// A table as the engine's catalog describes it: what `migrate` compares a model's table with.
public struct ExistingTable: Sendable, Hashable {
    /// One column as the catalog lists it.
    public struct Column: Sendable, Hashable {
        /// The column's name, as the engine keeps it.
        public var name: String
        /// The engine's own type name (`bigint`, `character varying`, `INTEGER`).
        public var typeName: String
        /// Whether the column takes NULL.
        public var isNullable: Bool

        /// A column as the catalog lists it.
        public init(name: String, typeName: String, isNullable: Bool) {
            self.name = name
            self.typeName = typeName
            self.isNullable = isNullable
        }
    }

    /// The table's name.
    public var name: String
    /// Its columns, in order.
    public var columns: [Column]
    /// The names of its indexes (unique constraints' included).
    public var indexes: Set<String>
    /// Each foreign key's columns, by constraint name (or the engine's stand-in for one).
    public var foreignKeys: [String: [String]]

    /// A table as the catalog describes it.
    public init(name: String, columns: [Column], indexes: Set<String>, foreignKeys: [String: [String]]) {
        self.name = name
        self.columns = columns
        self.indexes = indexes
        self.foreignKeys = foreignKeys
    }

    /// The column called `name`; engines that fold case report it as given here.
    public func column(named name: String) -> Column? {
        columns.first { $0.name == name } ?? columns.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Whether an index (or a unique constraint's index) of this name exists.
    public func hasIndex(named name: String) -> Bool {
        indexes.contains(name) || indexes.contains { $0.lowercased() == name.lowercased() }
    }

    /// Whether a foreign key of this name, or over exactly these columns, exists.
    public func hasForeignKey(named name: String, columns: [String]) -> Bool {
        foreignKeys.keys.contains { $0.lowercased() == name.lowercased() }
            || foreignKeys.values.contains { $0.map { $0.lowercased() } == columns.map { $0.lowercased() } }
    }
}
