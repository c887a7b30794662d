/// Makes a struct a ``Model``: generates its ``ModelDeclaration`` (a column per stored
/// property, in order), the code that decodes a row by column position, and the code that
/// encodes its values.
///
/// ```swift
/// @Model struct Profile {
///     var id: Int64?            // primary key by convention; nil until inserted
///     var name: String
///     var userID: Int64?        // the foreign key of `user`, by convention
///     @BelongsTo(onUpdate: .cascade, onDelete: .setNull) var user: User?
/// }
/// // CREATE TABLE "profiles" ("id" … PRIMARY KEY, "name" … NOT NULL, "user_id" …,
/// //   CONSTRAINT "fk_profiles_user" FOREIGN KEY ("user_id") REFERENCES "users"("id")
/// //   ON DELETE SET NULL ON UPDATE CASCADE)
/// ```
///
/// A model that declares `Codable` encodes its loaded associations under their own names
/// (`"user": {…}`; one not loaded is left out and decodes as nil): the macro writes the
/// `CodingKeys` that map the hidden `_user` storage to `user`, unless the struct writes its own.
///
/// - Parameter table: the table name; by default the snake-case plural of the type
///   (`Profile` → `profiles`, `Company` → `companies`).
@attached(
    member, names: named(modelDeclaration), named(associationName(for:)), named(fieldName(for:)), named(associationTypes),
    named(association(named:)), named(setAssociation(_:named:)), named(setAssociation(box:named:)), named(associationBox(named:)),
    named(attachJoined(_:from:)), named(CodingKeys))
@attached(
    extension, conformances: Model, names: named(init(row:startingAt:)), named(init(cursor:startingAt:)), named(columnValues),
    named(appendColumnValues(to:)), named(setColumnValue(_:at:)))
public macro Model(table: String? = nil) = #externalMacro(module: "JoineryMacros", type: "ModelMacro")

/// Declares a belongs-to association: the foreign key lives on this model and references the
/// target's primary key (or a unique field named by `references`).
///
/// ```swift
/// @BelongsTo var user: User?                                          // key: userID → users.id
/// @BelongsTo(foreignKey: "userRefer") var user: User?                 // key: userRefer
/// @BelongsTo(foreignKey: "userRefer", references: "refer") var user: User?   // → users.refer (unique)
/// @BelongsTo(onUpdate: .cascade, onDelete: .setNull) var user: User?  // ON UPDATE CASCADE ON DELETE SET NULL
/// ```
///
/// The property must be optional: it is `nil` until the association is preloaded or joined.
/// A `@BelongsTo` is always belongs-to; Joinery never re-reads it as has-one.
///
/// The value is kept in an ``AssociationBox`` (a generated `_user` property), so a model may
/// belong to its own type (`@BelongsTo var manager: User?` on `User`); the memberwise
/// initializer still takes `user:`.
@attached(accessor, names: named(init), named(get), named(set))
@attached(peer, names: prefixed(_))
public macro BelongsTo(
    foreignKey: String? = nil, references: String? = nil, onUpdate: ForeignKeyAction? = nil,
    onDelete: ForeignKeyAction? = nil, constraint: String? = nil
) = #externalMacro(module: "JoineryMacros", type: "BelongsToMacro")

/// Column options for a stored property.
///
/// ```swift
/// @Column(unique: true) var email: String            // CONSTRAINT "uni_users_email" UNIQUE ("email")
/// @Column(index: .unique) var refer: String          // CREATE UNIQUE INDEX "idx_users_refer" …
/// @Column("user_refer_key") var userRefer: String    // the column's name
/// @Column(primaryKey: true) var code: String         // a primary key not named id
/// @Column(maxLength: 64) var code: String            // VARCHAR(64)
/// ```
@attached(peer)
public macro Column(
    _ name: String? = nil, primaryKey: Bool? = nil, unique: Bool = false, index: FieldDeclaration.IndexKind? = nil,
    maxLength: Int? = nil, default: SQLValue? = nil, role: FieldRole? = nil
) = #externalMacro(module: "JoineryMacros", type: "ColumnMacro")

/// A stored property that is not a column. It needs a default value.
@attached(peer)
public macro Transient() = #externalMacro(module: "JoineryMacros", type: "TransientMacro")
