/// A select query's shape, read in place: a hash of it and its values in marker order — what a
/// query of a cached shape pays before its values are bound. Building the shape itself
/// (``SelectQuery/shaped()``) copies every condition and hashing it walks every string through
/// `Hasher`; together that was most of the 1.4–2.6 µs a cached query took. The shape is built
/// only on a miss, to be planned and kept.
///
/// The hash is FNV-1a over the structure and its names (eight bytes a step), with a tag where a value
/// stands (NULL and non-NULL apart, as in a shape). Two queries of one shape hash alike; a
/// collision costs one more comparison (``SelectQuery/hasShape(_:)``), never a wrong plan.
struct ShapeFingerprint {
    private(set) var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The non-NULL values, in the order ``SelectQuery/shaped()`` takes them out.
    private(set) var values: [SQLValue] = []

    private static let prime: UInt64 = 0x100_0000_01b3

    mutating func mix(_ word: Int) {
        hash = (hash ^ UInt64(bitPattern: Int64(word))) &* Self.prime
    }

    mutating func mix(_ flag: Bool) { mix(flag ? 1 : 0) }

    mutating func mix(_ text: String) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { mix(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil { Array(text.utf8).withUnsafeBytes { mix(bytes: $0) } }
        mix(text.utf8.count)
    }

    /// Eight bytes at a time, the last few as one word: a name is hashed on every cached query,
    /// and byte by byte that was a tenth of the lookup.
    private mutating func mix(bytes: UnsafeRawBufferPointer) {
        var hash = self.hash, offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* Self.prime
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for byte in bytes[offset...] { tail = tail << 8 | UInt64(byte) }
            hash = (hash ^ tail) &* Self.prime
        }
        self.hash = hash
    }

    mutating func mix(_ texts: [String]?) {
        guard let texts else { return mix(-1) }
        mix(texts.count)
        for text in texts { mix(text) }
    }

    mutating func take(_ value: SQLValue) {
        if value.isNull { return mix(1) }
        mix(2)
        // The first value as a literal: reserving on an empty array took the slow path, and most
        // queries hold one or two values (the allocation's spare room takes the second).
        guard values.capacity > 0 else { return values = [value] }
        values.append(value)
    }

    mutating func mix(_ reference: ColumnReference) {
        mix(reference.column)
        if let table = reference.table { mix(table) } else { mix(-1) }
    }

    mutating func mix(_ operand: Operand) {
        switch operand {
        case .column(let reference): mix(reference)
        case .value(let value): take(value)
        }
    }

    /// Mixes `condition` in and takes its values; false for a condition without a shape.
    mutating func mix(_ condition: Condition) -> Bool {
        switch condition {
        case .comparison(let left, let op, let right):
            mix(3)
            mix(left)
            mix(op.ordinal)
            mix(right)
        case .and(let conditions), .or(let conditions):
            if case .and = condition { mix(4) } else { mix(5) }
            mix(conditions.count)
            for condition in conditions where !mix(condition) { return false }
        case .not(let condition):
            mix(6)
            return mix(condition)
        case .in(let target, let list):
            mix(7)
            mix(target)
            mix(list.count)
            for value in list { take(value) }
        case .inArray:
            return false
        case .isNull(let target):
            mix(8)
            mix(target)
        case .isNotNull(let target):
            mix(9)
            mix(target)
        case .like(let target, let pattern):
            mix(10)
            mix(target)
            take(.text(pattern))
        case .fragment(let sql, let arguments):
            mix(11)
            mix(sql)
            mix(arguments.count)
            for argument in arguments { take(argument) }
        }
        return true
    }
}

extension SelectQuery {
    /// The fingerprint of this query's shape; nil when it has none (as ``shaped()``).
    func shapeFingerprint() -> ShapeFingerprint? {
        var print = ShapeFingerprint()
        print.mix(model)
        print.mix(columns)
        if let filter {
            print.mix(12)
            guard print.mix(filter) else { return nil }
        }
        print.mix(order.count)
        for term in order {
            print.mix(term.column)
            print.mix(term.descending)
        }
        print.mix(limit ?? -1)
        print.mix(offset ?? -1)
        print.mix(first)
        print.mix(count)
        print.mix(unscoped)
        print.mix(includes.count)
        for index in includes.indices {
            print.mix(includes[index].path)
            print.mix(includes[index].mode.ordinal)
            print.mix(includes[index].unscoped)
            print.mix(includes[index].columns)
            if let filter = includes[index].filter {
                print.mix(12)
                guard print.mix(filter) else { return nil }
            }
        }
        return print
    }

    /// Whether `shape` — a query's ``shaped()`` form — is this query's shape: the same in all
    /// but the values, where this query has a value the shape has a marker, and where it has
    /// NULL the shape has NULL. Compared in place, nothing copied.
    func hasShape(_ shape: SelectQuery) -> Bool {
        guard model == shape.model, limit == shape.limit, offset == shape.offset, first == shape.first,
            count == shape.count, unscoped == shape.unscoped, columns == shape.columns, order == shape.order,
            Condition.matches(filter, shape: shape.filter), includes.count == shape.includes.count
        else { return false }
        // By index, each field in place: iterating copied every include (and retained its parts).
        for index in includes.indices {
            guard includes[index].path == shape.includes[index].path, includes[index].mode == shape.includes[index].mode,
                includes[index].unscoped == shape.includes[index].unscoped,
                includes[index].columns == shape.includes[index].columns,
                Condition.matches(includes[index].filter, shape: shape.includes[index].filter)
            else { return false }
        }
        return true
    }
}

extension Condition {
    /// Whether `shape` is `condition` with markers in place of its non-NULL values. A shape holds
    /// only NULL or a marker where a value stands, so NULL-ness alone tells them apart.
    static func matches(_ condition: Condition?, shape: Condition?) -> Bool {
        switch (condition, shape) {
        case (nil, nil): return true
        case (let condition?, let shape?): return matches(condition, shape: shape)
        default: return false
        }
    }

    private static func matches(_ condition: Condition, shape: Condition) -> Bool {
        switch (condition, shape) {
        case (.comparison(let left, let op, let right), .comparison(let shapeLeft, let shapeOp, let shapeRight)):
            return op == shapeOp && matches(left, shape: shapeLeft) && matches(right, shape: shapeRight)
        case (.and(let conditions), .and(let shapes)), (.or(let conditions), .or(let shapes)):
            guard conditions.count == shapes.count else { return false }
            for (condition, shape) in zip(conditions, shapes) where !matches(condition, shape: shape) { return false }
            return true
        case (.not(let condition), .not(let shape)):
            return matches(condition, shape: shape)
        case (.in(let target, let list), .in(let shapeTarget, let shapeList)):
            return matches(target, shape: shapeTarget) && matches(list, shape: shapeList)
        case (.isNull(let target), .isNull(let shapeTarget)), (.isNotNull(let target), .isNotNull(let shapeTarget)):
            return matches(target, shape: shapeTarget)
        case (.like(let target, _), .like(let shapeTarget, _)):
            // A pattern is always taken out: the shape's is a marker.
            return matches(target, shape: shapeTarget)
        case (.fragment(let sql, let arguments), .fragment(let shapeSQL, let shapeArguments)):
            return sql == shapeSQL && matches(arguments, shape: shapeArguments)
        default:
            return false
        }
    }

    private static func matches(_ operand: Operand, shape: Operand) -> Bool {
        switch (operand, shape) {
        case (.column(let reference), .column(let shapeReference)): return reference == shapeReference
        case (.value(let value), .value(let shapeValue)): return value.isNull == shapeValue.isNull
        default: return false
        }
    }

    private static func matches(_ values: [SQLValue], shape: [SQLValue]) -> Bool {
        guard values.count == shape.count else { return false }
        for (value, shapeValue) in zip(values, shape) where value.isNull != shapeValue.isNull { return false }
        return true
    }
}

extension ComparisonOperator {
    /// A small number of its own, for hashing (its raw value is a `String` made on each read).
    var ordinal: Int {
        switch self {
        case .equal: 0
        case .notEqual: 1
        case .less: 2
        case .lessOrEqual: 3
        case .greater: 4
        case .greaterOrEqual: 5
        }
    }
}

extension IncludeMode {
    /// A small number of its own, for hashing.
    var ordinal: Int {
        switch self {
        case .preload: 0
        case .leftJoin: 1
        case .innerJoin: 2
        }
    }
}
