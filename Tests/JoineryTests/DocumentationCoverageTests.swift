import Foundation
import Testing

/// Every public declaration of the Joinery module has a doc comment — except the witnesses of
/// protocol requirements documented on the requirement (`sqlValue`, `init(row:startingAt:)`,
/// `description`, a dialect's `quoteIdentifier`, …), which DocC shows with the requirement's text.
@Suite("Documentation coverage")
struct DocumentationCoverageTests {
    static let witnesses: Set<String> = [
        "sqlValue", "modelDeclaration", "columnValues", "associationName", "fieldName", "associationTypes", "association",
        "setAssociation", "associationBox", "setColumnValue", "quoteIdentifier", "identifierQuote", "columnType", "literal", "arrayMembership", "arrayParameter",
        "lower", "scratchNamespace", "catalog", "explain", "tableAccesses", "tableRebuild", "beginTransactionSQL", "isUsable",
        "hasOpenTransaction", "interrupt", "seemsAlive", "ping", "prepareOnly", "close", "withExclusiveAccess", "run", "replication",
        "schemes", "connect", "poolConnections", "description", "hash", "encode", "forEachCursor", "isNull", "integer", "real", "attachJoined",
        "text", "decodeIfPresent",
    ]
    static let witnessInitializers = [
        "init(from decoder", "init(sqlValue", "init(row: Row", "init(nilLiteral", "init(integerLiteral", "init(floatLiteral",
        "init(stringLiteral", "init(booleanLiteral", "init(cursor: any RowCursor",
    ]

    @Test func everyPublicDeclarationOfJoineryIsDocumented() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Joinery")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        #expect(files.count > 50)
        var undocumented: [String] = []
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            for (index, line) in lines.enumerated() where isPublicDeclaration(line) && !isWitness(line) {
                var previous = index - 1
                // Attributes, also spread over several lines (`@attached(member, names: …)`).
                while previous >= 0, isAttributeLine(lines[previous]) { previous -= 1 }
                if previous < 0 || !lines[previous].trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                    undocumented.append("\(file.lastPathComponent):\(index + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        let list = undocumented.joined(separator: "\n")
        #expect(undocumented.isEmpty, "public declarations without a doc comment:\n\(list)")
    }

    private func isPublicDeclaration(_ line: String) -> Bool {
        var text = line.trimmingCharacters(in: .whitespaces)
        while text.hasPrefix("@"), let space = text.firstIndex(of: " ") { text = String(text[text.index(after: space)...]) }
        return text.hasPrefix("public ")
    }

    private func isWitness(_ line: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        if Self.witnessInitializers.contains(where: { text.contains("public init(" + $0.dropFirst(5)) || text.contains("public convenience " + $0) }) {
            return true
        }
        if text.contains("public static func ==") || text.contains("public static func <") { return true }
        let words = text.split(whereSeparator: { " (:<".contains($0) }).map(String.init)
        guard let keyword = words.firstIndex(where: { ["var", "let", "func"].contains($0) }), keyword + 1 < words.count else { return false }
        return Self.witnesses.contains(words[keyword + 1])
    }

    private func isAttributeLine(_ line: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("@") { return true }
        // The continuation of a multi-line attribute: a list of arguments, no declaration.
        return !text.isEmpty && !text.hasPrefix("//") && !text.contains("{") && !text.contains("}")
            && (text.hasSuffix(",") || text.hasSuffix(")")) && !text.hasPrefix("public ") && !text.hasPrefix("case ")
    }
}
