import Joinery
import Testing

/// The drivers' statement cache: the least recently used statement goes first, large statements
/// are kept within a byte budget, and nothing is leaked (every statement not kept is released).
@Suite("Prepared statement cache")
struct PreparedStatementCacheTests {
    final class Released: @unchecked Sendable {
        var names: [String] = []
    }

    @Test func theLeastRecentlyUsedStatementGoesFirst() {
        let released = Released()
        var cache = PreparedStatementCache<String>(capacity: 2) { released.names.append($0) }
        cache.give(back: "a", for: "SELECT a")
        cache.give(back: "b", for: "SELECT b")
        #expect(cache.take("SELECT a") == "a")
        cache.give(back: "a", for: "SELECT a")       // a is now the most recent
        cache.give(back: "c", for: "SELECT c")       // over capacity: b goes
        #expect(released.names == ["b"])
        #expect(cache.take("SELECT b") == nil)
        #expect(cache.take("SELECT a") == "a")
        #expect(cache.take("SELECT c") == "c")
        #expect(cache.count == 0)
    }

    @Test func theSameSQLRunInsideItsOwnRowLoopGetsAFreshStatement() {
        let released = Released()
        var cache = PreparedStatementCache<String>(capacity: 2) { released.names.append($0) }
        cache.give(back: "outer", for: "SELECT a")
        #expect(cache.take("SELECT a") == "outer")
        #expect(cache.take("SELECT a") == nil)            // taken: the caller prepares another
        cache.give(back: "inner", for: "SELECT a")       // the fresh one is not kept
        #expect(released.names == ["inner"])
        cache.give(back: "b", for: "SELECT b")
        cache.give(back: "c", for: "SELECT c")           // over capacity, but "outer" is running: b goes
        #expect(released.names == ["inner", "b"])
        cache.give(back: "outer", for: "SELECT a")
        #expect(cache.take("SELECT a") == "outer")
        cache.discard("outer", for: "SELECT a")          // failed mid-run: gone, not reused
        #expect(cache.take("SELECT a") == nil)
        #expect(released.names == ["inner", "b", "outer"])
        cache.releaseAll()
        #expect(released.names == ["inner", "b", "outer", "c"])
    }

    /// A ticket finds the statement without a second lookup; one made stale by statements
    /// prepared and kept meanwhile (a row loop running other SQL) or removed (a discard) is not
    /// followed — the SQL is looked up — and the statement is still given back, not lost.
    @Test func aTicketStaleAfterTheCacheChangedFallsBackToTheSQL() throws {
        let released = Released()
        var cache = PreparedStatementCache<String>(capacity: 4) { released.names.append($0) }
        cache.give(back: "a", for: "SELECT a")
        cache.give(back: "b", for: "SELECT b")
        let firstTaken = cache.takeWithTicket("SELECT a")
        let first = try #require(firstTaken)
        cache.give(back: first.statement, for: "SELECT a", ticket: first.ticket)
        #expect(cache.count == 2)
        // Taken, then other statements kept and dropped while it ran: its ticket is stale.
        let outerTaken = cache.takeWithTicket("SELECT a")
        let outer = try #require(outerTaken)
        for name in ["c", "d", "e"] { cache.give(back: name, for: "SELECT \(name)") }   // over capacity: b goes
        cache.discard("d", for: "SELECT d")
        cache.give(back: outer.statement, for: "SELECT a", ticket: outer.ticket)
        #expect(released.names == ["b", "d"])
        #expect(cache.take("SELECT a") == "a")
        // A statement that is not the one the ticket names is released, as without a ticket.
        let takenTaken = cache.takeWithTicket("SELECT c")
        let taken = try #require(takenTaken)
        cache.give(back: "other", for: "SELECT c", ticket: taken.ticket)
        #expect(released.names == ["b", "d", "other"])
        cache.give(back: taken.statement, for: "SELECT c", ticket: taken.ticket)
        #expect(cache.take("SELECT c") == "c")
    }

    @Test func largeStatementsAreKeptWithinTheBudget() {
        let released = Released()
        var cache = PreparedStatementCache<String>(capacity: 10, byteBudget: 100) { released.names.append($0) }
        let large = "SELECT * FROM users WHERE id IN (" + Array(repeating: "?", count: 20).joined(separator: ", ") + ")"
        #expect(large.utf8.count > 50 && large.utf8.count <= 100)
        cache.give(back: "large", for: large)
        #expect(cache.take(large) == "large")            // kept: a preload runs it again
        cache.give(back: "large", for: large)
        cache.give(back: "small", for: "SELECT 1")
        let huge = String(repeating: "x", count: 101)
        cache.give(back: "huge", for: huge)              // larger than the whole budget
        #expect(released.names == ["huge"])
        cache.give(back: "other", for: String(repeating: "y", count: 60))  // pushes the large one out
        #expect(released.names == ["huge", "large"])
        cache.releaseAll()
        #expect(Set(released.names) == ["huge", "large", "small", "other"])
    }

    /// Keys are the bytes the engine prepared: canonically equivalent text in other bytes (an
    /// identifier precomposed, then decomposed) is another statement (seen failing with the cache
    /// keyed by `String`), and long statements that differ in one byte are told apart.
    @Test func statementsAreKeyedByTheirExactBytes() {
        let released = Released()
        var cache = PreparedStatementCache<String>(capacity: 10) { released.names.append($0) }
        let precomposed = "SELECT \"caf\u{E9}\" FROM t", decomposed = "SELECT \"cafe\u{301}\" FROM t"
        #expect(precomposed == decomposed, "Swift calls them equal")
        cache.give(back: "nfc", for: precomposed)
        #expect(cache.take(decomposed) == nil)
        cache.give(back: "nfd", for: decomposed)
        #expect(cache.take(precomposed) == "nfc")
        #expect(cache.take(decomposed) == "nfd")
        let padding = String(repeating: "x", count: 200)
        let first = "SELECT a FROM t WHERE \(padding) = 1 AND \(padding) = 2"
        let second = "SELECT a FROM t WHERE \(padding) = 7 AND \(padding) = 2"
        cache.give(back: "first", for: first)
        cache.give(back: "second", for: second)
        #expect(cache.take(first) == "first")
        #expect(cache.take(second) == "second")
        #expect(released.names.isEmpty)
    }
    /// A statement taken is found again by where its text's bytes live (the plan cache runs the
    /// same `String`), without hashing the text; once an entry has been added or removed, that
    /// memory is not trusted: a statement pushed out or discarded is not handed out again, and
    /// the same text in another `String` is still found by its bytes.
    @Test func aStatementFoundByWhereItsTextLivesIsForgottenWhenTheCacheChanges() throws {
        let released = Released()
        var cache = PreparedStatementCache<String>(capacity: 1) { released.names.append($0) }
        let sql = "SELECT \"profiles\".\"id\" FROM \"profiles\" WHERE \"profiles\".\"id\" = ?"
        let sameText = String(decoding: Array(sql.utf8), as: UTF8.self)
        cache.give(back: "first", for: sql)
        for _ in 0..<3 {
            let takenOnce = cache.takeWithTicket(sql)
            let taken = try #require(takenOnce)
            #expect(taken.statement == "first")
            cache.give(back: taken.statement, for: sql, ticket: taken.ticket)
        }
        #expect(cache.take(sameText) == "first")
        cache.give(back: "first", for: sameText)
        // Over capacity: the first statement goes; its text, run again, finds nothing.
        cache.give(back: "other", for: "SELECT \"users\".\"id\" FROM \"users\"")
        #expect(released.names == ["first"])
        #expect(cache.take(sql) == nil)
        // Kept again, taken (remembered), then discarded: gone.
        cache.give(back: "second", for: sql)
        #expect(released.names == ["first", "other"])
        #expect(cache.take(sql) == "second")
        cache.discard("second", for: sql)
        #expect(cache.take(sql) == nil)
        #expect(cache.take(sameText) == nil)
        #expect(released.names == ["first", "other", "second"])
    }
}
