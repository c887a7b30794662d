#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One row of `joinery_migrations`: a ``Migrator`` step that ran, and when.
public struct AppliedMigration: Model, Hashable {
    /// The step's name, as registered.
    public var name: String
    /// When it ran (UTC).
    public var appliedAt: Date

    /// A record of the step `name`, run at `appliedAt`.
    public init(name: String, appliedAt: Date) {
        self.name = name
        self.appliedAt = appliedAt
    }

    public static let modelDeclaration = ModelDeclaration(
        "JoineryMigration", table: "joinery_migrations",
        fields: [
            FieldDeclaration("name", String.self, primaryKey: true, maxLength: 191),
            FieldDeclaration("appliedAt", Date.self),
        ])

    public init(row: Row, startingAt offset: Int) throws {
        name = try row.decode(at: offset)
        appliedAt = try row.decode(at: offset + 1)
    }

    public var columnValues: [SQLValue] { [name.sqlValue, appliedAt.sqlValue] }

    public static func fieldName(for keyPath: PartialKeyPath<Self>) -> String? {
        if keyPath == \Self.name { return "name" }
        if keyPath == \Self.appliedAt { return "appliedAt" }
        return nil
    }
}
