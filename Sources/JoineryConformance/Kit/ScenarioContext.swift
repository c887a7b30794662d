import Joinery
import Synchronization

/// What an executed scenario's steps work with: a ``Database`` on a fresh namespace, already
/// migrated for the scenario's models, and checks that record a failure with a readable diff and
/// let the steps go on (like `#expect`). ``require(_:_:)`` stops the scenario instead.
///
/// ```swift
/// var profile = Profile(name: "p", user: User(name: "jinzhu"))
/// try context.expectSQL { try context.db.create(&profile) }     // INSERT users …, INSERT profiles …
/// context.expectGraph(try context.db.query(Profile.self).preload(\.user).all(), [
///     #"Profile(id: 1, name: "p", userID: 1, updatedAt: <date>, user: User(id: 1, name: "jinzhu", …))"#,
/// ], "the profile, preloaded")
/// ```
public final class ScenarioContext {
    public let db: Database
    public var connection: any DatabaseConnection { db.connection }
    public var dialect: any SQLDialect { db.dialect }

    let scenario: ConformanceScenario
    let expectations: SQLExpectations
    private(set) var failures: [ScenarioFailure] = []
    private let statements = StatementLog()

    init(db: Database, scenario: ConformanceScenario, expectations: SQLExpectations) {
        self.db = db
        self.scenario = scenario
        self.expectations = expectations
        db.observeStatements { [statements] in statements.append($0) }
    }

    /// Records a failure unless `actual == expected`. Arrays are compared line by line.
    public func expect<T: Equatable>(_ actual: T, _ expected: T, _ what: String) {
        guard actual != expected else { return }
        fail(what, TextDiff.lines(expected: Self.lines(expected), actual: Self.lines(actual)))
    }

    /// Records a failure unless `condition` holds.
    public func check(_ condition: Bool, _ what: String) {
        if !condition { fail(what, "was false") }
    }

    /// Compares models and the parents loaded with them, one ``ObjectGraph`` line each, keys
    /// numbered by first appearance on both sides (``ObjectGraph/numberingKeys(_:)``): the kit
    /// holds on engines that do not hand out consecutive ids (Galera).
    public func expectGraph(_ models: [any Model], _ expected: [String], _ what: String) {
        expect(ObjectGraph.numberingKeys(models.map(ObjectGraph.render)), ObjectGraph.numberingKeys(expected), what)
    }

    /// Compares one model (or its absence) as an ``ObjectGraph`` line.
    public func expectGraph(_ model: (any Model)?, _ expected: String?, _ what: String) {
        expectGraph(model.map { [$0] } ?? [], expected.map { [$0] } ?? [], what)
    }

    /// Runs `body`, which must throw `expected` — a typed error, the same on every engine.
    public func expectError(_ expected: ExpectedError, _ what: String, _ body: () throws -> Void) {
        do {
            try body()
            fail(what, "expected \(expected), but nothing was thrown")
        } catch let error as JoineryError {
            if !expected.matches(error) { fail(what, "expected \(expected), got \(error)") }
        } catch {
            fail(what, "expected \(expected), got a \(type(of: error)): \(error)")
        }
    }

    /// Runs `body` and compares the SQL it ran with this dialect's expectations for the scenario
    /// (one such check per scenario). A missing expectation fails and prints the SQL that ran.
    @discardableResult
    public func expectSQL<T>(_ body: () throws -> T) throws -> T {
        let start = statements.count
        let result = try body()
        let ran = statements.sql(from: start)
        switch expectations[scenario.id] {
        case .sql(let expected)?:
            if ran != expected { fail("SQL", TextDiff.lines(expected: expected, actual: ran)) }
        case .unsupported?:
            fail("SQL", "the expectations say unsupported, but it ran:\n" + ran.joined(separator: "\n"))
        case nil:
            fail("SQL", SQLExpectations.missingEntry(scenario.id, actual: ran))
        }
        return result
    }

    /// The SQL `body` ran, in order.
    public func statementsRun(_ body: () throws -> Void) throws -> [String] {
        let start = statements.count
        try body()
        return statements.sql(from: start)
    }

    /// The value, or a failure that stops the scenario.
    public func require<T>(_ value: T?, _ what: String) throws -> T {
        guard let value else {
            fail(what, "was nil")
            throw ScenarioStopped()
        }
        return value
    }

    /// Plans `query` over `models` in this dialect and runs its statements: for scenarios written
    /// in the IR rather than with model types.
    public func run(_ query: Query, models: [ModelDeclaration]) throws {
        try connection.run(QueryDocument(models: models, query: query), in: dialect)
    }

    /// The first column of each row of `sql` (written with `?`; rewritten for the dialect).
    public func column(_ sql: String, _ bindings: [SQLValue] = []) throws -> [SQLValue] {
        let rewritten = try PlaceholderRewriter.rewrite(
            sql, style: dialect.capabilities.placeholders, argumentCount: bindings.count,
            backslashEscapes: dialect.capabilities.backslashEscapesInStrings)
        return try connection.query(rewritten, bindings).map { try $0.value(at: 0) }
    }

    func fail(_ what: String, _ detail: String) {
        failures.append(ScenarioFailure(what: what, detail: detail))
    }

    private static func lines<T>(_ value: T) -> [String] {
        if let strings = value as? [String] { return strings }
        if let values = value as? [Any] { return values.map { String(describing: $0) } }
        return [String(describing: value)]
    }
}

/// Thrown by ``ScenarioContext/require(_:_:)``: the failure is already recorded.
struct ScenarioStopped: Error {}

/// The statements a scenario's database ran, in order.
private final class StatementLog: Sendable {
    private let log = Mutex<[String]>([])
    var count: Int { log.withLock { $0.count } }
    func append(_ statement: ExecutedStatement) { log.withLock { $0.append(statement.sql) } }
    func sql(from start: Int) -> [String] { log.withLock { Array($0[start...]) } }
}

extension SQLExpectations {
    /// The failure text for a scenario with no entry: the SQL that came out, written as the entry
    /// to paste into the dialect's table once it has been read and found right.
    static func missingEntry(_ id: String, actual: [String]) -> String {
        "no expected SQL for \"\(id)\" in this dialect's expectations; it gave:\n"
            + "\"\(id)\": [\n" + actual.map { "    #\"\($0)\"#," }.joined(separator: "\n") + "\n],"
    }
}
