/// A query of one model, built step by step; nothing runs until `all()`, `first()`,
/// `find(_:)` or `count()`.
///
/// `Source` is what runs it: a ``Database`` (the calls block the thread until the rows are in)
/// or a ``DatabasePool`` (the same calls, `async`, on a connection of the pool). The builder is
/// the same value either way.
///
/// ```swift
/// try db.query(Profile.self)
///     .preload(\.user, filter: \.name == "jinzhu")   // the preload pair, with a condition
///     .join(\.user, \.company)                         // LEFT JOIN "users" "User" … LEFT JOIN "companies" "User__Company"
///     .filter(\.user, \.company, \.name == "acme")     // WHERE "User__Company"."name" = ?
///     .filter(.like(\.name, "%jinzhu%"))              // AND "profiles"."name" LIKE ?
///     .order(by: \.id, .descending)
///     .limit(10)
///     .all()
/// ```
public struct QueryBuilder<M: Model, Source: Sendable>: Sendable {
    let source: Source
    let context: DatabaseContext
    private var box: SelectQueryBox

    /// The query so far, as Joinery's IR: encode it as JSON, or lower it with any dialect.
    public internal(set) var query: SelectQuery {
        get { box.query }
        _modify {
            // Copy on write (see ``SelectQueryBox``): in place when this builder alone holds the box.
            if !isKnownUniquelyReferenced(&box) { box = SelectQueryBox(box.query) }
            yield &box.query
        }
    }

    /// The query, for a call that runs it and ends the builder (`all()`, `find(_:)`): moved out
    /// of the box when this builder alone holds it — the builder is being consumed, and a copy
    /// would retain each of the query's fields only to release them after the statement ran —
    /// and copied when it is shared. Inlined: an out-of-line method of the generic builder
    /// looked its type metadata up.
    @inline(__always)
    mutating func takeQuery() -> SelectQuery {
        guard isKnownUniquelyReferenced(&box) else { return box.query }
        var query = SelectQuery("")
        swap(&query, &box.query)
        return query
    }

    /// The query `first()` runs: this one's first row.
    @inline(__always)
    mutating func firstRowQuery() -> SelectQuery {
        var query = takeQuery()
        query.first = true
        return query
    }

    /// The query `find(_:)` runs: this one narrowed to the row whose primary key is `id`.
    @inline(__always)
    mutating func keyQuery(_ id: SQLValue) throws -> SelectQuery {
        var query = takeQuery()
        try query.restrict(toKey: id, of: M.self, in: context)
        return query
    }

    /// The query `count()` runs: this one counting instead of loading.
    @inline(__always)
    mutating func countingQuery() -> SelectQuery {
        var query = takeQuery()
        query.countInstead()
        return query
    }

    // Inlined into `query(_:)`, where `Source` is known: there the builder's layout is fixed, and
    // an out-of-line generic init looked the builder's type metadata up on every query.
    @inline(__always)
    init(source: Source, context: DatabaseContext) {
        self.source = source
        self.context = context
        box = SelectQueryBox(SelectQuery(M.modelDeclaration.name))
    }

    // MARK: Conditions and shape

    /// Rows that match `condition`.
    public consuming func filter(_ condition: Condition) -> Self {
        var copy = self
        copy.query.filter = copy.query.filter.map { $0.and(condition) } ?? condition
        return copy
    }

    /// Rows that match SQL written by hand, GORM's `Where("name = ?", "jinzhu")`. Placeholders are
    /// `?` only (a `$1` is misuse).
    public consuming func filter(_ sql: String, _ arguments: any SQLValueConvertible...) -> Self {
        filter(.fragment(sql, arguments: arguments.map(\.sqlValue)))
    }

    /// SQL written by hand whose first placeholder takes a list, GORM's
    /// `Where("id IN ?", []int{1, 2, 3})`; an empty list matches no row. A `[UInt8]` is one
    /// blob, not a list.
    ///
    /// ```swift
    /// db.query(User.self).filter("id IN ?", [1, 2, 3])               // "id" IN (?, ?, ?)
    /// db.query(User.self).filter("id IN ? AND name <> ?", ids, "x")  // more values after the list
    /// db.query(User.self).filter("id IN ?", [Int]())                 // "id" IN (NULL): no rows
    /// ```
    public consuming func filter<Element: SQLValueConvertible>(_ sql: String, _ list: [Element], _ more: any SQLValueConvertible...) -> Self {
        filter(Condition.fragment(sql, list: list, more))
    }

    /// `ORDER BY` a column or field named by hand, of the queried table or of a joined one
    /// (`table: "User"`); ``order(by:_:)`` takes a key path instead.
    ///
    /// ```swift
    /// db.query(Profile.self).order(by: "id", descending: true)   // ORDER BY "profiles"."id" DESC
    /// ```
    public consuming func order(by column: String, table: String? = nil, descending: Bool = false) -> Self {
        var copy = self
        copy.query.order.append(OrderingTerm(ColumnReference(column, table: table), descending: descending))
        return copy
    }

    /// At most `limit` rows (`LIMIT $n`); preloads load the parents of those rows only.
    public consuming func limit(_ limit: Int) -> Self {
        var copy = self
        copy.query.limit = limit
        return copy
    }

    /// Skips the first `offset` rows (`OFFSET $n`; SQLite writes `LIMIT -1 OFFSET $n` without a limit).
    public consuming func offset(_ offset: Int) -> Self {
        var copy = self
        copy.query.offset = offset
        return copy
    }

    /// Soft-deleted rows too, in this model and in every one it includes.
    public consuming func unscoped() -> Self {
        var copy = self
        copy.query.unscoped = true
        return copy
    }

    // MARK: Associations

    /// Loads the association with a second statement keyed by the rows' distinct foreign keys.
    ///
    /// ```sql
    /// SELECT … FROM "users" WHERE "users"."id" IN ($1,$2) AND "users"."deleted_at" IS NULL
    /// ```
    public consuming func preload<A: Model>(_ association: WritableKeyPath<M, A?>, filter: Condition? = nil) -> Self {
        including([name(M.self, association)], .preload, filter: filter, types: [A.self])
    }

    /// GORM's `Preload("User", "name = ?", "jinzhu")`.
    public consuming func preload<A: Model>(
        _ association: WritableKeyPath<M, A?>, _ sql: String, _ arguments: any SQLValueConvertible...
    ) -> Self {
        preload(association, filter: .fragment(sql, arguments: arguments.map(\.sqlValue)))
    }

    /// A preload condition whose first placeholder takes a list (`"name IN ?"`, `["a", "b"]`).
    public consuming func preload<A: Model, Element: SQLValueConvertible>(
        _ association: WritableKeyPath<M, A?>, _ sql: String, _ list: [Element], _ more: any SQLValueConvertible...
    ) -> Self {
        preload(association, filter: .fragment(sql, list: list, more))
    }

    /// A nested preload, GORM's `Preload("User.Company")`: the users, then their companies.
    public consuming func preload<A: Model, B: Model>(
        _ first: WritableKeyPath<M, A?>, _ second: WritableKeyPath<A, B?>, filter: Condition? = nil
    ) -> Self {
        including([name(M.self, first), name(A.self, second)], .preload, filter: filter, types: [A.self, B.self])
    }

    /// A preload three associations deep, GORM's `Preload("User.Company.Country")`.
    public consuming func preload<A: Model, B: Model, C: Model>(
        _ first: WritableKeyPath<M, A?>, _ second: WritableKeyPath<A, B?>, _ third: WritableKeyPath<B, C?>,
        filter: Condition? = nil
    ) -> Self {
        including(
            [name(M.self, first), name(A.self, second), name(B.self, third)], .preload, filter: filter,
            types: [A.self, B.self, C.self])
    }

    /// A preload by dotted relation path, of any depth — GORM's `Preload("User.Company.Country")`.
    /// The planner checks each name; an unknown one is misuse naming the model.
    ///
    /// ```swift
    /// db.query(Profile.self).preload("user.company.country.region")
    /// ```
    public consuming func preload(_ dottedPath: String, filter: Condition? = nil) -> Self {
        including(dottedPath.split(separator: ".").map(String.init), .preload, filter: filter, types: [])
    }

    /// A join by dotted relation path, of any depth (`"user.company.country"` joins as
    /// `"User__Company__Country"`).
    public consuming func join(_ dottedPath: String, _ kind: JoinKind = .left, on: Condition? = nil) -> Self {
        including(dottedPath.split(separator: ".").map(String.init), kind == .inner ? .innerJoin : .leftJoin, filter: on, types: [])
    }

    /// Preloads every belongs-to association of the model, one level deep (GORM's
    /// `Preload(clause.Associations)`): one statement per association.
    public consuming func preloadAll() -> Self {
        var copy = self
        for (name, type) in M.associationTypes.sorted(by: { $0.key < $1.key })
        where !copy.query.includes.contains(where: { $0.path == [name] }) {
            copy = copy.including([name], .preload, filter: nil, types: [type])
        }
        return copy
    }

    /// Loads the association in the same statement, LEFT JOIN by default; its columns come back
    /// as `User__name` and fill the nested value (a missing parent leaves it nil). With `.inner`,
    /// rows without a parent are left out.
    public consuming func join<A: Model>(_ association: WritableKeyPath<M, A?>, _ kind: JoinKind = .left, on: Condition? = nil) -> Self {
        including([name(M.self, association)], kind == .inner ? .innerJoin : .leftJoin, filter: on, types: [A.self])
    }

    /// A nested join: `LEFT JOIN "companies" "User__Company" ON "User"."company_id" = "User__Company"."id"`.
    public consuming func join<A: Model, B: Model>(
        _ first: WritableKeyPath<M, A?>, _ second: WritableKeyPath<A, B?>, _ kind: JoinKind = .left, on: Condition? = nil
    ) -> Self {
        including(
            [name(M.self, first), name(A.self, second)], kind == .inner ? .innerJoin : .leftJoin, filter: on,
            types: [A.self, B.self])
    }

    /// Soft-deleted parents too, for this association only (GORM's `Unscoped()` inside one
    /// preload): its `deleted_at IS NULL` condition is left out of the preload or join. The
    /// association is preloaded if it is not included yet.
    ///
    /// ```swift
    /// db.query(Profile.self).preload(\.user).unscoped(\.user)
    /// // SELECT … FROM "users" WHERE "users"."id" IN ($1, $2)      -- deleted users too
    /// ```
    public consuming func unscoped<A: Model>(_ association: WritableKeyPath<M, A?>) -> Self {
        unscoping([name(M.self, association)], types: [A.self])
    }

    /// A nested association's soft-deleted rows too (`User.Company`).
    public consuming func unscoped<A: Model, B: Model>(_ first: WritableKeyPath<M, A?>, _ second: WritableKeyPath<A, B?>) -> Self {
        unscoping([name(M.self, first), name(A.self, second)], types: [A.self, B.self])
    }

    private consuming func unscoping(_ path: [String?], types: [any Model.Type]) -> Self {
        let names = path.map { $0 ?? "(not an association)" }
        guard let index = query.includes.lastIndex(where: { $0.path == names }) else {
            var copy = including(path, .preload, filter: nil, types: types)
            copy.query.includes[copy.query.includes.count - 1].unscoped = true
            return copy
        }
        var copy = self
        copy.query.includes[index].unscoped = true
        return copy
    }

    /// A join three associations deep: `… LEFT JOIN "countries" "User__Company__Country" ON …`.
    public consuming func join<A: Model, B: Model, C: Model>(
        _ first: WritableKeyPath<M, A?>, _ second: WritableKeyPath<A, B?>, _ third: WritableKeyPath<B, C?>,
        _ kind: JoinKind = .left, on: Condition? = nil
    ) -> Self {
        including(
            [name(M.self, first), name(A.self, second), name(B.self, third)], kind == .inner ? .innerJoin : .leftJoin,
            filter: on, types: [A.self, B.self, C.self])
    }

    private consuming func including(_ path: [String?], _ mode: IncludeMode, filter: Condition?, types: [any Model.Type]) -> Self {
        context.register(types)
        var copy = self
        // A key path that is no association names no relation; the planner reports it.
        copy.query.includes.append(Include(path.map { $0 ?? "(not an association)" }, mode, filter: filter))
        return copy
    }

    private func name<Owner: Model, A>(_ owner: Owner.Type, _ keyPath: WritableKeyPath<Owner, A?>) -> String? {
        Owner.associationName(for: keyPath)
    }
}

extension QueryBuilder where Source == Database {
    /// Every matching row, with its included associations.
    public consuming func all() throws -> [M] {
        let query = takeQuery()
        return try source.unitOfWork { try source.load(query, as: M.self) }
    }

    /// The first row by primary key (GORM's `First`), or nil.
    public consuming func first() throws -> M? {
        let query = firstRowQuery()
        return try source.unitOfWork { try source.loadFirst(query, as: M.self) }
    }

    /// The row with this primary key, or nil.
    public consuming func find(_ id: some SQLValueConvertible) throws -> M? {
        let query = try keyQuery(id.sqlValue)
        return try source.unitOfWork { try source.loadFirst(query, as: M.self) }
    }

    /// The number of matching rows.
    public consuming func count() throws -> Int {
        let query = countingQuery()
        return try source.unitOfWork { try source.count(query, of: M.self) }
    }

    /// The first statement `all()` would run, in this database's dialect, without running it
    /// (GORM's `ToSQL`). A preload's statements depend on the rows, so they are not included.
    ///
    /// ```swift
    /// try db.query(Profile.self).join(\.user).filter(\.name == "ann").statement()
    /// // SELECT "profiles"."id", …, "User"."id" AS "User__id", … FROM "profiles"
    /// //   LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" WHERE "profiles"."name" = ?
    /// // bindings: ["ann"]
    /// ```
    ///
    /// A query of a shape seen before comes from the plan cache: only its values are bound.
    public func statement() throws -> LoweredStatement {
        try source.selectRoot(box.query, including: M.self)
    }
}

extension Database {
    /// Starts a query of `type`.
    public func query<M: Model>(_ type: M.Type) -> QueryBuilder<M, Database> {
        context.register(type)
        return QueryBuilder(source: self, context: context)
    }

    /// `SELECT COUNT(*)` for a query with its joins.
    func count<M: Model>(_ query: SelectQuery, of type: M.Type) throws -> Int {
        let plan = try planner(including: [M.self]).plan(.select(query))
        guard let statement = plan.statements.first else { return 0 }
        let rows = try rows(statement.statement)
        return try rows.first?.decode(Int.self, at: 0) ?? 0
    }
}

extension SelectQuery {
    /// This query limited to the row whose primary key is `id` (`find`): its filter and
    /// `"id" = ?`, `LIMIT 1`.
    mutating func restrict(toKey id: SQLValue, of type: any Model.Type, in context: DatabaseContext) throws {
        guard let key = try context.primaryKey(of: type), key.count == 1 else {
            throw JoineryError.misuse("\(type) has no single-column primary key to find by", model: "\(type)")
        }
        let condition = Condition.equal(key[0], id)
        filter = filter.map { $0.and(condition) } ?? condition
        limit = 1
    }

    /// This query counting instead of loading (`count()`): preloads dropped, joins kept (an inner
    /// join filters).
    mutating func countInstead() {
        count = true
        includes.removeAll { $0.mode == .preload }
    }
}
