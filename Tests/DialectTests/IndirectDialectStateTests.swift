import EngineTestSupport
import Joinery
import JoineryMariaDB
import JoineryPostgreSQL
import JoinerySQLite
import Testing

/// The built-in dialects keep their version and capabilities `@Indirect`: small enough for an
/// existential's inline buffer (no heap box each time `lower` hands one to its writer), and
/// still values.
@Suite("Dialect state behind references")
struct IndirectDialectStateTests {
    @Test func theBuiltInDialectsFitAnExistentialsInlineBuffer() {
        // Three words: larger, `any SQLDialect` boxes the dialect on the heap.
        let inline = 3 * MemoryLayout<Int>.size
        #expect(MemoryLayout<SQLiteDialect>.size <= inline)
        #expect(MemoryLayout<PostgreSQLDialect>.size <= inline)
        #expect(MemoryLayout<MariaDBDialect>.size <= inline)
    }

    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        let original = PostgreSQLDialect(version: EngineVersion(15))
        var changed = original
        changed.capabilities.maxBindParameters = 3
        changed.version = EngineVersion(16, 2)
        #expect(original.capabilities.maxBindParameters == PostgreSQLDialect().capabilities.maxBindParameters)
        #expect(original.version == EngineVersion(15))
        #expect(changed.capabilities.maxBindParameters == 3 && changed.version == EngineVersion(16, 2))
        // The writer of each reads its own capabilities.
        #expect(SQLWriter(dialect: changed).dialect.capabilities.maxBindParameters == 3)
        #expect(SQLWriter(dialect: original).dialect.capabilities.maxBindParameters != 3)
    }
}
