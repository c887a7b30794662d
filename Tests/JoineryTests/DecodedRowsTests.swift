@testable import Joinery
import Synchronization
import Testing

/// The chunked storage rows are decoded into: every model taken out exactly once and every other
/// one destroyed exactly once, however many chunks the rows filled and whichever way they leave
/// (an array, the first alone, changed in place, or left behind).
@Suite("Decoded rows")
struct DecodedRowsTests {
    /// Counts the instances alive: a model that holds one is destroyed when the count drops.
    final class Tracked: Sendable {
        static let alive = Atomic<Int>(0)
        let number: Int
        init(_ number: Int) {
            self.number = number
            Self.alive.add(1, ordering: .relaxed)
        }
        deinit { Self.alive.subtract(1, ordering: .relaxed) }
    }

    struct Item {
        var tracked: Tracked
        var note = ""
    }

    private func filled(_ count: Int) -> DecodedRows<Item> {
        let rows = DecodedRows<Item>()
        for number in 0..<count { rows.append(Item(tracked: Tracked(number))) }
        return rows
    }

    // One test, serialised by being one: the counter is shared.
    @Test func everyModelIsTakenOrDestroyedOnce() {
        let before = Tracked.alive.load(ordering: .relaxed)
        for count in [0, 1, 7, 8, 9, 30, 600] {   // empty, within the first chunk, at its edge, several
            let array = filled(count).takeArray()
            #expect(array.map(\.tracked.number) == Array(0..<count))
        }
        #expect(Tracked.alive.load(ordering: .relaxed) == before, "an array's models leaked or were freed twice")

        for count in [0, 1, 7, 8, 9, 30, 600] {
            let first = filled(count).takeFirst()
            #expect(first?.tracked.number == (count > 0 ? 0 : nil))
            #expect(Tracked.alive.load(ordering: .relaxed) == before + (count > 0 ? 1 : 0), "takeFirst left the others alive")
        }
        #expect(Tracked.alive.load(ordering: .relaxed) == before)

        for count in [1, 9, 30] {
            let rows = filled(count)
            var seen: [Int] = []
            rows.mutateEach { row, model in
                seen.append(row)
                model.pointee.note = "row \(row)"
            }
            #expect(seen == Array(0..<count))
            #expect(rows.takeArray().map(\.note) == (0..<count).map { "row \($0)" })
            _ = filled(count)   // left behind: destroyed with the storage
        }
        #expect(Tracked.alive.load(ordering: .relaxed) == before)
    }
}
