/// GORM's association mode for a belongs-to association: find, count, append, replace, delete
/// and clear the parent of one stored model, keeping its foreign key right.
///
/// ```swift
/// let users = db.association(\Profile.user)
/// let user = try users.find(for: profile)             // SELECT … FROM "users" WHERE "users"."id" = $1 …
/// var hu = User(name: "hu")
/// try users.replace(&profile, with: &hu)              // INSERT users; UPDATE profiles SET user_id = …
/// try users.replace(&profile, with: &other, deletingOld: true)   // …and deletes hu, never `other`
/// try users.clear(&profile)                           // UPDATE profiles SET user_id = NULL
/// ```
///
/// Every change runs in one transaction; when it fails, the caller's values are as they were.
/// A new parent is created first.
///
/// `Source` is a ``Database`` (calls block until done) or a ``DatabasePool`` (the same calls,
/// `async`, each a unit of work on one connection of the pool).
public struct Association<Owner: Model, Target: Model, Source: Sendable>: Sendable {
    let source: Source
    let context: DatabaseContext
    /// The association's name; `nil` when the key path given was not an association.
    let name: String?

    func relation() throws -> BelongsToRelation {
        guard let name else {
            throw JoineryError.misuse("the key path is not a belongs-to association of \(Owner.self)", model: "\(Owner.self)")
        }
        return try context.schema(including: [Owner.self, Target.self]).relation(name, of: Owner.modelDeclaration.name)
    }

    /// The owner's foreign-key values, or nil when any is NULL.
    private func foreignKey(of owner: Owner, _ relation: BelongsToRelation) -> [SQLValue]? {
        let fields = Owner.modelDeclaration.fields.map(\.name)
        let values = relation.foreignKeyFields.map { field in
            fields.firstIndex(of: field).map { owner.columnValues[$0] } ?? .null
        }
        return values.contains(where: \.isNull) ? nil : values
    }

    private func referencedKey(of target: Target, _ relation: BelongsToRelation) -> [SQLValue] {
        let fields = Target.modelDeclaration.fields.map(\.name)
        return relation.referencedFields.map { field in fields.firstIndex(of: field).map { target.columnValues[$0] } ?? .null }
    }
}

extension Association where Source == Database {
    private var database: Database { source }

    /// The parent the owner's foreign key points at (soft-deleted parents excluded), or nil.
    public func find(for owner: Owner) throws -> Target? {
        let relation = try relation()
        guard let key = foreignKey(of: owner, relation) else { return nil }
        let condition = Condition.and(zip(relation.referencedColumns, key).map { .equal($0, $1) })
        return try database.query(Target.self).filter(condition).first()
    }

    /// 1 when the owner has a parent, else 0.
    public func count(for owner: Owner) throws -> Int {
        try find(for: owner) == nil ? 0 : 1
    }

    /// Points the owner at `target` — for a belongs-to, appending is replacing. `target` is
    /// stored first by the rule ``Database/create(_:)-(M)`` uses for a carried parent: inserted
    /// when it has no primary key, inserted unless present when its key is natural. With
    /// `deletingOld`, the previous parent is deleted afterwards, unless it is `target` itself.
    ///
    /// One transaction: when any step fails — the owner's row is gone (``JoineryError/Kind/notFound``),
    /// the old parent cannot be deleted — nothing is stored, and `owner` and `target` are as
    /// they were.
    public func replace(_ owner: inout Owner, with target: inout Target, deletingOld: Bool = false) throws {
        let relation = try relation()
        let (originalOwner, originalTarget) = (owner, target)
        (owner, target) = try database.writingTransaction("replace") {
            var (owner, target) = (originalOwner, originalTarget)
            let old = try find(for: owner)
            var stored: any Model = target
            try database.storeParent(&stored)
            guard let typed = stored as? Target else { throw JoineryError.misuse("replace changed the type of \(Target.self)") }
            target = typed
            let newKey = referencedKey(of: target, relation)
            var values: [String: any SQLValueConvertible] = [:]
            for (field, value) in zip(relation.foreignKeyFields, newKey) { values[field] = value }
            try database.update(&owner, set: values)
            owner.setAssociation(target, named: relation.name)
            // Compare keys, not "whatever the foreign key held": GORM deletes the new parent
            // here when the foreign key is optional.
            if deletingOld, let old, referencedKey(of: old, relation) != newKey {
                try database.delete(old)
            }
            return (owner, target)
        }
    }

    /// GORM's `Append` on a belongs-to: the same as `replace(_:with:deletingOld:)`.
    public func append(_ owner: inout Owner, _ target: inout Target) throws {
        try replace(&owner, with: &target)
    }

    /// Removes the reference when the owner points at `target`: its foreign key becomes NULL.
    /// `target` itself is kept.
    public func delete(_ owner: inout Owner, _ target: Target) throws {
        let relation = try relation()
        guard foreignKey(of: owner, relation) == referencedKey(of: target, relation) else { return }
        try clear(&owner)
    }

    /// Sets the owner's foreign key to NULL. A required foreign key cannot be cleared (misuse).
    public func clear(_ owner: inout Owner) throws {
        let relation = try relation()
        let schema = try context.schema(including: [Owner.self])
        for column in relation.foreignKeyColumns where schema.table(forModel: relation.ownerModel)?.column(named: column)?.isNullable == false {
            throw JoineryError.misuse(
                "\(relation.ownerModel).\(relation.name) cannot be cleared: \(column) is required",
                model: relation.ownerModel, field: column, relation: "\(relation.ownerModel).\(relation.name)")
        }
        var values: [String: any SQLValueConvertible] = [:]
        for field in relation.foreignKeyFields { values[field] = SQLValue.null }
        var cleared = owner
        try database.update(&cleared, set: values)
        cleared.setAssociation(nil, named: relation.name)
        owner = cleared
    }
}

extension Database {
    /// Association mode for a belongs-to association (GORM's `db.Model(&p).Association("User")`).
    public func association<Owner: Model, Target: Model>(
        _ keyPath: WritableKeyPath<Owner, Target?>
    ) -> Association<Owner, Target, Database> {
        register([Owner.self, Target.self])
        return Association(source: self, context: context, name: Owner.associationName(for: keyPath))
    }
}
