/// One stored property of a model, as declared: by the `@Model` macro, or by hand.
///
/// ```swift
/// FieldDeclaration("userRefer", String?.self, column: "user_refer", unique: true)
/// ```
public struct FieldDeclaration: Sendable, Hashable, Codable {
    /// The Swift property name (`userID`).
    public var name: String
    /// The column name; `nil` means the snake-case of ``name`` (`user_id`).
    public var column: String?
    /// The column's portable type.
    public var type: ColumnType
    /// Whether the Swift type is optional (the column takes NULL).
    public var isNullable: Bool
    /// `nil` means the convention: the field named `id` is the primary key.
    public var isPrimaryKey: Bool?
    /// A unique constraint on this column alone.
    public var isUnique: Bool
    /// An index on this column alone (`idx_<table>_<column>`), unique or not.
    public var index: IndexKind?
    /// The column's `DEFAULT`.
    public var defaultValue: SQLValue?
    /// `nil` means the convention: `createdAt`, `updatedAt` and `deletedAt` (a `Date?`) have the
    /// roles GORM gives them.
    public var role: FieldRole?

    /// A one-column index declared on a field.
    public enum IndexKind: String, Sendable, Hashable, Codable {
        case plain, unique
    }

    /// A field declared with its type as data (the macro uses the typed initializer).
    public init(
        _ name: String, type: ColumnType, nullable: Bool, column: String? = nil, primaryKey: Bool? = nil,
        unique: Bool = false, index: IndexKind? = nil, default defaultValue: SQLValue? = nil, role: FieldRole? = nil
    ) {
        self.name = name
        self.column = column
        self.type = type
        self.isNullable = nullable
        self.isPrimaryKey = primaryKey
        self.isUnique = unique
        self.index = index
        self.defaultValue = defaultValue
        self.role = role
    }

    /// A field whose column type and nullability come from its Swift type; `maxLength` bounds a
    /// text column (`VARCHAR(n)`). `@Model` generates exactly this call, with `@Column`'s arguments.
    public init<Value: SQLColumnConvertible>(
        _ name: String, _ swiftType: Value.Type, column: String? = nil, primaryKey: Bool? = nil,
        unique: Bool = false, index: IndexKind? = nil, maxLength: Int? = nil, default defaultValue: SQLValue? = nil,
        role: FieldRole? = nil
    ) {
        var type = Value.columnType
        if let maxLength, case .text = type { type = .text(maxLength: maxLength) }
        self.init(
            name, type: type, nullable: Value.isNullable, column: column, primaryKey: primaryKey,
            unique: unique, index: index, default: defaultValue, role: role)
    }

    /// The column this field is stored in.
    public var columnName: String { column ?? Naming.snakeCase(name) }
}

/// The bookkeeping roles GORM's `gorm.Model` gives to fields.
public enum FieldRole: String, Sendable, Hashable, Codable {
    /// An ordinary value.
    case value
    /// Set when the row is inserted.
    case createdAt
    /// Set when the row is inserted or updated.
    case updatedAt
    /// Soft delete: deleting sets it; queries skip rows where it is not NULL (unless unscoped).
    case deletedAt
}
