/// The plan cache's select entries, by their shape's fingerprint, in a table of its own: open
/// addressing over a power-of-two array of slots, the fingerprint's own bits as the index. A
/// `Dictionary` hashed each fingerprint again with `Hasher` and copied out an array of candidates
/// on every lookup: a third of what a cached query cost once its shape was matched.
///
/// Entries of one fingerprint (colliding shapes) sit in the slots that follow; a lookup walks the
/// run of filled slots from the fingerprint's own, as any open-addressed table does.
struct SelectEntryTable {
    private var slots: [PlanCache.Entry?]
    private(set) var count = 0

    init(minimumCapacity: Int) {
        var size = 16
        while size < minimumCapacity * 2 { size *= 2 }
        slots = Array(repeating: nil, count: size)
    }

    private var mask: Int { slots.count - 1 }

    /// The first entry of fingerprint `bucket` from its own slot on (or after `previous`, the
    /// slot an earlier call returned), and its slot; nil when there is none.
    func candidate(bucket: Int, after previous: Int? = nil) -> (entry: PlanCache.Entry, slot: Int)? {
        var slot = previous.map { ($0 + 1) & mask } ?? bucket & mask
        while let entry = slots[slot] {
            if entry.selectKey?.bucket == bucket { return (entry, slot) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Puts `entry` in slot `slot` (a slot `candidate` returned), in place of the entry there.
    mutating func replace(at slot: Int, with entry: PlanCache.Entry) {
        slots[slot] = entry
    }

    /// Adds `entry` under its fingerprint; the table grows when half full.
    mutating func insert(_ entry: PlanCache.Entry) {
        if (count + 1) * 2 > slots.count { rebuild(keeping: entries, size: slots.count * 2) }
        place(entry)
        count += 1
    }

    /// Every entry, in no order.
    var entries: [PlanCache.Entry] { slots.compactMap { $0 } }

    /// Drops the entries `isRemoved` picks, the rest placed anew (an open-addressed table cannot
    /// leave holes in a run).
    mutating func removeAll(where isRemoved: (PlanCache.Entry) -> Bool) {
        rebuild(keeping: entries.filter { !isRemoved($0) }, size: slots.count)
    }

    private mutating func rebuild(keeping kept: [PlanCache.Entry], size: Int) {
        slots = Array(repeating: nil, count: size)
        count = kept.count
        for entry in kept { place(entry) }
    }

    private mutating func place(_ entry: PlanCache.Entry) {
        var slot = (entry.selectKey?.bucket ?? 0) & mask
        while slots[slot] != nil { slot = (slot + 1) & mask }
        slots[slot] = entry
    }
}
