@testable import Joinery
import Testing

/// The table preloads match integer keys with: every key found, the last row set wins, an
/// absent key is absent, and it grows past the capacity it was made for.
@Suite("Integer key index")
struct IntegerKeyIndexTests {
    @Test func keysAreFoundAcrossCollisionsAndGrowth() {
        // Made for 4, given 5,000 keys, extremes and runs of neighbours among them.
        var index = IntegerKeyIndex(capacity: 4)
        let keys: [Int64] = [0, -1, 1, .min, .max, .min + 1, .max - 1] + (2...4_994).map { Int64($0) * 1_024 }
        for (row, key) in keys.enumerated() {
            let added = index.insert(key, row: row)
            #expect(added)
        }
        #expect(index.count == keys.count)
        for (row, key) in keys.enumerated() {
            #expect(index.row(of: key) == row)
            let addedAgain = index.insert(key, row: 99_999)   // there already: kept as it was
            #expect(!addedAgain)
            #expect(index.row(of: key) == row)
        }
        #expect(index.row(of: 7) == nil)
        #expect(index.row(of: 1_025) == nil)
        // `set` replaces: the last row set for a key wins, as a dictionary's subscript does.
        index.set(.min, row: 12)
        index.set(.min, row: 13)
        #expect(index.row(of: .min) == 13)
        #expect(index.count == keys.count)
    }
}
