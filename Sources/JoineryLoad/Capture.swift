import Joinery
import Synchronization

/// The SQL one request runs through Joinery, captured once so that the raw clients replay the
/// very same statements.
struct CapturedRequest: Sendable {
    var begin: String
    var insertUser: (sql: String, bindings: [SQLValue])
    var insertProfile: (sql: String, bindings: [SQLValue])
    var commit: String
    var preloadProfile: String
    var preloadUser: String
    var join: String
    /// The user id the captured create got (it appears among the profile insert's bindings).
    var capturedUserID: Int64

    static func capture(_ pool: DatabasePool) async throws -> CapturedRequest {
        let log = Mutex<[ExecutedStatement]>([])
        let recording = Atomic<Bool>(true)
        pool.observeStatements { statement in
            if recording.load(ordering: .relaxed) { log.withLock { $0.append(statement) } }
        }
        var profile = Profile(name: "capture", user: User(name: "capture"))
        try await pool.create(&profile)
        guard let id = profile.id, let userID = profile.userID else { throw LoadError("create returned no id") }
        _ = try await pool.query(Profile.self).preload(\.user).find(id)
        _ = try await pool.query(Profile.self).join(\.user).find(id)
        recording.store(false, ordering: .relaxed)
        let statements = log.withLock { $0 }
        // BEGIN, INSERT users, INSERT profiles, COMMIT are not all observed (BEGIN and COMMIT go
        // straight to the connection): take the inserts and selects, and spell the rest.
        let inserts = statements.filter { $0.sql.hasPrefix("INSERT") }
        let selects = statements.filter { $0.sql.hasPrefix("SELECT") }
        guard inserts.count == 2, selects.count == 3 else {
            throw LoadError("unexpected statements: \(statements.map(\.sql))")
        }
        return CapturedRequest(
            begin: pool.url.hasPrefix("sqlite") ? "BEGIN IMMEDIATE" : "BEGIN",
            insertUser: (inserts[0].sql, inserts[0].bindings), insertProfile: (inserts[1].sql, inserts[1].bindings),
            commit: "COMMIT", preloadProfile: selects[0].sql, preloadUser: selects[1].sql, join: selects[2].sql,
            capturedUserID: userID)
    }
}

struct LoadError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
