import EngineTestSupport
import Joinery
import JoineryTestSupport
import Testing

/// Each foreign-key action, on delete and on update of the referenced key, checked by the state
/// the engine leaves behind: 4 actions × 2 events × 3 engines = 24 checks.
@Suite("Foreign-key actions")
struct ConstraintActionTests {
    enum Event: String, CaseIterable, Sendable {
        case delete, update
    }

    static func models(_ action: ForeignKeyAction, on event: Event) -> [ModelDeclaration] {
        [
            ModelDeclaration("Parent", fields: [FieldDeclaration("id", Int64?.self)]),
            ModelDeclaration("Child", fields: [
                FieldDeclaration("id", Int64?.self),
                FieldDeclaration("parentID", Int64?.self),
            ], belongsTo: [
                BelongsToDeclaration(
                    "parent", target: "Parent", onUpdate: event == .update ? action : nil,
                    onDelete: event == .delete ? action : nil)
            ]),
        ]
    }

    @Test(arguments: TestEngine.allCases, [ForeignKeyAction.cascade, .setNull, .restrict, .noAction])
    func onDeleteAndOnUpdate(engine: TestEngine, action: ForeignKeyAction) throws {
        for event in Event.allCases {
            try withScratchSchema(engine) { connection in
                let models = Self.models(action, on: event)
                func run(_ query: Query) throws {
                    for statement in try QueryDocument(models: models, query: query).translated(with: connection.dialect) {
                        guard let lowered = statement.lowered else { continue }
                        try connection.execute(lowered.sql, lowered.bindings)
                    }
                }
                func childParent() throws -> SQLValue? {
                    try connection.query("SELECT parent_id FROM children").first?[0]
                }
                try run(.migrate(MigrateQuery()))
                try run(.insert(InsertQuery("Parent", rows: [["id": 1]])))
                try run(.insert(InsertQuery("Child", rows: [["id": 10, "parentID": 1]])))

                let change: Query = event == .delete
                    ? .delete(DeleteQuery("Parent", filter: .equal("id", 1)))
                    : .update(UpdateQuery("Parent", set: ["id": 2], filter: .equal("id", 1)))
                switch action {
                case .cascade:
                    try run(change)
                    if event == .delete {
                        #expect(try connection.query("SELECT id FROM children").isEmpty, "\(engine) \(event)")
                    } else {
                        #expect(try childParent() == .integer(2), "\(engine) \(event)")
                    }
                case .setNull:
                    try run(change)
                    #expect(try childParent() == .null, "\(engine) \(event)")
                case .restrict, .noAction:
                    let error = joineryError { try run(change) }
                    #expect(error?.kind == .foreignKeyViolation, "\(engine) \(event) \(action)")
                    #expect(try childParent() == .integer(1), "\(engine) \(event)")
                    #expect(try connection.query("SELECT id FROM parents").count == 1)
                case .setDefault:
                    Issue.record("not one of the four")
                }
            }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aProfileForAUserThatDoesNotExist(engine: TestEngine) throws {
        try withScratchSchema(engine) { connection in
            let db = Database(connection)
            try db.migrate(Profile.self)
            var orphan = Profile(name: "orphan", userID: 999)
            let error = joineryError { try db.create(&orphan) }
            #expect(error?.kind == .foreignKeyViolation)
            #expect(orphan.id == nil)
        }
    }
}
