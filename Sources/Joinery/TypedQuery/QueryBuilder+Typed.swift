/// The direction of an `ORDER BY` term.
public enum SortDirection: Sendable, Hashable {
    case ascending, descending
}

/// Queries written with key paths: the compiler checks each field, and Joinery writes the alias
/// of a joined table (`"User"`, `"User__Company"`) itself.
extension QueryBuilder {
    /// Rows that match a typed condition.
    ///
    /// ```swift
    /// db.query(Profile.self).filter(\.name == "jinzhu")
    /// // SELECT … FROM "profiles" WHERE "profiles"."name" = $1
    /// ```
    public consuming func filter(_ condition: ModelCondition<M>) -> Self {
        filter(condition.condition)
    }

    /// Rows whose joined association matches `condition`: its fields are qualified by the join's
    /// alias. The association must be joined (`join`); a preloaded one
    /// is not part of the statement.
    ///
    /// ```swift
    /// db.query(Profile.self).join(\.user).filter(\.user, \.name == "jinzhu")
    /// // … LEFT JOIN "users" "User" ON … WHERE "User"."name" = $1
    /// ```
    public consuming func filter<A: Model>(_ association: WritableKeyPath<M, A?>, _ condition: ModelCondition<A>) -> Self {
        filter(condition.qualified(by: alias([M.associationName(for: association)])))
    }

    /// Rows whose nested joined association matches `condition` (`"User__Company"."name" = $1`).
    public consuming func filter<A: Model, B: Model>(
        _ first: WritableKeyPath<M, A?>, _ second: WritableKeyPath<A, B?>, _ condition: ModelCondition<B>
    ) -> Self {
        filter(condition.qualified(by: alias([M.associationName(for: first), A.associationName(for: second)])))
    }

    /// Rows whose association three levels down matches `condition`
    /// (`"User__Company__Country"."code" = $1`).
    public consuming func filter<A: Model, B: Model, C: Model>(
        _ first: WritableKeyPath<M, A?>, _ second: WritableKeyPath<A, B?>, _ third: WritableKeyPath<B, C?>,
        _ condition: ModelCondition<C>
    ) -> Self {
        filter(condition.qualified(by: alias([
            M.associationName(for: first), A.associationName(for: second), B.associationName(for: third),
        ])))
    }

    /// `ORDER BY` a field of the queried model.
    ///
    /// ```swift
    /// db.query(Profile.self).order(by: \.updatedAt, .descending)
    /// // … ORDER BY "profiles"."updated_at" DESC
    /// ```
    public consuming func order<Value>(by field: KeyPath<M, Value>, _ direction: SortDirection = .ascending) -> Self {
        ordered(M.reference(to: field), direction)
    }

    /// `ORDER BY` a field of a joined association (`"User"."name"`).
    public consuming func order<A: Model, Value>(
        by association: WritableKeyPath<M, A?>, _ field: KeyPath<A, Value>, _ direction: SortDirection = .ascending
    ) -> Self {
        let column = A.reference(to: field)
        return ordered(ColumnReference(column.column, table: alias([M.associationName(for: association)])), direction)
    }

    /// Joins the association with an extra typed `ON` condition on its fields.
    ///
    /// ```swift
    /// db.query(Profile.self).join(\.user, on: \.name == "jinzhu")
    /// // LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."name" = $1 …
    /// ```
    public consuming func join<A: Model>(_ association: WritableKeyPath<M, A?>, _ kind: JoinKind = .left, on condition: ModelCondition<A>)
        -> Self
    {
        join(association, kind, on: condition.condition)
    }

    /// A nested join with an extra typed `ON` condition on the innermost association's fields.
    public consuming func join<A: Model, B: Model>(
        _ first: WritableKeyPath<M, A?>, _ second: WritableKeyPath<A, B?>, _ kind: JoinKind = .left,
        on condition: ModelCondition<B>
    ) -> Self {
        join(first, second, kind, on: condition.condition)
    }

    /// Preloads the association, keeping only parents that match a typed condition (GORM's
    /// `Preload("User", "name = ?", "jinzhu")`).
    ///
    /// ```swift
    /// db.query(Profile.self).preload(\.user, filter: \.name == "jinzhu")
    /// // SELECT … FROM "users" WHERE "users"."id" IN ($1, $2) AND "users"."name" = $3 …
    /// ```
    public consuming func preload<A: Model>(_ association: WritableKeyPath<M, A?>, filter condition: ModelCondition<A>) -> Self {
        preload(association, filter: condition.condition)
    }

    /// Preloads the association reading only the fields named (GORM's `Select` inside a
    /// preload) — and always its keys; the other fields must be optional, and read as nil.
    ///
    /// ```swift
    /// db.query(Profile.self).preload(\.user, columns: [\.name])
    /// // SELECT "users"."id", "users"."name" FROM "users" WHERE "users"."id" IN ($1, $2) …
    /// ```
    public consuming func preload<A: Model>(
        _ association: WritableKeyPath<M, A?>, columns: [PartialKeyPath<A>], filter condition: ModelCondition<A>? = nil
    ) -> Self {
        var copy = preload(association, filter: condition?.condition)
        copy.query.includes[copy.query.includes.count - 1].columns = columns.map { keyPath in
            A.fieldName(for: keyPath) ?? "\(keyPath) (not a stored field of \(A.self))"
        }
        return copy
    }

    private consuming func ordered(_ column: ColumnReference, _ direction: SortDirection) -> Self {
        var copy = self
        copy.query.order.append(OrderingTerm(column, descending: direction == .descending))
        return copy
    }

    /// The alias of a joined relation path; a key path that is no association gives a name no
    /// table has, so the planner reports it.
    private func alias(_ path: [String?]) -> String {
        Naming.relationAlias(path.map { $0 ?? "(not an association)" })
    }
}
