import Foundation
import Hummingbird
import Joinery
import JoineryMariaDB
import JoineryPostgreSQL
import JoinerySQLite
import Logging

struct NewProfile: Decodable { var name: String; var user: String }
struct ProfileView: ResponseEncodable { var id: Int64; var name: String; var user: String? }

let environment = ProcessInfo.processInfo.environment
let logger = Logger(label: "profile-server")
// One pool for the whole application: every handler shares it.
let pool = try DatabasePool(
    environment["DATABASE_URL"] ?? "sqlite:/tmp/profile-server.db",
    drivers: [SQLiteDriver(), PostgreSQLDriver(), MariaDBDriver()],
    configuration: .init(maximumConnections: 10))
pool.logStatements(to: Logger(label: "profile-server.sql"))
try await pool.migrate(Profile.self)

let router = Router()
router.post("/profiles") { request, context -> EditedResponse<ProfileView> in
    let input = try await request.decode(as: NewProfile.self, context: context)
    var profile = Profile(name: input.name, user: User(name: input.user))
    do {
        // Every statement of this request is logged with its id.
        try await StatementLogMetadata.$current.withValue(["request": .string(context.id)]) {
            try await pool.create(&profile)   // INSERT users, INSERT profiles: one transaction
        }
    } catch let error as JoineryError {
        throw error.httpError
    }
    guard let id = profile.id else { throw HTTPError(.internalServerError) }
    return EditedResponse(status: .created, response: ProfileView(id: id, name: profile.name, user: profile.user?.name))
}
router.get("/profiles") { _, _ -> [ProfileView] in
    do {
        return try await pool.query(Profile.self).preload(\.user).all().compactMap { profile in
            profile.id.map { ProfileView(id: $0, name: profile.name, user: profile.user?.name) }
        }
    } catch let error as JoineryError {
        throw error.httpError
    }
}

// The pool is a service: it closes, after the requests in flight, when the server shuts down.
let app = Application(
    router: router, configuration: .init(address: .hostname("127.0.0.1", port: Int(environment["PORT"] ?? "8080") ?? 8080)),
    services: [pool], logger: logger)
try await app.runService()
