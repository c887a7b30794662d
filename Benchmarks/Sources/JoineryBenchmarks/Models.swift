import GRDB
import Joinery

// The same two tables for every contender: `users` and `profiles`, each profile → its own user.
// Joinery and the raw loops fill these structs; GRDB fills its own records of the same shape.

@Model struct User {
    var id: Int64?
    var name: String
    var email: String
}

@Model struct Profile {
    var id: Int64?
    var name: String
    var userID: Int64?
    @BelongsTo var user: User?
}

/// GRDB's record for `users`, decoded by position (`init(row:)`), GRDB's fastest way.
struct GRDBUser: FetchableRecord, TableRecord {
    static let databaseTableName = "users"
    var id: Int64
    var name: String
    var email: String

    init(row: GRDB.Row) {
        id = row[0]
        name = row[1]
        email = row[2]
    }
}

/// GRDB's record for `profiles`, with its user: `belongsTo` in GRDB's terms.
struct GRDBProfile: FetchableRecord, TableRecord {
    static let databaseTableName = "profiles"
    static let user = belongsTo(GRDBUser.self, using: ForeignKey(["user_id"]))
    var id: Int64
    var name: String
    var userID: Int64?
    var user: GRDBUser?

    init(row: GRDB.Row) {
        id = row[0]
        name = row[1]
        userID = row[2]
        user = row.scopes["user"].flatMap { $0.hasNull(atIndex: 0) ? nil : GRDBUser(row: $0) }
    }
}

/// Why the benchmark cannot go on.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
