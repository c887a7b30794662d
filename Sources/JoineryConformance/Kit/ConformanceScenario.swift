import Joinery

/// One behaviour, defined once and checked on every dialect and engine: its models, its steps, and
/// what must come out — SQL per dialect, rows and object graphs, typed errors.
///
/// There are two kinds:
/// - **SQL-level** (``SQLCheck``): an IR document lowered by the dialect under test and compared
///   with that dialect's ``SQLExpectations``. Needs no engine; on an engine, the SQL is also
///   prepared (or, for DDL, run) in a scratch namespace, so SQL the engine cannot parse fails.
/// - **Executed** (``ExecutedCheck``): steps run through ``Database`` on a real engine, checking
///   object graphs, rows and errors through a ``ScenarioContext``.
///
/// A scenario is gated by ``requirements`` — capabilities, never dialect names. A dialect that
/// lacks one reports the scenario as unsupported, naming what is missing.
public struct ConformanceScenario: Sendable, Identifiable, CustomStringConvertible {
    /// Stable and unique: the key of every ``SQLExpectations`` table (`"join.left"`).
    public var id: String
    /// What a reader of the matrix sees (`"left join: soft delete in the ON clause"`).
    public var title: String
    /// The section of the matrix (`"Preload"`, `"Join"`, …).
    public var area: String
    public var requirements: [ScenarioRequirement]
    public var check: Check

    public enum Check: Sendable {
        case sql(SQLCheck)
        case executed(ExecutedCheck)
    }

    public init(id: String, title: String, area: String, requires: [ScenarioRequirement] = [], check: Check) {
        self.id = id
        self.title = title
        self.area = area
        self.requirements = requires
        self.check = check
    }

    public var description: String { id }

    /// The requirements `capabilities` do not meet (empty: the scenario applies).
    public func unmetRequirements(_ capabilities: DialectCapabilities) -> [ScenarioRequirement] {
        requirements.filter { !$0.isMet(capabilities) }
    }
}

/// An IR document and what lowering it must give.
public struct SQLCheck: Sendable {
    public var document: QueryDocument
    /// The values bound per statement, where the scenario pins them (the same in every dialect).
    public var bindings: [[SQLValue]]?
    /// The statements create the tables themselves (DDL): on an engine they are run, not only
    /// prepared, since each may need the tables before it.
    public var createsSchema: Bool
    /// Planning must fail with this typed error, the same in every dialect (no SQL to compare).
    public var expectedError: ExpectedError?

    public init(
        _ document: QueryDocument, bindings: [[SQLValue]]? = nil, createsSchema: Bool = false,
        expectedError: ExpectedError? = nil
    ) {
        self.document = document
        self.bindings = bindings
        self.createsSchema = createsSchema
        self.expectedError = expectedError
    }
}

/// A typed error a scenario expects: its kind, and the model and field it must name.
public struct ExpectedError: Sendable, Hashable, CustomStringConvertible {
    public var kind: JoineryError.Kind
    public var model: String?
    public var field: String?

    public init(_ kind: JoineryError.Kind, model: String? = nil, field: String? = nil) {
        self.kind = kind
        self.model = model
        self.field = field
    }

    public func matches(_ error: JoineryError) -> Bool {
        error.kind == kind && (model == nil || error.model == model) && (field == nil || error.field == field)
    }

    public var description: String {
        var text = "\(kind)"
        if let model { text += " naming \(model)" + (field.map { ".\($0)" } ?? "") }
        return text
    }
}

/// Steps run on a real engine through ``Database``, on a fresh namespace migrated for `models`.
public struct ExecutedCheck: Sendable {
    /// Migrated before `body` runs (with every model their associations reach).
    public var models: [any Model.Type]
    public var body: @Sendable (ScenarioContext) throws -> Void

    public init(models: [any Model.Type], _ body: @escaping @Sendable (ScenarioContext) throws -> Void) {
        self.models = models
        self.body = body
    }
}
