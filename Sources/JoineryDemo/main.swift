import Joinery
import JoinerySQLite

// GORM's belongs-to documentation, told with Joinery on in-memory SQLite.

let db = try Database.open("sqlite::memory:", drivers: [SQLiteDriver()])
let story = Story(db)

try story.step("Migrate: tables in dependency order, with the foreign key and its actions") {
    try db.migrate(User.self, Company.self, Profile.self)
    return "tables: companies, users, profiles"
}

var profile = Profile(name: "jinzhu's profile", user: User(name: "jinzhu", company: Company(name: "Acme")))
try story.step("Create a profile with a new user (and the user's new company), in one transaction") {
    try db.create(&profile)
    return profile.description
}

var second = Profile(name: "jinzhu's second profile", userID: profile.userID)
try story.step("Create a profile with an existing user's id: only the profile is inserted") {
    try db.create(&second)
    return second.description
}

try story.step("Preload the user: the preload pair, keys deduplicated") {
    try db.query(Profile.self).preload(\.user).all().map(\.description).joined(separator: "\n")
}

try story.step("Preload with a condition: Preload(\"User\", \"name = ?\", \"jinzhu\")") {
    try db.query(Profile.self).preload(\.user, "name = ?", "jinzhu").all().map(\.description).joined(separator: "\n")
}

try story.step("Join the user and the user's company: one statement, columns aliased User__name") {
    try db.query(Profile.self).join(\.user, \.company).all().map(\.description).joined(separator: "\n")
}

var hu = User(name: "hu")
try story.step("Update the foreign key: Model(&profile).Update(\"UserID\", 2)") {
    try db.create(&hu)
    try db.update(&second, set: ["userID": hu.id])
    let reloaded = try db.query(Profile.self).join(\.user).find(second.id ?? 0)
    return reloaded.map(\.description) ?? "not found"
}

var li = User(name: "li")
try story.step("Replace the user (association mode), deleting the old one — GORM deletes the new one here") {
    try db.association(\Profile.user).replace(&profile, with: &li, deletingOld: true)
    let users = try db.query(User.self).all().map(\.description).joined(separator: ", ")
    return profile.description + "\nusers left: " + users
}

try story.step("A constraint in action: deleting a user sets its profiles' user_id to NULL (ON DELETE SET NULL)") {
    try db.delete(hu, permanently: true)
    return try db.query(Profile.self).preload(\.user).all().map(\.description).joined(separator: "\n")
}

try story.step("A constraint in action: a profile for a user that does not exist is refused") {
    var orphan = Profile(name: "orphan", userID: 999)
    do {
        try db.create(&orphan)
        return "inserted (unexpected)"
    } catch let error as JoineryError {
        return "JoineryError.\(error.kind): \(error.engineMessage ?? error.message)"
    }
}

print("\nDone: every statement above ran on SQLite; PostgreSQL and MariaDB got the same IR in their own spelling.")
