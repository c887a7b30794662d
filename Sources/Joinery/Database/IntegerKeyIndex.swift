/// Integer keys to row numbers, for matching preloaded parents to their children: an open-addressed
/// table of a power-of-two size, probed linearly. `Dictionary<Int64, Int>` and `Set<Int64>` hash
/// each key with SipHash (about 90 instructions), three times for each key of a preload (told
/// apart, then each parent indexed, then each child looked up) — 3–4 % of a large preload; this
/// table mixes a key with a few multiplies.
///
/// The mix is seeded once per process, so that keys chosen to collide (foreign keys are data)
/// cannot be worked out without it; the table is at most three quarters full.
struct IntegerKeyIndex {
    private var keys: [Int64]
    /// The row of each slot's key; -1 marks an empty slot.
    private var rows: [Int]
    private let mask: Int
    private(set) var count = 0

    private static let seed = UInt64.random(in: .min ... .max)

    /// An index with room for `capacity` keys.
    init(capacity: Int) {
        var size = 16
        while size < capacity + capacity / 3 + 1 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        rows = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The slot where a search for `key` starts (SplitMix64's finaliser over the seeded key).
    @inline(__always)
    private func start(_ key: Int64) -> Int {
        var mixed = UInt64(bitPattern: key) ^ Self.seed
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
        mixed ^= mixed >> 31
        return Int(truncatingIfNeeded: mixed) & mask
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: Int64) -> Int {
        var slot = start(key)
        while rows[slot] >= 0, keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// Gives `key` the row `row`, replacing the row it had (the last one set wins).
    mutating func set(_ key: Int64, row: Int) {
        assert(row >= 0, "a row number is never negative")
        growIfFull()
        let slot = slot(of: key)
        if rows[slot] < 0 {
            keys[slot] = key
            count += 1
        }
        rows[slot] = row
    }

    /// Adds `key` with the row `row` unless it is there already; whether it was added.
    mutating func insert(_ key: Int64, row: Int) -> Bool {
        assert(row >= 0, "a row number is never negative")
        growIfFull()
        let slot = slot(of: key)
        guard rows[slot] < 0 else { return false }
        keys[slot] = key
        rows[slot] = row
        count += 1
        return true
    }

    /// The row of `key`, or nil.
    func row(of key: Int64) -> Int? {
        let row = rows[slot(of: key)]
        return row >= 0 ? row : nil
    }

    /// Keeps the table at most three quarters full (it is sized for its keys up front, so this
    /// runs only when a caller under-estimated).
    private mutating func growIfFull() {
        guard (count + 1) * 4 > rows.count * 3 else { return }
        var grown = IntegerKeyIndex(capacity: rows.count)
        for slot in rows.indices where rows[slot] >= 0 { grown.set(keys[slot], row: rows[slot]) }
        self = grown
    }
}
