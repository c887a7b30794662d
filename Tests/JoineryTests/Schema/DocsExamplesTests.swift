import Foundation
import Joinery
import Testing

/// docs/associations.md shows only code that compiles: every Swift block in it must appear, line
/// for line (indentation aside), in this test target's sources.
@Suite("Docs examples")
struct DocsExamplesTests {
    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Lines without surrounding or repeated white space, blank lines dropped.
    private static func normalized(_ text: some StringProtocol) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
    }

    private static func swiftBlocks(in markdown: String) -> [String] {
        var blocks: [String] = [], current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("```swift") {
                current = []
            } else if current != nil, line.hasPrefix("```") {
                blocks.append(current.map { $0.joined(separator: "\n") } ?? "")
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func everySwiftBlockOfTheAssociationsGuideIsTestedCode() throws {
        let guide = try String(contentsOf: Self.repository.appendingPathComponent("docs/associations.md"), encoding: .utf8)
        let testsFolder = Self.repository.appendingPathComponent("Tests/JoineryTests")
        let sources = try FileManager.default.subpathsOfDirectory(atPath: testsFolder.path)
            .filter { $0.hasSuffix(".swift") }
            .map { try String(contentsOf: testsFolder.appendingPathComponent($0), encoding: .utf8) }
        let tested = sources.map(Self.normalized)
        let blocks = Self.swiftBlocks(in: guide)
        #expect(blocks.count >= 10)
        for block in blocks {
            let lines = Self.normalized(block)
            let found = tested.contains { source in
                source.indices.contains { start in
                    start + lines.count <= source.count && Array(source[start..<start + lines.count]) == lines
                }
            }
            #expect(found, "this block of docs/associations.md is not in the tests:\n\(block)")
        }
    }

    @Test func columnOptionsExample() throws {
        let accounts = try #require(try Schema(models: ColumnOptions.Account.self).table(forModel: "Account"))
        #expect(accounts.name == "accounts")
        #expect(accounts.primaryKey == ["code"])
        #expect(!accounts.hasGeneratedPrimaryKey)
        #expect(accounts.uniqueConstraints == [UniqueConstraint(name: "uni_accounts_email", columns: ["email"])])
        #expect(accounts.indexes.map(\.name) == ["idx_accounts_refer", "idx_accounts_name", "idx_accounts_removed_at"])
        #expect(accounts.indexes.map(\.isUnique) == [true, false, false])
        #expect(accounts.column(forField: "userRefer")?.name == "user_refer_key")
        #expect(accounts.column(named: "slug")?.type == .text(maxLength: 64))
        #expect(accounts.column(named: "visits")?.defaultValue == .integer(0))
        #expect(accounts.softDeleteColumn == "removed_at")
        #expect(accounts.column(named: "code")?.isNullable == false)
        #expect(accounts.column(named: "removed_at")?.isNullable == true)
    }
}
