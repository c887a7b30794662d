extension Database {
    /// Sets one field of a stored model, named by its key path (GORM's `Update("UserID", 2)`).
    ///
    /// ```swift
    /// try db.update(&profile, \.userID, to: 2)
    /// // UPDATE "profiles" SET "user_id" = $1, "updated_at" = $2 WHERE "profiles"."id" = $3
    /// ```
    @discardableResult
    public func update<M: Model, Value: SQLValueConvertible>(_ model: inout M, _ field: WritableKeyPath<M, Value>, to value: Value)
        throws -> Int
    {
        try update(&model, set: [try M.requireFieldName(field): value.sqlValue])
    }

    /// Changes a stored model in a closure and writes only the columns that changed (GORM's
    /// `Updates` with a struct, without its zero-value trap: a field set to nil or 0 is written).
    /// Nothing changed: no statement, 0. Associations changed in the closure are not written —
    /// use association mode for parents.
    ///
    /// ```swift
    /// try db.update(&profile) { $0.name = "renamed"; $0.userID = nil }
    /// // UPDATE "profiles" SET "name" = $1, "user_id" = $2, "updated_at" = $3 WHERE "profiles"."id" = $4
    /// ```
    @discardableResult
    public func update<M: Model>(_ model: inout M, _ change: (inout M) throws -> Void) throws -> Int {
        let values = try changedColumns(of: model, by: change)
        guard !values.isEmpty else { return 0 }
        return try update(&model, set: values)
    }
}

/// The fields `change` gives new values, by field name.
func changedColumns<M: Model>(of model: M, by change: (inout M) throws -> Void) throws -> [String: any SQLValueConvertible] {
    var changed = model
    try change(&changed)
    let before = model.columnValues, after = changed.columnValues
    var values: [String: any SQLValueConvertible] = [:]
    for (index, field) in M.modelDeclaration.fields.enumerated() where index < before.count && index < after.count {
        if before[index] != after[index] { values[field.name] = after[index] }
    }
    return values
}

extension DatabasePool {
    /// Sets one field of a stored model, named by its key path (see
    /// ``Database/update(_:_:to:)``).
    @discardableResult
    public func update<M: Model, Value: SQLValueConvertible>(_ model: inout M, _ field: WritableKeyPath<M, Value>, to value: Value)
        async throws -> Int
    {
        try await update(&model, set: [try M.requireFieldName(field): value.sqlValue])
    }

    /// Changes a stored model in a closure and writes only the columns that changed (see
    /// ``Database/update(_:_:)``).
    @discardableResult
    public func update<M: Model>(_ model: inout M, _ change: (inout M) throws -> Void) async throws -> Int {
        let values = try changedColumns(of: model, by: change)
        guard !values.isEmpty else { return 0 }
        return try await update(&model, set: values)
    }
}
