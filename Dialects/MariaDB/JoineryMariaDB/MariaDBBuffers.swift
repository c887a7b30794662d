import CMariaDB
import Joinery

/// `MYSQL_BIND`s for a statement's parameters, and the memory they point into. Freed on deinit,
/// so the owner keeps it alive across `mysql_stmt_execute`.
final class MariaDBParameterBuffers {
    let binds: UnsafeMutablePointer<MYSQL_BIND>
    private let count: Int
    /// Every value's bytes in one allocation, each value at an 8-byte boundary: an allocation
    /// per value (and, for text, an array of its bytes besides) was most of the cost of binding
    /// a preload's `IN` list or a batch insert's rows.
    private let storage: UnsafeMutableRawPointer

    init(_ values: [SQLValue]) {
        count = values.count
        binds = .allocate(capacity: max(count, 1))
        binds.initialize(repeating: MYSQL_BIND(), count: max(count, 1))
        var size = 0
        for value in values { size += Self.slotSize(of: value) }
        storage = .allocate(byteCount: max(size, 8), alignment: 8)
        var offset = 0
        for (index, value) in values.enumerated() {
            let memory = storage + offset
            offset += Self.slotSize(of: value)
            switch value {
            case .null:
                binds[index].buffer_type = MYSQL_TYPE_NULL
            case .integer(let integer):
                store(integer, in: memory, at: index, type: MYSQL_TYPE_LONGLONG)
            case .double(let double):
                store(double, in: memory, at: index, type: MYSQL_TYPE_DOUBLE)
            case .bool(let bool):
                store(Int8(bool ? 1 : 0), in: memory, at: index, type: MYSQL_TYPE_TINY)
            case .text(var text):
                let length = text.withUTF8 { bytes in
                    if let base = bytes.baseAddress { memory.copyMemory(from: base, byteCount: bytes.count) }
                    return bytes.count
                }
                point(index, at: memory, length: length, type: MYSQL_TYPE_STRING)
            case .blob(let bytes):
                bytes.withUnsafeBytes { if let base = $0.baseAddress { memory.copyMemory(from: base, byteCount: $0.count) } }
                point(index, at: memory, length: bytes.count, type: MYSQL_TYPE_BLOB)
            case .timestamp(let date):
                let stamp = SQLTimestamp(date)
                var time = MYSQL_TIME()
                time.year = UInt32(clamping: stamp.year)
                time.month = UInt32(stamp.month)
                time.day = UInt32(stamp.day)
                time.hour = UInt32(stamp.hour)
                time.minute = UInt32(stamp.minute)
                time.second = UInt32(stamp.second)
                time.second_part = UInt(stamp.microsecond)
                time.time_type = MYSQL_TIMESTAMP_DATETIME
                store(time, in: memory, at: index, type: MYSQL_TYPE_DATETIME)
            }
        }
    }

    deinit {
        storage.deallocate()
        binds.deinitialize(count: max(count, 1))
        binds.deallocate()
    }

    /// The bytes `value` takes in ``storage``, rounded up to 8. Empty text and blobs take a slot
    /// too: a zero-length value still needs a valid pointer, or it would be sent as NULL.
    private static func slotSize(of value: SQLValue) -> Int {
        let size: Int
        switch value {
        case .null: return 0
        case .integer, .double, .bool: size = 8
        case .text(let text): size = max(text.utf8.count, 1)
        case .blob(let bytes): size = max(bytes.count, 1)
        case .timestamp: size = MemoryLayout<MYSQL_TIME>.size
        }
        return (size + 7) & ~7
    }

    private func store<T>(_ value: T, in memory: UnsafeMutableRawPointer, at index: Int, type: enum_field_types) {
        memory.storeBytes(of: value, as: T.self)
        point(index, at: memory, length: MemoryLayout<T>.size, type: type)
    }

    private func point(_ index: Int, at memory: UnsafeMutableRawPointer, length: Int, type: enum_field_types) {
        binds[index].buffer_type = type
        binds[index].buffer = memory
        binds[index].buffer_length = UInt(length)
    }
}

/// `MYSQL_BIND`s that receive one result row, sized from the buffered result's metadata, and
/// the conversion of each cell to a ``SQLValue``.
final class MariaDBResultBuffers {
    let binds: UnsafeMutablePointer<MYSQL_BIND>
    let columns: RowColumns
    let count: Int
    private let kinds: [Kind]
    private let lengths: UnsafeMutablePointer<UInt>
    private let nulls: UnsafeMutablePointer<my_bool>
    private let errors: UnsafeMutablePointer<my_bool>
    // Constants after init: a `var` would have every read of a cell checked for exclusive
    // access at run time (a sixth of a join's instructions).
    private let buffers: [UnsafeMutableRawPointer]
    private let capacities: [Int]

    /// How a column is read.
    private enum Kind {
        case signed, unsigned, double, time, text, binary, null
    }

    private static let binaryCharset: UInt32 = 63
    private static let unsignedFlag: UInt32 = 32

    init(_ metadata: UnsafeMutablePointer<MYSQL_RES>) {
        count = Int(mysql_num_fields(metadata))
        let fields = mysql_fetch_fields(metadata)
        binds = .allocate(capacity: max(count, 1))
        binds.initialize(repeating: MYSQL_BIND(), count: max(count, 1))
        lengths = .allocate(capacity: max(count, 1))
        lengths.initialize(repeating: 0, count: max(count, 1))
        nulls = .allocate(capacity: max(count, 1))
        nulls.initialize(repeating: 0, count: max(count, 1))
        errors = .allocate(capacity: max(count, 1))
        errors.initialize(repeating: 0, count: max(count, 1))
        var names: [String] = [], kinds: [Kind] = []
        var buffers: [UnsafeMutableRawPointer] = [], capacities: [Int] = []
        for index in 0..<count {
            guard let field = fields?[index] else {
                names.append("")
                kinds.append(.null)
                continue
            }
            names.append(String(cString: field.name))
            let kind: Kind
            let bufferType: enum_field_types
            var size: Int
            switch field.type {
            case MYSQL_TYPE_TINY, MYSQL_TYPE_SHORT, MYSQL_TYPE_LONG, MYSQL_TYPE_INT24, MYSQL_TYPE_LONGLONG, MYSQL_TYPE_YEAR:
                kind = field.flags & Self.unsignedFlag != 0 ? .unsigned : .signed
                bufferType = MYSQL_TYPE_LONGLONG
                size = 8
            case MYSQL_TYPE_FLOAT, MYSQL_TYPE_DOUBLE:
                kind = .double
                bufferType = MYSQL_TYPE_DOUBLE
                size = 8
            case MYSQL_TYPE_DATE, MYSQL_TYPE_DATETIME, MYSQL_TYPE_TIMESTAMP, MYSQL_TYPE_NEWDATE:
                kind = .time
                bufferType = field.type
                size = MemoryLayout<MYSQL_TIME>.stride
            case MYSQL_TYPE_NULL:
                kind = .null
                bufferType = MYSQL_TYPE_NULL
                size = 1
            default:
                // Strings, decimals, blobs, JSON, BIT, TIME, …: read as bytes. The binary
                // charset (63) marks BLOB/BINARY columns; everything else is text.
                let isBinary = field.charsetnr == Self.binaryCharset
                    && field.type != MYSQL_TYPE_NEWDECIMAL && field.type != MYSQL_TYPE_DECIMAL
                kind = isBinary ? .binary : .text
                bufferType = isBinary ? MYSQL_TYPE_BLOB : MYSQL_TYPE_STRING
                size = max(Int(field.max_length), 1)
            }
            kinds.append(kind)
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
            buffers.append(buffer)
            capacities.append(size)
            binds[index].buffer_type = bufferType
            binds[index].buffer = buffer
            binds[index].buffer_length = UInt(size)
            binds[index].is_unsigned = kind == .unsigned ? 1 : 0
            binds[index].length = lengths + index
            binds[index].is_null = nulls + index
            binds[index].error = errors + index
        }
        columns = RowColumns(names)
        self.kinds = kinds
        self.buffers = buffers
        self.capacities = capacities
    }

    deinit {
        buffers.forEach { $0.deallocate() }
        binds.deinitialize(count: max(count, 1))
        binds.deallocate()
        lengths.deallocate()
        nulls.deallocate()
        errors.deallocate()
    }

    /// The value of column `index` in the row just fetched.
    func value(at index: Int, statement: UnsafeMutablePointer<MYSQL_STMT>) -> SQLValue {
        guard index < buffers.count, nulls[index] == 0 else { return .null }
        let buffer = buffers[index]
        switch kinds[index] {
        case .null:
            return .null
        case .signed:
            return .integer(buffer.load(as: Int64.self))
        case .unsigned:
            let value = buffer.load(as: UInt64.self)
            // BIGINT UNSIGNED above Int64.max stays exact as text.
            return Int64(exactly: value).map(SQLValue.integer) ?? .text(String(value))
        case .double:
            return .double(buffer.load(as: Double.self))
        case .time:
            let time = buffer.load(as: MYSQL_TIME.self)
            guard time.month > 0, time.day > 0 else { return .text("0000-00-00 00:00:00") }  // zero date
            let stamp = SQLTimestamp(
                year: Int(time.year), month: Int(time.month), day: Int(time.day), hour: Int(time.hour),
                minute: Int(time.minute), second: Int(time.second), microsecond: Int(time.second_part))
            return .timestamp(stamp.date)
        case .text, .binary:
            let length = Int(lengths[index])
            let bytes: [UInt8]
            if length > capacities[index] {
                // Longer than the buffer (max_length was not computed): fetch the column again whole.
                bytes = refetch(index, length: length, statement: statement)
            } else {
                bytes = Array(UnsafeRawBufferPointer(start: buffer, count: length))
            }
            return kinds[index] == .binary ? .blob(bytes) : .text(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Whether column `index` of the row just fetched is NULL.
    func isNull(at index: Int) -> Bool {
        index >= buffers.count || nulls[index] != 0 || kinds[index] == .null
    }

    /// Column `index` as an integer, read from its buffer; nil for NULL and other kinds.
    func integer(at index: Int) -> Int64? {
        guard !isNull(at: index) else { return nil }
        switch kinds[index] {
        case .signed: return buffers[index].load(as: Int64.self)
        case .unsigned: return Int64(exactly: buffers[index].load(as: UInt64.self))
        default: return nil
        }
    }

    /// Column `index` as a double, read from its buffer; nil for NULL and other kinds.
    func real(at index: Int) -> Double? {
        guard !isNull(at: index), kinds[index] == .double else { return nil }
        return buffers[index].load(as: Double.self)
    }

    /// Column `index` as text, made from its buffer with no copy in between; nil for NULL, other
    /// kinds, and a value longer than the buffer (``value(at:statement:)`` fetches that one).
    func text(at index: Int) -> String? {
        guard !isNull(at: index), kinds[index] == .text else { return nil }
        let length = Int(lengths[index])
        guard length <= capacities[index] else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: buffers[index], count: length), as: UTF8.self)
    }

    private func refetch(_ index: Int, length: Int, statement: UnsafeMutablePointer<MYSQL_STMT>) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: length)
        var bind = MYSQL_BIND()
        var fetchedLength: UInt = 0
        bytes.withUnsafeMutableBytes { storage in
            bind.buffer_type = binds[index].buffer_type
            bind.buffer = storage.baseAddress
            bind.buffer_length = UInt(length)
            withUnsafeMutablePointer(to: &fetchedLength) { lengthPointer in
                bind.length = lengthPointer
                _ = mysql_stmt_fetch_column(statement, &bind, UInt32(index), 0)
            }
        }
        return bytes
    }
}

/// The row just fetched into a statement's result buffers, read in place.
final class MariaDBRowCursor: RowCursor {
    private let results: MariaDBResultBuffers
    private let statement: UnsafeMutablePointer<MYSQL_STMT>

    init(_ results: MariaDBResultBuffers, statement: UnsafeMutablePointer<MYSQL_STMT>) {
        self.results = results
        self.statement = statement
    }

    var columnCount: Int { results.count }

    func columnName(at position: Int) -> String {
        results.columns.names.indices.contains(position) ? results.columns.names[position] : "#\(position)"
    }

    @inline(__always)
    private func checked(_ position: Int) throws -> Int {
        guard position >= 0, position < results.count else { throw noColumn(at: position) }
        return position
    }

    func value(at position: Int) throws -> SQLValue { results.value(at: try checked(position), statement: statement) }
    func isNull(at position: Int) throws -> Bool { results.isNull(at: try checked(position)) }
    func integer(at position: Int) throws -> Int64? { results.integer(at: try checked(position)) }
    func real(at position: Int) throws -> Double? { results.real(at: try checked(position)) }
    func text(at position: Int) throws -> String? { results.text(at: try checked(position)) }
}
