/// What a ``Query`` becomes: the statements to run, in order, and the preloads that follow
/// once their parents' rows are known. Plans are values; a dialect lowers each statement.
///
/// The preload pair of `Profile` with `user`:
///
/// ```sql
/// SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles" WHERE "profiles"."deleted_at" IS NULL
/// SELECT "users"."id", "users"."name" FROM "users" WHERE "users"."id" IN ($1,$2) AND "users"."deleted_at" IS NULL
/// ```
public struct QueryPlan: Sendable, Hashable {
    /// Run in order; all are known before anything runs.
    public var statements: [PlannedStatement]
    /// Each runs after its ``PreloadStep/source``, keyed by that statement's rows.
    public var preloads: [PreloadStep]
    /// For an insert: how the engine-generated primary key is read back.
    public var generatedKey: GeneratedKeyRead?

    /// A plan of `statements`, then `preloads`.
    public init(statements: [PlannedStatement], preloads: [PreloadStep] = [], generatedKey: GeneratedKeyRead? = nil) {
        self.statements = statements
        self.preloads = preloads
        self.generatedKey = generatedKey
    }
}

/// One statement of a plan, with what it is for and, for a SELECT, how its rows are laid out.
public struct PlannedStatement: Sendable, Hashable {
    /// For people: `select profiles`, `create table users`.
    public var purpose: String
    /// The statement.
    public var statement: SQLStatement
    /// How its rows map to models; nil for a statement without rows.
    public var layout: RowLayout?

    /// A statement with its purpose.
    public init(_ purpose: String, _ statement: SQLStatement, layout: RowLayout? = nil) {
        self.purpose = purpose
        self.statement = statement
        self.layout = layout
    }
}

/// How an insert's generated primary key comes back.
public enum GeneratedKeyRead: Sendable, Hashable {
    /// From the `RETURNING` rows, in this column.
    case returning(column: String)
    /// From the connection's last insert id, after each statement (one row per statement).
    case lastInsertID(column: String)
}
