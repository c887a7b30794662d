import Joinery
import Testing

@Suite("Placeholder rewriter")
struct PlaceholderRewriterTests {
    @Test(arguments: [
        ("name = ?", "name = $1", 1),
        ("a = ? AND b IN (?, ?)", "a = $1 AND b IN ($2, $3)", 3),
        ("note = '?' AND x = ?", "note = '?' AND x = $1", 1),
        ("note = 'it''s ?' AND x = ?", "note = 'it''s ?' AND x = $1", 1),
        (#"note = E'it\'s ?' AND x = ?"#, #"note = E'it\'s ?' AND x = $1"#, 1),
        (#"name LIKE'a\' AND x = ?"#, #"name LIKE'a\' AND x = $1"#, 1),
        (#""we?ird" = ?"#, #""we?ird" = $1"#, 1),
        ("`we?ird` = ?", "`we?ird` = $1", 1),
        ("x = ? -- why?\n AND y = ?", "x = $1 -- why?\n AND y = $2", 2),
        ("x = ? /* a? /* nested? */ still? */ AND y = ?", "x = $1 /* a? /* nested? */ still? */ AND y = $2", 2),
        ("body = $$what?$$ AND x = ?", "body = $$what?$$ AND x = $1", 1),
        ("body = $fn$ what? $fn$ AND x = ?", "body = $fn$ what? $fn$ AND x = $1", 1),
        // Tags as PostgreSQL lexes them: digits after the first character, non-ASCII letters.
        ("body = $q1$ what? $q1$ AND x = ?", "body = $q1$ what? $q1$ AND x = $1", 1),
        ("body = $größe$ what? $größe$ AND x = ?", "body = $größe$ what? $größe$ AND x = $1", 1),
        // A `$` inside an identifier is part of its name.
        ("price$1 = ?", "price$1 = $1", 1),
        ("no placeholders", "no placeholders", 0),
    ])
    func rewritesOnlyRealPlaceholders(input: String, expected: String, count: Int) throws {
        #expect(PlaceholderRewriter.count(in: input) == count)
        #expect(try PlaceholderRewriter.rewrite(input, style: .dollarNumbered, argumentCount: count) == expected)
        #expect(try PlaceholderRewriter.rewrite(input, style: .questionMark, argumentCount: count) == input)
    }

    @Test func numbersFromAnOffset() throws {
        #expect(try PlaceholderRewriter.rewrite("name = ?", style: .dollarNumbered, startingAt: 4, argumentCount: 1) == "name = $4")
    }

    @Test func wrongArgumentCountIsATypedError() {
        for (sql, count) in [("name = ?", 0), ("name = ?", 2), ("a = ? AND b = ?", 1)] {
            #expect {
                _ = try PlaceholderRewriter.rewrite(sql, style: .dollarNumbered, argumentCount: count)
            } throws: { error in
                guard let error = error as? JoineryError else { return false }
                return error.kind == .parameterCount && error.message.contains(sql)
            }
        }
    }

    @Test(arguments: ["name = $1", "name = ? AND id = $2", "x = $1$"])
    func aNumberedPlaceholderInAFragmentIsMisuse(sql: String) {
        for style in [PlaceholderStyle.dollarNumbered, .questionMark] {
            #expect {
                _ = try PlaceholderRewriter.rewrite(sql, style: style, argumentCount: PlaceholderRewriter.count(in: sql))
            } throws: { error in
                (error as? JoineryError)?.kind == .misuse
            }
        }
    }

    @Test func aListPlaceholderIsExpanded() {
        #expect(PlaceholderRewriter.expandingFirstPlaceholder(of: "id IN ?", into: 3) == "id IN (?, ?, ?)")
        #expect(PlaceholderRewriter.expandingFirstPlaceholder(of: "id IN ( ? )", into: 2) == "id IN ( ?, ? )")
        #expect(PlaceholderRewriter.expandingFirstPlaceholder(of: "id IN ?", into: 0) == "id IN (NULL)")
        #expect(PlaceholderRewriter.expandingFirstPlaceholder(of: "note <> '?' AND id IN ? AND x = ?", into: 2)
            == "note <> '?' AND id IN (?, ?) AND x = ?")
    }

    @Test func highestNumberedPlaceholder() {
        #expect(PlaceholderRewriter.highestNumberedPlaceholder(in: "SELECT $1, $3, '$9', $$ $7 $$ -- $8") == 3)
        #expect(PlaceholderRewriter.highestNumberedPlaceholder(in: "SELECT 1") == 0)
        #expect(PlaceholderRewriter.highestNumberedPlaceholder(in: "SELECT $12") == 12)
    }
}
