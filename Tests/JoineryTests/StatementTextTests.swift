import Joinery
import Testing

/// The NUL check every text value and statement goes through, on short (inline) and long
/// strings, at the start, middle and end, next to non-ASCII text.
@Suite("Statement text")
struct StatementTextTests {
    @Test func aNULIsFoundWhereverItIs() throws {
        let long = String(repeating: "précis ", count: 40)
        for text in ["", "a", "short", long, "日本語", long + "日本語"] {
            #expect(!StatementText.containsNUL(text), "\(text)")
            #expect(StatementText.containsNUL("\u{0}" + text))
            #expect(StatementText.containsNUL(text + "\u{0}"))
            #expect(StatementText.containsNUL(String(text.prefix(3)) + "\u{0}" + String(text.dropFirst(3))))
        }
        #expect(throws: JoineryError.self) { try StatementText.requireNoNUL("SELECT 1\u{0}; DROP TABLE keep") }
        try StatementText.requireNoNUL("SELECT 'précis'")
    }
}
