import Joinery

private typealias Company = Docs.Company
private typealias User = Docs.User
private typealias Profile = Docs.Profile

extension ConformanceScenario {
    /// Every scenario, SQL-level first.
    public static let all: [ConformanceScenario] = sqlLevel + executed

    /// Steps run through ``Database`` on a real engine: what users see — object graphs, rows,
    /// typed errors — identical on every engine.
    public static let executed: [ConformanceScenario] =
        creating + loading + typedQueries + constraintActions + associationMode + concurrency + integrity

    static func executed(
        _ id: String, _ title: String, area: String, requires: [ScenarioRequirement] = [],
        models: [any Model.Type] = [Profile.self], _ body: @escaping @Sendable (ScenarioContext) throws -> Void
    ) -> ConformanceScenario {
        ConformanceScenario(id: id, title: title, area: area, requires: requires, check: .executed(ExecutedCheck(models: models, body)))
    }

    // MARK: Create

    static let creating: [ConformanceScenario] = [
        executed("create.new-parent", "create a profile with a new user: the user first, then the key", area: "Create") { context in
            var profile = Profile(name: "jinzhu's profile", user: User(name: "jinzhu"))
            try context.expectSQL { try context.db.create(&profile) }
            context.expect(profile.id != nil, true, "the profile's generated key came back")
            context.expect(profile.userID != nil && profile.userID == profile.user?.id, true, "the foreign key, taken from the new user")
            context.expectGraph(try context.db.query(Profile.self).preload(\.user).all(), [
                #"Profile(id: 1, name: "jinzhu's profile", userID: 1, updatedAt: <date>, user: User(id: 1, name: "jinzhu", companyID: nil, deletedAt: nil, company: nil))"#,
            ], "the profile, with its user preloaded")
        },
        executed("create.existing-parent", "create with a user that already has a key: only the profile is inserted", area: "Create") { context in
            var user = User(name: "jinzhu")
            try context.db.create(&user)
            var byKey = Profile(name: "by key", userID: user.id)
            var byValue = Profile(name: "by value", user: user)
            let ran = try context.statementsRun {
                try context.db.create(&byKey)
                try context.db.create(&byValue)
            }
            context.expect(ran.filter { $0.hasPrefix("INSERT") }.count, 2, "INSERTs for two profiles with an existing user")
            context.expect(byValue.userID, user.id, "the key taken from the existing user")
            context.expect(try context.db.query(User.self).count(), 1, "users")
        },
        executed("create.atomic", "a failed insert of the profile leaves no new user behind", area: "Create") { context in
            var first = Profile(name: "taken", user: User(name: "a"))
            try context.db.create(&first)
            var duplicate = Profile(name: "taken", user: User(name: "b"))
            context.expectError(ExpectedError(.uniqueViolation), "the duplicate profile name") { try context.db.create(&duplicate) }
            context.expect(try context.db.query(User.self).all().map(\.name), ["a"], "users after the rollback")
            context.expect(duplicate.id, nil, "the failed profile's key")
        },
        executed("create.missing-parent", "a profile for a user that does not exist: foreign key violated", area: "Create") { context in
            var orphan = Profile(name: "orphan", userID: 999)
            context.expectError(ExpectedError(.foreignKeyViolation), "the missing user") { try context.db.create(&orphan) }
            context.expect(orphan.id, nil, "the orphan's key")
            context.expect(try context.db.query(Profile.self).count(), 0, "profiles")
        },
        executed("migrate.idempotent", "migrate twice: the second run changes nothing", area: "Create") { context in
            let ran = try context.statementsRun { try context.db.migrate(Profile.self, User.self, Company.self) }
            context.expect(ran.filter { !$0.hasPrefix("SELECT 1 FROM") }, [], "statements besides the existence checks")
            for table in ["profiles", "users", "companies"] {
                context.check(try context.db.tableExists(table), "\(table) exists")
            }
        },
    ]

    // MARK: Load

    /// p1, p2 → jinzhu (company Acme); p3 → nobody; p4 → gone (soft-deleted).
    static func seed(_ db: Database) throws {
        var jinzhu = User(name: "jinzhu", company: Company(name: "Acme"))
        try db.create(&jinzhu)
        var gone = User(name: "gone")
        try db.create(&gone)
        var profiles = [
            Profile(name: "p1", user: jinzhu), Profile(name: "p2", user: jinzhu), Profile(name: "p3"),
            Profile(name: "p4", user: gone),
        ]
        try db.create(&profiles)
        try db.delete(gone)
    }

    static let jinzhu = #"User(id: 1, name: "jinzhu", companyID: 1, deletedAt: nil, company: nil)"#

    static let loading: [ConformanceScenario] = [
        executed("preload.executed", "preload: one query for the users, deduplicated; soft-deleted ones hidden", area: "Load") { context in
            try seed(context.db)
            let profiles = try context.expectSQL { try context.db.query(Profile.self).preload(\.user).order(by: "id").all() }
            context.expectGraph(profiles, [
                #"Profile(id: 1, name: "p1", userID: 1, updatedAt: <date>, user: \#(jinzhu))"#,
                #"Profile(id: 2, name: "p2", userID: 1, updatedAt: <date>, user: \#(jinzhu))"#,
                #"Profile(id: 3, name: "p3", userID: nil, updatedAt: <date>, user: nil)"#,
                #"Profile(id: 4, name: "p4", userID: 2, updatedAt: <date>, user: nil)"#,
            ], "profiles with their users")
            let unscoped = try context.db.query(Profile.self).preload(\.user).unscoped().order(by: "id").all()
            context.expect(unscoped.map { $0.user?.name }, ["jinzhu", "jinzhu", nil, "gone"], "unscoped: the deleted user too")
        },
        executed("preload.executed-conditions", "preload with conditions, and nested", area: "Load") { context in
            try seed(context.db)
            let named = try context.db.query(Profile.self).preload(\.user, "name = ?", "nobody").order(by: "id").all()
            context.expect(named.map { $0.user?.name }, [nil, nil, nil, nil], "a fragment no user matches")
            let typed = try context.db.query(Profile.self).preload(\.user, filter: .equal("name", "jinzhu")).order(by: "id").all()
            context.expect(typed.map { $0.user?.name }, ["jinzhu", "jinzhu", nil, nil], "a typed condition")
            let nested = try context.db.query(Profile.self).preload(\.user, \.company).order(by: "id").all()
            context.expectGraph(nested.first, #"Profile(id: 1, name: "p1", userID: 1, updatedAt: <date>, user: User(id: 1, name: "jinzhu", companyID: 1, deletedAt: nil, company: Company(id: 1, name: "Acme", deletedAt: nil)))"#, "user.company")
        },
        executed("join.executed", "left join: User__ columns decoded into the user; soft delete in the ON clause", area: "Load") { context in
            try seed(context.db)
            let profiles = try context.expectSQL { try context.db.query(Profile.self).join(\.user).order(by: "id").all() }
            context.expectGraph(profiles, [
                #"Profile(id: 1, name: "p1", userID: 1, updatedAt: <date>, user: \#(jinzhu))"#,
                #"Profile(id: 2, name: "p2", userID: 1, updatedAt: <date>, user: \#(jinzhu))"#,
                #"Profile(id: 3, name: "p3", userID: nil, updatedAt: <date>, user: nil)"#,
                #"Profile(id: 4, name: "p4", userID: 2, updatedAt: <date>, user: nil)"#,
            ], "profiles joined with their users")
        },
        executed("join.executed-kinds", "inner, nested, ON conditions and unscoped joins", area: "Load") { context in
            try seed(context.db)
            let inner = try context.db.query(Profile.self).join(\.user, .inner).order(by: "id").all()
            context.expect(inner.map(\.name), ["p1", "p2"], "inner join: only profiles with a live user")
            let nested = try context.db.query(Profile.self).join(\.user, \.company).order(by: "id").all()
            context.expect(nested.map { $0.user?.company?.name }, ["Acme", "Acme", nil, nil], "user.company")
            let on = try context.db.query(Profile.self).join(\.user, on: .equal("name", "nobody")).all()
            context.expect(on.map { $0.user?.name }, [nil, nil, nil, nil], "an ON condition no user meets")
            let unscoped = try context.db.query(Profile.self).join(\.user).unscoped().order(by: "id").all()
            context.expect(unscoped.map { $0.user?.name }, ["jinzhu", "jinzhu", nil, "gone"], "unscoped")
        },
        executed("query.first-find-count", "first, find by key, and count", area: "Load") { context in
            try seed(context.db)
            context.expect(try context.db.query(Profile.self).first()?.name, "p1", "first")
            let p2 = try context.require(try context.db.query(Profile.self).filter("name = ?", "p2").first(), "p2")
            let found = try context.db.query(Profile.self).join(\.user).find(try context.require(p2.id, "p2's key"))
            context.expect(found?.user?.name, "jinzhu", "find, joined")
            context.expect(try context.db.query(Profile.self).join(\.user, .inner).count(), 2, "count over an inner join")
            context.expect(try context.db.query(User.self).count(), 1, "live users")
            context.expect(try context.db.query(User.self).unscoped().count(), 2, "all users")
        },
        executed("update.executed-foreign-key", "point a profile at another user, then at none", area: "Write") { context in
            try seed(context.db)
            var p3 = try context.require(try context.db.query(Profile.self).filter("name = ?", "p3").first(), "p3")
            let jinzhu = try context.require(try context.db.query(User.self).first(), "jinzhu")
            try context.db.update(&p3, set: ["userID": jinzhu.id])
            let id = try context.require(p3.id, "p3's key")
            context.expect(try context.db.query(Profile.self).join(\.user).find(id)?.user?.name, "jinzhu", "after setting the key")
            try context.db.update(&p3, set: ["userID": SQLValue.null])
            context.expect(try context.db.query(Profile.self).join(\.user).find(id)?.user?.name, nil, "after clearing it")
        },
    ]

    // MARK: Association mode

    static let associationMode: [ConformanceScenario] = [
        executed("association.find-append-delete-clear", "association mode: find, count, append, delete, replace, clear", area: "Association mode") { context in
            let db = context.db
            let users = db.association(\Profile.user)
            var profile = Profile(name: "p", user: User(name: "jinzhu"))
            try db.create(&profile)
            context.expect(try users.find(for: profile)?.name, "jinzhu", "find")
            context.expect(try users.count(for: profile), 1, "count")
            var hu = User(name: "hu")
            try users.append(&profile, &hu)
            context.check(hu.id != nil && profile.userID == hu.id, "append creates the user and points the key at it")
            let jinzhu = try context.require(try db.query(User.self).filter("name = ?", "jinzhu").first(), "jinzhu")
            try users.delete(&profile, jinzhu)
            context.expect(profile.userID, hu.id, "deleting a user that is not the parent changes nothing")
            try users.delete(&profile, hu)
            context.expect(profile.userID, nil, "deleting the parent clears the key")
            context.expect(try db.query(User.self).count(), 2, "users are kept")
            var existing = jinzhu
            try users.replace(&profile, with: &existing)
            context.expect(try db.query(Profile.self).join(\.user).first()?.user?.name, "jinzhu", "after replace")
            try users.clear(&profile)
            context.expect(try db.query(Profile.self).first()?.userID, nil, "after clear")
        },
        executed("association.replace-deleting-old", "replace deleting the old user keeps the new one (GORM deletes the new)", area: "Association mode") { context in
            var profile = Profile(name: "p", user: User(name: "old"))
            try context.db.create(&profile)
            var replacement = User(name: "new")
            try context.db.association(\Profile.user).replace(&profile, with: &replacement, deletingOld: true)
            context.expect(try context.db.query(User.self).all().map(\.name), ["new"], "users")
            context.expect(try context.db.query(Profile.self).preload(\.user).first()?.user?.name, "new", "the profile's user")
            var same = replacement
            try context.db.association(\Profile.user).replace(&profile, with: &same, deletingOld: true)
            context.expect(try context.db.query(User.self).count(), 1, "replacing with the same user deletes nothing")
        },
    ]
}
