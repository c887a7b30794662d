/// The rules that turn declarations into tables and relations (GORM's conventions, made strict).
enum SchemaResolver {
    /// The field that is the primary key by convention (GORM's `ID`).
    static let conventionalPrimaryKeyField = "id"

    // MARK: Tables

    static func table(for declaration: ModelDeclaration) throws -> TableSchema {
        let model = declaration.name
        let tableName = declaration.tableName
        guard !declaration.fields.isEmpty else {
            throw JoineryError.misuse("\(model) has no stored fields", model: model)
        }
        var seenFields: Set<String> = [], seenColumns: Set<String> = []
        for field in declaration.fields {
            guard seenFields.insert(field.name).inserted else {
                throw JoineryError.misuse("\(model).\(field.name) is declared twice", model: model, field: field.name)
            }
            guard seenColumns.insert(field.columnName).inserted else {
                throw JoineryError.misuse(
                    "\(model).\(field.name) uses the column \(field.columnName), which another field already uses",
                    model: model, field: field.name)
            }
        }

        // Primary key: fields marked so, else the field named `id` (GORM's `ID`).
        var keyFields = declaration.fields.filter { $0.isPrimaryKey == true }
        if keyFields.isEmpty, let id = declaration.fields.first(where: { $0.name == conventionalPrimaryKeyField && $0.isPrimaryKey != false }) {
            keyFields = [id]
        }
        let primaryKey = keyFields.map(\.columnName)

        var columns: [ColumnSchema] = []
        for field in declaration.fields {
            let role = try role(of: field, model: model)
            columns.append(ColumnSchema(
                name: field.columnName, fieldName: field.name, type: field.type,
                // A primary key is NOT NULL even when its Swift type is optional (nil = "not yet
                // inserted, let the engine generate it").
                isNullable: field.isNullable && !primaryKey.contains(field.columnName),
                defaultValue: field.defaultValue, role: role))
        }

        var uniqueConstraints: [UniqueConstraint] = []
        var indexes: [IndexSchema] = []
        for field in declaration.fields {
            if field.isUnique, !primaryKey.elementsEqual([field.columnName]) {
                uniqueConstraints.append(UniqueConstraint(
                    name: Naming.uniqueConstraint(table: tableName, columns: [field.columnName]), columns: [field.columnName]))
            }
            if let kind = field.index {
                indexes.append(IndexSchema(
                    name: Naming.index(table: tableName, columns: [field.columnName]), columns: [field.columnName],
                    isUnique: kind == .unique))
            }
        }
        for index in declaration.indexes {
            let indexColumns = try index.fields.map { name in
                guard let field = declaration.fields.first(where: { $0.name == name }) else {
                    throw JoineryError.misuse(
                        "an index of \(model) names the field \(name), which \(model) does not have", model: model, field: name)
                }
                return field.columnName
            }
            guard !indexColumns.isEmpty else { throw JoineryError.misuse("an index of \(model) names no field", model: model) }
            indexes.append(IndexSchema(
                name: index.name ?? Naming.index(table: tableName, columns: indexColumns), columns: indexColumns,
                isUnique: index.isUnique))
        }
        // Soft-deleted rows are filtered on every query: index the column, as gorm.Model does.
        if let softDelete = columns.first(where: { $0.role == .deletedAt }),
           !indexes.contains(where: { $0.columns.first == softDelete.name }) {
            indexes.append(IndexSchema(
                name: Naming.index(table: tableName, columns: [softDelete.name]), columns: [softDelete.name], isUnique: false))
        }
        var indexNames: Set<String> = []
        for index in indexes where !indexNames.insert(index.name).inserted {
            throw JoineryError.misuse("\(model) declares the index \(index.name) twice", model: model)
        }

        return TableSchema(
            modelName: model, name: tableName, columns: columns, primaryKey: primaryKey,
            hasGeneratedPrimaryKey: keyFields.count == 1 && keyFields[0].type == .integer,
            uniqueConstraints: uniqueConstraints, indexes: indexes)
    }

    /// The field's role: as declared, else GORM's names (`createdAt`, `updatedAt`, and a
    /// nullable `deletedAt`, all dates).
    private static func role(of field: FieldDeclaration, model: String) throws -> FieldRole {
        if let role = field.role {
            if role != .value, field.type != .timestamp {
                throw JoineryError.misuse(
                    "\(model).\(field.name) has the role \(role.rawValue) but is not a Date", model: model, field: field.name)
            }
            if role == .deletedAt, !field.isNullable {
                throw JoineryError.misuse(
                    "\(model).\(field.name) marks soft deletion, so it must be optional (Date?): nil means not deleted",
                    model: model, field: field.name)
            }
            return role
        }
        guard field.type == .timestamp else { return .value }
        switch field.name {
        case "createdAt": return .createdAt
        case "updatedAt": return .updatedAt
        case "deletedAt" where field.isNullable: return .deletedAt
        default: return .value
        }
    }

    // MARK: Relations

    static func relation(
        _ declaration: BelongsToDeclaration, owner: ModelDeclaration, ownerTable: TableSchema, tables: [TableSchema],
        declarations: [ModelDeclaration]
    ) throws -> BelongsToRelation {
        let model = owner.name
        let path = "\(model).\(declaration.name)"
        func misuse(_ message: String, model: String, field: String?) -> JoineryError {
            JoineryError.misuse("\(path): " + message, model: model, field: field, relation: path)
        }

        if owner.fields.contains(where: { $0.name == declaration.name }) {
            throw misuse("the association has the name of a stored field", model: model, field: declaration.name)
        }
        if owner.belongsTo.filter({ $0.name == declaration.name }).count > 1 {
            throw misuse("the association is declared twice", model: model, field: declaration.name)
        }
        guard let target = declarations.first(where: { $0.name == declaration.target }),
              let targetTable = tables.first(where: { $0.modelName == declaration.target })
        else {
            throw misuse(
                "its target \(declaration.target) is not among the models (\(declarations.map(\.name).joined(separator: ", "))); "
                    + "migrate or register \(declaration.target) too",
                model: model, field: declaration.name)
        }

        // The referenced side: `references:`, else the target's primary key.
        let referencedFields: [FieldDeclaration]
        if let references = declaration.references {
            guard !references.isEmpty else { throw misuse("references: names no field", model: model, field: declaration.name) }
            referencedFields = try references.map { name in
                guard let field = target.fields.first(where: { $0.name == name }) else {
                    throw misuse(
                        "references: names \(target.name).\(name), but \(target.name) has no such field "
                            + "(it has: \(target.fields.map(\.name).joined(separator: ", ")))",
                        model: target.name, field: name)
                }
                return field
            }
            guard targetTable.isUniquelyKeyed(referencedFields.map(\.columnName)) else {
                let names = referencedFields.map { "\(target.name).\($0.name)" }.joined(separator: ", ")
                throw misuse(
                    "references \(names), which is neither the primary key of \(target.name) nor unique; the database "
                        + "can only enforce a foreign key to a unique key. Mark it unique (@Column(unique: true)) or "
                        + "give it a unique index",
                    model: target.name, field: referencedFields[0].name)
            }
        } else {
            guard !targetTable.primaryKey.isEmpty else {
                throw misuse(
                    "\(target.name) has no primary key; name the referenced field with references:",
                    model: target.name, field: nil)
            }
            referencedFields = targetTable.primaryKey.compactMap { column in target.fields.first { $0.columnName == column } }
        }

        // The owner's side: `foreignKey:`, else the convention.
        let foreignKeyFields: [FieldDeclaration]
        if let foreignKey = declaration.foreignKey {
            foreignKeyFields = try foreignKey.map { name in
                guard let field = owner.fields.first(where: { $0.name == name }) else {
                    throw misuse(
                        "foreignKey: names \(model).\(name), but \(model) has no such field "
                            + "(it has: \(owner.fields.map(\.name).joined(separator: ", ")))",
                        model: model, field: name)
                }
                return field
            }
        } else {
            foreignKeyFields = [try conventionalForeignKey(declaration, owner: owner, target: target, referenced: referencedFields, misuse: misuse)]
        }

        guard foreignKeyFields.count == referencedFields.count else {
            throw misuse(
                "\(foreignKeyFields.count) foreign-key field(s) for \(referencedFields.count) referenced field(s)",
                model: model, field: declaration.name)
        }
        for (key, referenced) in zip(foreignKeyFields, referencedFields) where !key.type.isCompatible(with: referenced.type) {
            throw misuse(
                "the foreign key \(model).\(key.name) is \(key.type) but references \(target.name).\(referenced.name), "
                    + "which is \(referenced.type); give both the same type",
                model: model, field: key.name)
        }
        for (action, clause) in [(declaration.onDelete, "onDelete"), (declaration.onUpdate, "onUpdate")] where action == .setNull {
            if let required = foreignKeyFields.first(where: { !$0.isNullable }) {
                throw misuse(
                    "\(clause): .setNull needs an optional foreign key, but \(model).\(required.name) is not optional",
                    model: model, field: required.name)
            }
        }

        return BelongsToRelation(
            name: declaration.name, ownerModel: model, ownerTable: ownerTable.name, targetModel: target.name,
            targetTable: targetTable.name, foreignKeyFields: foreignKeyFields.map(\.name),
            foreignKeyColumns: foreignKeyFields.map(\.columnName), referencedFields: referencedFields.map(\.name),
            referencedColumns: referencedFields.map(\.columnName), onUpdate: declaration.onUpdate,
            onDelete: declaration.onDelete,
            constraintName: declaration.createsConstraint
                ? declaration.constraintName ?? Naming.foreignKeyConstraint(table: ownerTable.name, relation: declaration.name)
                : nil)
    }

    /// GORM's convention, on the declaring model only: the relation's name plus the referenced
    /// field (`user` + `id` → `userID`, column `user_id`), the relation's name plus `ID`, then the
    /// same two with the target type's name (`User`). Fields are matched by column, so `userID`
    /// and `userId` both count. A `@BelongsTo` is never re-read as has-one: when only the
    /// *target* holds a matching field, that is an error that says so.
    /// Two relations of one model whose keys were guessed and came out the same (`author` and
    /// `editor`, both to User, both falling back to `userID`) are ambiguous: which one a row's key
    /// means cannot be known. GORM silently picks one; here each must name its key.
    static func checkUnambiguous(_ relations: [BelongsToRelation], of owner: ModelDeclaration) throws {
        for (index, relation) in relations.enumerated() {
            for other in relations[(index + 1)...] where other.foreignKeyColumns == relation.foreignKeyColumns {
                let declared = owner.belongsTo.filter { [relation.name, other.name].contains($0.name) }
                guard declared.contains(where: { $0.foreignKey == nil }) else { continue }
                throw JoineryError.misuse(
                    "\(owner.name).\(relation.name) and \(owner.name).\(other.name) are ambiguous: both would use "
                        + "\(relation.foreignKeyColumns.joined(separator: ", ")) as their foreign key. Give each its own "
                        + "field and name it with foreignKey:",
                    model: owner.name, field: other.name, relation: "\(owner.name).\(other.name)")
            }
        }
    }

    private static func conventionalForeignKey(
        _ declaration: BelongsToDeclaration, owner: ModelDeclaration, target: ModelDeclaration,
        referenced: [FieldDeclaration], misuse: (String, String, String?) -> JoineryError
    ) throws -> FieldDeclaration {
        guard referenced.count == 1 else {
            throw misuse(
                "\(target.name)'s key has \(referenced.count) fields; name the foreign-key fields with foreignKey:",
                owner.name, declaration.name)
        }
        // `id` becomes `ID` (userID, as Swift spells it); any other key is capitalised (companyCode).
        let suffix = referenced[0].name == conventionalPrimaryKeyField ? "ID" : Naming.capitalizedFirst(referenced[0].name)
        var candidates: [String] = []
        for prefix in [declaration.name, target.name] {
            for name in [prefix + suffix, prefix + "ID"] where !candidates.contains(name) { candidates.append(name) }
        }
        for candidate in candidates {
            let column = Naming.snakeCase(candidate)
            if let field = owner.fields.first(where: { $0.columnName == column }) { return field }
        }
        let expected = candidates[0]
        var message = "no foreign key: \(owner.name) has no field \(expected) (column \(Naming.snakeCase(expected))). "
            + "Add one (`var \(expected): \(Self.swiftTypeName(referenced[0].type))?`) or name it with foreignKey:"
        let ownerKey = Naming.snakeCase(owner.name + "ID")
        if let backReference = target.fields.first(where: { $0.columnName == ownerKey }) {
            message += ". \(target.name).\(backReference.name) points back at \(owner.name): that is the shape of has-one, "
                + "which @BelongsTo never guesses"
        } else if let sameName = target.fields.first(where: { field in candidates.contains { Naming.snakeCase($0) == field.columnName } }) {
            message += ". \(target.name) has a field \(sameName.name), but a @BelongsTo's key lives on \(owner.name), "
                + "never on the target"
        }
        throw misuse(message, owner.name, declaration.name)
    }

    private static func swiftTypeName(_ type: ColumnType) -> String {
        switch type {
        case .integer: return "Int64"
        case .double: return "Double"
        case .text: return "String"
        case .blob: return "[UInt8]"
        case .bool: return "Bool"
        case .timestamp: return "Date"
        }
    }
}
