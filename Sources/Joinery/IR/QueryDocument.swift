#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A query with everything needed to plan it, as one JSON document: the models, the query,
/// and optionally the keys a preload would receive (to show its statement without running
/// the first one) and the clock. `joinery translate` reads these (docs/ir.md, docs/examples/).
///
/// ```json
/// {
///   "models": [{"name": "User", "fields": [{"name": "id", "type": "integer", "nullable": true}]}, …],
///   "query": {"select": {"model": "Profile", "include": [{"path": "user", "mode": "leftJoin"}]}},
///   "preloadKeys": {"user": [1, 2]},
///   "now": "2024-05-06T07:08:09Z"
/// }
/// ```
public struct QueryDocument: Sendable, Hashable {
    /// The models the query names, declared as data.
    public var models: [ModelDeclaration]
    /// The query.
    public var query: Query
    /// Per preload path (`"user"`, `"user.company"`): the keys its parents would hold. Each key
    /// is a value, or a list of values for a composite key.
    public var preloadKeys: [String: [[SQLValue]]]
    /// The time planning writes into timestamps; `nil` means now.
    public var now: Date?

    /// A document of `query` over `models`.
    public init(models: [ModelDeclaration], query: Query, preloadKeys: [String: [[SQLValue]]] = [:], now: Date? = nil) {
        self.models = models
        self.query = query
        self.preloadKeys = preloadKeys
        self.now = now
    }

    /// Decodes a document. A malformed one is a ``JoineryError/Kind/misuse`` error whose message
    /// names the bad field by its path (`query.select.include[0].mode`).
    public init(json: Data) throws {
        do {
            self = try JSONDecoder().decode(QueryDocument.self, from: json)
        } catch let error as DecodingError {
            throw JoineryError.misuse("invalid query document: " + error.readableDescription)
        }
    }
}

extension QueryDocument: Codable {
    private enum CodingKeys: String, CodingKey { case models, query, preloadKeys, now }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        models = try container.decode([ModelDeclaration].self, forKey: .models)
        query = try container.decode(Query.self, forKey: .query)
        var keys: [String: [[SQLValue]]] = [:]
        if container.contains(.preloadKeys) {
            let nested = try container.nestedContainer(keyedBy: AnyKey.self, forKey: .preloadKeys)
            for key in nested.allKeys {
                if let single = try? nested.decode([SQLValue].self, forKey: key) {
                    keys[key.stringValue] = single.map { [$0] }
                } else {
                    keys[key.stringValue] = try nested.decode([[SQLValue]].self, forKey: key)
                }
            }
        }
        preloadKeys = keys
        if let text = try container.decodeIfPresent(String.self, forKey: .now) {
            guard let timestamp = SQLTimestamp(parsing: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .now, in: container, debugDescription: "'\(text)' is not an ISO 8601 time")
            }
            now = timestamp.date
        } else {
            now = nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(models, forKey: .models)
        try container.encode(query, forKey: .query)
        if !preloadKeys.isEmpty { try container.encode(preloadKeys, forKey: .preloadKeys) }
        try container.encodeIfPresent(now.map { SQLTimestamp($0).iso8601 }, forKey: .now)
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension DecodingError {
    /// `at query.select.include[0].mode: …` — where the document is wrong, and how.
    public var readableDescription: String {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text.isEmpty ? "the top level" : text
        }
        switch self {
        case .keyNotFound(let key, let context):
            return "at \(path(context.codingPath)): the key \"\(key.stringValue)\" is missing"
        case .typeMismatch(let type, let context):
            return "at \(path(context.codingPath)): expected \(type) — \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "at \(path(context.codingPath)): expected \(type), found null"
        case .dataCorrupted(let context):
            return "at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return String(describing: self)
        }
    }
}
