/// What the engine does to referencing rows when the referenced key is deleted or updated.
///
/// ```sql
/// CONSTRAINT "fk_profiles_user" FOREIGN KEY ("user_id") REFERENCES "users"("id")
///   ON DELETE SET NULL ON UPDATE CASCADE
/// ```
public enum ForeignKeyAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// `CASCADE`: delete the referencing rows, or update their foreign key.
    case cascade
    /// `SET NULL`: set the foreign key to NULL (the foreign key must be optional).
    case setNull
    /// `SET DEFAULT`: set the foreign key to its column default.
    case setDefault
    /// `RESTRICT`: refuse at once.
    case restrict
    /// `NO ACTION`: refuse at the end of the statement (or transaction, where deferred).
    case noAction

    /// The SQL words: `CASCADE`, `SET NULL`, `SET DEFAULT`, `RESTRICT`, `NO ACTION`.
    public var sql: String {
        switch self {
        case .cascade: return "CASCADE"
        case .setNull: return "SET NULL"
        case .setDefault: return "SET DEFAULT"
        case .restrict: return "RESTRICT"
        case .noAction: return "NO ACTION"
        }
    }
}
