/// The column values of models of one type, row after row in one array (each row in
/// ``ModelDeclaration/fields`` order): how a create reads its models once and keeps the values
/// in step with every key written into them, without an array per model — a batch of 1,000
/// models is one allocation, not 1,000.
struct ColumnValueTable {
    /// Values per row: the model type's number of fields.
    let width: Int
    /// The rows, one after another.
    private(set) var values: [SQLValue]
    /// The number of rows (kept apart: a model with no fields still has its rows).
    private(set) var count: Int

    /// An empty table of rows `width` values wide, with room for `capacity` rows.
    init(width: Int, capacity: Int) {
        self.width = width
        values = []
        values.reserveCapacity(width * capacity)
        count = 0
    }

    /// One row: `values` themselves, not copied.
    init(row values: [SQLValue]) {
        width = values.count
        self.values = values
        count = 1
    }

    /// The column values of `models`, read once each (``Model/appendColumnValues(to:)``).
    /// Throws ``JoineryError/Kind/misuse`` for a model that gives other than one value per field.
    init<M: Model>(_ models: [M]) throws {
        self.init(width: M.modelDeclaration.fields.count, capacity: models.count)
        for model in models { try append(model) }
    }

    /// Appends `model`'s column values as a row.
    mutating func append<M: Model>(_ model: M) throws {
        let start = values.count
        model.appendColumnValues(to: &values)
        guard values.count - start == width else {
            let given = values.count - start
            values.removeSubrange(start...)
            throw JoineryError.misuse(
                "\(M.self) gives \(given) column values for its \(width) fields", model: M.modelDeclaration.name)
        }
        count += 1
    }

    /// Drops the last row (there must be one).
    mutating func removeLast() {
        values.removeLast(width)
        count -= 1
    }

    /// The value at `column` of row `row`. Both must be in range (the callers check `column`
    /// against ``width``).
    subscript(row: Int, column: Int) -> SQLValue {
        get { values[row * width + column] }
        set { values[row * width + column] = newValue }
    }

    /// Row `row`'s values, as an array of their own (for the paths that plan rows one by one).
    func row(_ row: Int) -> [SQLValue] {
        Array(values[(row * width)..<(row * width + width)])
    }
}
