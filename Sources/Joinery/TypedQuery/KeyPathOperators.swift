// Comparisons of a model's field with a value, written with its key path:
// `\Profile.name == "jinzhu"` is a ``ModelCondition`` that a query's `filter`, a join's `on:` or
// a preload's `filter:` takes.

/// `field = ?`, or `field IS NULL` when the value is nil.
public func == <Root: Model, Value: SQLValueConvertible>(field: KeyPath<Root, Value>, value: Value) -> ModelCondition<Root> {
    let column = Operand.column(Root.reference(to: field))
    let bound = value.sqlValue
    return ModelCondition(bound.isNull ? .isNull(column) : .comparison(column, .equal, .value(bound)))
}

/// `field <> ?`, or `field IS NOT NULL` when the value is nil.
public func != <Root: Model, Value: SQLValueConvertible>(field: KeyPath<Root, Value>, value: Value) -> ModelCondition<Root> {
    let column = Operand.column(Root.reference(to: field))
    let bound = value.sqlValue
    return ModelCondition(bound.isNull ? .isNotNull(column) : .comparison(column, .notEqual, .value(bound)))
}

/// `field < ?`.
public func < <Root: Model, Value: SQLValueConvertible>(field: KeyPath<Root, Value>, value: Value) -> ModelCondition<Root> {
    compare(field, .less, value)
}

/// `field <= ?`.
public func <= <Root: Model, Value: SQLValueConvertible>(field: KeyPath<Root, Value>, value: Value) -> ModelCondition<Root> {
    compare(field, .lessOrEqual, value)
}

/// `field > ?`.
public func > <Root: Model, Value: SQLValueConvertible>(field: KeyPath<Root, Value>, value: Value) -> ModelCondition<Root> {
    compare(field, .greater, value)
}

/// `field >= ?`.
public func >= <Root: Model, Value: SQLValueConvertible>(field: KeyPath<Root, Value>, value: Value) -> ModelCondition<Root> {
    compare(field, .greaterOrEqual, value)
}

private func compare<Root: Model, Value: SQLValueConvertible>(
    _ field: KeyPath<Root, Value>, _ comparison: ComparisonOperator, _ value: Value
) -> ModelCondition<Root> {
    ModelCondition(.comparison(.column(Root.reference(to: field)), comparison, .value(value.sqlValue)))
}
