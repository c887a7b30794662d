import Joinery

extension ConformanceScenario {
    /// Each foreign-key action, on delete and on update of the referenced key, judged by the rows
    /// the engine leaves behind — written in the IR, so no model types are involved.
    static let constraintActions: [ConformanceScenario] = [ForeignKeyAction.cascade, .setNull, .restrict, .noAction]
        .flatMap { action in ConstraintEvent.allCases.map { constraintAction(action, on: $0) } }

    enum ConstraintEvent: String, CaseIterable, Sendable {
        case delete, update
    }

    static func constraintAction(_ action: ForeignKeyAction, on event: ConstraintEvent) -> ConformanceScenario {
        let models = [
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
        let clause = "ON \(event.rawValue.uppercased()) \(action.sql)"
        return executed(
            "constraint.on-\(event.rawValue)-" + action.sql.lowercased().split(separator: " ").joined(separator: "-"), "\(clause): the rows the engine leaves", area: "Constraints",
            models: []
        ) { context in
            try context.run(.migrate(MigrateQuery()), models: models)
            try context.run(.insert(InsertQuery("Parent", rows: [["id": 1]])), models: models)
            try context.run(.insert(InsertQuery("Child", rows: [["id": 10, "parentID": 1]])), models: models)
            let change: Query = event == .delete
                ? .delete(DeleteQuery("Parent", filter: .equal("id", 1)))
                : .update(UpdateQuery("Parent", set: ["id": 2], filter: .equal("id", 1)))
            let expectedChildren: [SQLValue]
            switch action {
            case .cascade:
                try context.run(change, models: models)
                expectedChildren = event == .delete ? [] : [2]
            case .setNull:
                try context.run(change, models: models)
                expectedChildren = [.null]
            case .restrict, .noAction, .setDefault:
                context.expectError(ExpectedError(.foreignKeyViolation), "the \(event.rawValue) of a referenced parent") {
                    try context.run(change, models: models)
                }
                expectedChildren = [1]
            }
            context.expect(try context.column("SELECT parent_id FROM children"), expectedChildren, "children.parent_id")
        }
    }
}
