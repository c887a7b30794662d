#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A plan in one dialect, statement by statement, for people and tools: what
/// `joinery translate` prints and the conformance kit compares.
public struct TranslatedStatement: Sendable, Hashable {
    /// What the statement is for (`select profiles`, `preload user`).
    public var purpose: String
    /// `nil` when the statement depends on rows not given (a preload without keys); `note` says why.
    public var lowered: LoweredStatement?
    /// Why there is no SQL, when there is none.
    public var note: String?
}

extension QueryPlan {
    /// Lowers every statement of the plan with `dialect`. Preloads are lowered for the keys in
    /// `preloadKeys` (by dotted path); without them, a note explains where the keys come from.
    public func translated(
        with dialect: any SQLDialect, preloadKeys: [String: [[SQLValue]]] = [:]
    ) throws -> [TranslatedStatement] {
        var result = try statements.map {
            TranslatedStatement(purpose: $0.purpose, lowered: try dialect.lower($0.statement), note: nil)
        }
        for step in preloads {
            let path = step.path.joined(separator: ".")
            let relation = step.relation
            let foreignKey = relation.foreignKeyColumns.map { "\(relation.ownerTable).\($0)" }.joined(separator: ", ")
            guard let keys = preloadKeys[path] else {
                result.append(TranslatedStatement(
                    purpose: "preload \(path)", lowered: nil,
                    note: "runs with the distinct non-NULL \(foreignKey) values of the rows read before it; "
                        + "give preloadKeys {\"\(path)\": […]} to see it"))
                continue
            }
            let statements = try step.statements(forKeys: keys, capabilities: dialect.capabilities)
            for (index, statement) in statements.enumerated() {
                let batch = statements.count > 1 ? " (batch \(index + 1) of \(statements.count))" : ""
                result.append(TranslatedStatement(
                    purpose: "preload \(path)\(batch)", lowered: try dialect.lower(.select(statement)), note: nil))
            }
        }
        return result
    }
}

extension QueryDocument {
    /// Plans the document against its models and lowers it with `dialect`.
    public func translated(with dialect: any SQLDialect) throws -> [TranslatedStatement] {
        let schema = try Schema(models)
        let planner = Planner(schema: schema, capabilities: dialect.capabilities, now: now ?? Date())
        return try planner.plan(query).translated(with: dialect, preloadKeys: preloadKeys)
    }
}
