import Synchronization

/// What creating a model of one type needs from the schema, worked out on the type's first
/// create under a schema generation and kept in the plan cache (``PlanCache/createRecipe(for:generation:dialect:capabilities:make:)``):
/// its table, where its timestamps and generated key sit, and for each belongs-to parent the
/// rule that says whether to insert it and where its key goes. A create then reads positions
/// instead of looking names up in the schema, building the parent's rule and copying the table
/// and the declaration for every model (each copy a dozen retains and releases, which on a busy
/// server are atomic instructions on shared cache lines).
///
/// It also keeps the insert statements of the type's creates by which columns are NULL: a create
/// of a shape seen before takes its lowered `INSERT` from here without hashing a plan-cache key.
final class CreateRecipe: Sendable {
    /// The model's table.
    let table: TableSchema
    /// Every column's name, in the table's (and the model's column values') order.
    let columnNames: [String]
    /// The belongs-to parents, in declaration order.
    let parents: [ParentStep]
    /// Where `updatedAt` (stamped on every insert) and `createdAt` (stamped when NULL) sit.
    let stamps: [(position: Int, always: Bool)]
    /// The position of each column by name, for the generated key a plan names.
    private let positions: [String: Int]

    /// What the recipe was made under: another generation, dialect or set of capabilities makes its own.
    let generation: Int
    let dialect: ObjectIdentifier
    let capabilities: PlanCache.CapabilitiesNumber

    /// Insert statements by the columns that are NULL (a bit per position): a few per type.
    private let inserts = Mutex<[(nulls: UInt64, entry: PlanCache.Entry)]>([])
    private static let insertLimit = 16

    /// Multi-row inserts (`create(&array)`) lowered with markers, by the NULL columns every row
    /// shares and the number of rows; and the batch shapes seen once, which are lowered with
    /// markers only when seen again (a one-off batch size would pay for lowering twice).
    private let batches = Mutex<(kept: [BatchKey: BatchInsert], seen: Set<BatchKey>)>(([:], []))
    /// The most batch shapes kept, and the most values one may hold (its markers are kept too).
    static let batchLimit = (count: 8, values: 16_384)

    struct BatchKey: Hashable, Sendable {
        var nulls: UInt64
        var rows: Int
    }

    /// A multi-row insert planned and lowered with a marker for each value.
    struct BatchInsert: Sendable {
        /// The plan: its statements hold markers (what observers see, values restored).
        let plan: QueryPlan
        /// Each planned statement lowered, and where its bindings take their values from.
        let statements: [BatchStatement]
    }

    /// One lowered statement of a batch.
    struct BatchStatement: Sendable {
        /// The statement lowered with markers, and where each binding takes its value from.
        let cached: PlanCache.CachedStatement
        /// Where its values start, when its bindings are values in order and nothing else (the
        /// common case): they are then a slice of the batch's values, not bound one by one.
        let contiguousFrom: Int?

        init(_ cached: PlanCache.CachedStatement) {
            self.cached = cached
            let first = cached.markers.first ?? 0
            contiguousFrom = cached.markers.enumerated().allSatisfy { $0.element == first + $0.offset } ? first : nil
        }

        /// The statement with `values` bound.
        func bound(_ values: [SQLValue]) -> LoweredStatement {
            let count = cached.markers.count
            if let start = contiguousFrom, start + count <= values.count {
                // One statement binding all of them (the common case) shares the array.
                let bindings = start == 0 && count == values.count ? values : Array(values[start..<start + count])
                return LoweredStatement(sql: cached.lowered.sql, bindings: bindings)
            }
            return cached.bound(values, [])
        }
    }

    /// One belongs-to parent: its relation, and for the parent type it is declared with, its
    /// write rule and key positions. A parent of another dynamic type (a hand-written model with
    /// no `associationTypes`) has them worked out on each create.
    struct ParentStep: Sendable {
        let relation: BelongsToRelation
        let declared: (type: ObjectIdentifier, rule: ParentWrite.Rule, key: ReferencedKey)?
        /// For each foreign key field (in the relation's order): its position among the owner's
        /// column values and whether it can be nil; nil for a field the owner does not have.
        let foreignKeys: [(position: Int, isNullable: Bool)?]

        /// The write rule and key positions for a parent of `parentType`.
        func ruleAndKey(for parentType: any Model.Type, owner: any Model.Type, in schema: Schema) throws -> (ParentWrite.Rule, ReferencedKey) {
            if let declared, declared.type == ObjectIdentifier(parentType) { return (declared.rule, declared.key) }
            return (try ParentWrite.Rule(for: parentType, in: schema), ReferencedKey(relation, parent: parentType, owner: owner))
        }
    }

    init(
        for type: any Model.Type, in schema: Schema, generation: Int, dialect: ObjectIdentifier,
        capabilities: PlanCache.CapabilitiesNumber
    ) throws {
        let declaration = type.modelDeclaration
        guard let table = schema.table(forModel: declaration.name) else {
            throw JoineryError.misuse("\(type) is not a model of this database", model: "\(type)")
        }
        self.table = table
        self.generation = generation
        self.dialect = dialect
        self.capabilities = capabilities
        columnNames = table.columns.map(\.name)
        positions = Dictionary(table.columns.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        stamps = table.columns.enumerated().compactMap { position, column in
            switch column.role {
            case .updatedAt: (position, true)
            case .createdAt: (position, false)
            default: nil
            }
        }
        let fields = declaration.fields
        let associationTypes = type.associationTypes
        parents = try table.belongsTo.map { relation in
            let declared = try associationTypes[relation.name].map { parentType in
                (ObjectIdentifier(parentType), try ParentWrite.Rule(for: parentType, in: schema),
                    ReferencedKey(relation, parent: parentType, owner: type))
            }
            let foreignKeys = relation.foreignKeyFields.map { field in
                fields.firstIndex { $0.name == field }.map { (position: $0, isNullable: fields[$0].isNullable) }
            }
            return ParentStep(relation: relation, declared: declared, foreignKeys: foreignKeys)
        }
    }

    /// Whether the recipe was made under these.
    func fits(generation: Int, dialect: ObjectIdentifier, capabilities: PlanCache.CapabilitiesNumber) -> Bool {
        self.generation == generation && self.dialect == dialect && self.capabilities == capabilities
    }

    /// The position of the column `name`.
    func position(ofColumn name: String) -> Int? { positions[name] }

    /// The insert statement kept for rows whose NULL columns are `nulls`.
    func insert(nulls: UInt64) -> PlanCache.Entry? {
        inserts.withLock { kept in kept.first { $0.nulls == nulls }?.entry }
    }

    /// How many multi-row inserts are kept.
    var keptBatchCount: Int { batches.withLock { $0.kept.count } }

    /// The multi-row insert kept for `key`.
    func batch(_ key: BatchKey) -> BatchInsert? {
        batches.withLock { $0.kept[key] }
    }

    /// Notes a batch of shape `key`; true when it was seen before, and is worth lowering to keep.
    func noteBatch(_ key: BatchKey) -> Bool {
        batches.withLock { state in
            if state.seen.contains(key) { return true }
            if state.seen.count < 64 { state.seen.insert(key) }
            return false
        }
    }

    /// Keeps a multi-row insert for `key` (a few shapes at most).
    func keep(_ batch: BatchInsert, for key: BatchKey) {
        batches.withLock { state in
            guard state.kept.count < Self.batchLimit.count else { return }
            state.kept[key] = batch
        }
    }

    /// Keeps the insert statement for rows whose NULL columns are `nulls` (a few shapes at most).
    func keep(_ entry: PlanCache.Entry, nulls: UInt64) {
        inserts.withLock { kept in
            guard kept.count < Self.insertLimit, !kept.contains(where: { $0.nulls == nulls }) else { return }
            kept.append((nulls, entry))
        }
    }
}
