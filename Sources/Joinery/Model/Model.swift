/// A Swift type stored as one table row. `@Model` writes the conformance; hand-written
/// conformances work the same way.
///
/// Decoding is by column position, in the order of ``ModelDeclaration/fields``: generated code
/// reads `row[offset + 0]`, `row[offset + 1]`, … with no dictionary lookups and no reflection.
/// The `offset` lets one joined row hold several models side by side
/// (`profiles.*` then `User__*`).
public protocol Model: Sendable {
    /// The fields, belongs-to associations and indexes, as declared.
    static var modelDeclaration: ModelDeclaration { get }

    /// Decodes the model's columns from `row`, starting at position `offset`. Associations are
    /// `nil`; preloading and joining fill them afterwards.
    init(row: Row, startingAt offset: Int) throws

    /// Decodes the model's columns from the row `cursor` is on, starting at position `offset`,
    /// each read straight from the driver (what `@Model` generates). Default: the columns as a
    /// ``Row``, then ``init(row:startingAt:)``.
    init(cursor: any RowCursor, startingAt offset: Int) throws

    /// Decodes the parents joined into the row `cursor` is on and sets them on this model's
    /// associations, nested ones inside theirs (what `@Model` generates: each parent decoded as
    /// its own type, no existential, no cast). Default: through ``associationTypes`` and
    /// ``setAssociation(_:named:)``.
    mutating func attachJoined(_ joins: [JoinedAssociation], from cursor: any RowCursor) throws

    /// The values of the model's columns, in declaration order.
    var columnValues: [SQLValue] { get }

    /// Appends the values of the model's columns, in declaration order, to `values`: what
    /// ``columnValues`` gives, without an array of its own — how a batch create reads 1,000
    /// models into one array (what `@Model` generates:
    /// `values.append(self.id.sqlValue); values.append(self.name.sqlValue)`). Default:
    /// `values.append(contentsOf: columnValues)`.
    func appendColumnValues(to values: inout [SQLValue])

    /// The association a key path names (`\Profile.user` → `"user"`), or `nil`.
    static func associationName(for keyPath: PartialKeyPath<Self>) -> String?

    /// The stored field a key path names (`\Profile.userID` → `"userID"`), or `nil` for a
    /// computed or transient property: how typed conditions (`\.name == "jinzhu"`) name columns.
    static func fieldName(for keyPath: PartialKeyPath<Self>) -> String?

    /// Each belongs-to association's target type, by name (`["user": User.self]`): how a
    /// `Database` finds the models a query reaches.
    static var associationTypes: [String: any Model.Type] { get }

    /// The value of the association `name` (`nil` when unset or unknown).
    func association(named name: String) -> (any Model)?

    /// Sets the association `name`; a value of another type sets it to `nil`.
    mutating func setAssociation(_ value: (any Model)?, named name: String)

    /// Sets the association `name` to the parent `box` holds (an ``AssociationBox`` of the
    /// association's type), sharing the box: how a preload gives one decoded parent to each of
    /// its children without copying it or casting it per child (what `@Model` generates). A box
    /// of another type, or `nil`, sets it to `nil`. Default: the boxed value, through
    /// ``setAssociation(_:named:)``.
    mutating func setAssociation(box: AnyObject?, named name: String)

    /// The ``AssociationBox`` holding the association `name`'s parent, shared, not copied: how a
    /// batch create reads each model's parent as its own type, without an existential per parent
    /// (what `@Model` generates). `nil` when unset, unknown, or not held in a box. Default: `nil`
    /// (callers then read ``association(named:)``).
    func associationBox(named name: String) -> AnyObject?

    /// Writes one column's value into its field, by position in ``ModelDeclaration/fields``:
    /// how a generated key or a foreign key reaches the caller's Swift value. Associations are
    /// left as they are.
    mutating func setColumnValue(_ value: SQLValue, at index: Int) throws
}

extension Model {
    public init(cursor: any RowCursor, startingAt offset: Int) throws {
        let count = Self.modelDeclaration.fields.count
        guard offset >= 0, offset + count <= cursor.columnCount else { throw cursor.noColumn(at: offset + count - 1) }
        try self.init(row: cursor.row(offset..<(offset + count)), startingAt: 0)
    }

    public mutating func attachJoined(_ joins: [JoinedAssociation], from cursor: any RowCursor) throws {
        for join in joins where try !join.isMissing(in: cursor) {
            guard let type = Self.associationTypes[join.name] else { continue }
            var parent = try type.init(cursor: cursor, startingAt: join.offset)
            try parent.attachJoined(join.nested, from: cursor)
            setAssociation(parent, named: join.name)
        }
    }

    public static func associationName(for keyPath: PartialKeyPath<Self>) -> String? { nil }
    public static func fieldName(for keyPath: PartialKeyPath<Self>) -> String? { nil }
    public static var associationTypes: [String: any Model.Type] { [:] }
    public func association(named name: String) -> (any Model)? { nil }
    public mutating func setAssociation(_ value: (any Model)?, named name: String) {}
    public mutating func setAssociation(box: AnyObject?, named name: String) {
        setAssociation((box as? any BoxedModel)?.boxedModel, named: name)
    }
    public func associationBox(named name: String) -> AnyObject? { nil }

    /// Default for hand-written conformances: ``columnValues``, appended.
    public func appendColumnValues(to values: inout [SQLValue]) { values.append(contentsOf: columnValues) }

    /// Default for hand-written conformances: decode the row again with the one value changed,
    /// then put the associations back.
    public mutating func setColumnValue(_ value: SQLValue, at index: Int) throws {
        var values = columnValues
        guard values.indices.contains(index) else { throw JoineryError.noColumn(at: index, of: Self.modelDeclaration.name) }
        values[index] = value
        var updated = try Self(row: Row(columns: RowColumns(Self.modelDeclaration.fields.map(\.name)), values: values), startingAt: 0)
        for relation in Self.modelDeclaration.belongsTo {
            updated.setAssociation(association(named: relation.name), named: relation.name)
        }
        self = updated
    }

    /// The model's table name (`profiles`).
    public static var tableName: String { modelDeclaration.tableName }
}

extension Schema {
    /// The schema of these model types.
    ///
    /// ```swift
    /// let schema = try Schema(models: User.self, Company.self, Profile.self)
    /// ```
    public init(models: any Model.Type...) throws {
        try self.init(models.map { $0.modelDeclaration })
    }

    /// The schema of `models` and of every model their associations reach.
    public init(models: [any Model.Type]) throws {
        try self.init(models.map { $0.modelDeclaration })
    }
}

extension BelongsToDeclaration {
    /// The declaration `@BelongsTo` generates. Requiring `Target: Model` makes a `@BelongsTo`
    /// on a type that is not a model a compile-time error.
    ///
    /// `foreignKey` and `references` take field names; several, for a composite key, are
    /// separated by commas (`"tenantID,userID"`), as in GORM's tags.
    public init<Target: Model>(
        _ name: String, _ target: Target.Type, foreignKey: String? = nil, references: String? = nil,
        onUpdate: ForeignKeyAction? = nil, onDelete: ForeignKeyAction? = nil, constraint: String? = nil,
        createsConstraint: Bool = true
    ) {
        func fields(_ list: String?) -> [String]? {
            // Field names hold no spaces, so dropping them trims "a, b" to ["a", "b"].
            list.map { $0.split(separator: ",").map { String($0.filter { $0 != " " }) } }
        }
        // The type's own name, not `Target.modelDeclaration.name`: reading the target's
        // declaration here would recurse for a self-referential model.
        self.init(
            name, target: String(describing: Target.self), foreignKey: fields(foreignKey), references: fields(references),
            onUpdate: onUpdate, onDelete: onDelete, constraintName: constraint, createsConstraint: createsConstraint)
    }
}

extension JoineryError {
    /// A column position a model does not have.
    public static func noColumn(at index: Int, of model: String) -> JoineryError {
        .misuse("\(model) has no column at position \(index)", model: model)
    }
}
