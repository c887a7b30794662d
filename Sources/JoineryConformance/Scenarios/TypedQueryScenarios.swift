import Joinery

private typealias Company = Docs.Company
private typealias User = Docs.User
private typealias Profile = Docs.Profile

/// Conditions, order and updates written with key paths: the same IR as the string and
/// ``Condition`` forms, so each dialect must write the join aliases and `IS NULL` right.
extension ConformanceScenario {
    static let typedQueries: [ConformanceScenario] = [
        executed(
            "query.typed-conditions", "key-path conditions on the root and on join aliases, IN, LIKE, IS NOT NULL, order",
            area: "Query"
        ) { context in
            var profile = Profile(name: "jinzhu's", user: User(name: "jinzhu", company: Company(name: "acme")))
            try context.db.create(&profile)
            var other = Profile(name: "hu's", user: User(name: "hu"))
            try context.db.create(&other)
            let id = profile.id ?? 0
            let found = try context.expectSQL {
                try context.db.query(Profile.self).join(\.user, \.company)
                    .filter(\.user, \.name == "jinzhu")
                    .filter(\.user, \.company, \.name == "acme")
                    .filter(\.userID != nil && .like(\.name, "jin%"))
                    .filter(.in(\.id, [id, id + 100]))
                    .order(by: \.user, \.name, .descending)
                    .order(by: \.id)
                    .all()
            }
            context.expect(found.map { "\($0.name) → \($0.user?.name ?? "-") → \($0.user?.company?.name ?? "-")" },
                ["jinzhu's → jinzhu → acme"], "profiles found")
        },
        executed(
            "query.list-argument", "a list bound to one placeholder of a fragment is expanded; an empty one matches nothing",
            area: "Query"
        ) { context in
            for name in ["a", "b", "c"] {
                var profile = Profile(name: name)
                try context.db.create(&profile)
            }
            let found = try context.expectSQL {
                (try context.db.query(Profile.self).filter("name IN ? AND name <> ?", ["a", "b", "x"], "b").all(),
                 try context.db.query(Profile.self).filter("name IN ?", [String]()).all())
            }
            context.expect(found.0.map(\.name), ["a"], "IN (?, ?, ?) AND <> ?")
            context.expect(found.1.map(\.name), [], "IN (NULL)")
        },
        executed(
            "save.graph", "save of a loaded graph: the changed parent updated, a new grandparent inserted, then the model",
            area: "Create"
        ) { context in
            var profile = Profile(name: "p", user: User(name: "jinzhu"))
            try context.db.create(&profile)
            guard var loaded = try context.db.query(Profile.self).preload(\.user).find(profile.id) else {
                context.fail("save.graph", "the profile was not found")
                return
            }
            loaded.name = "p2"
            loaded.user?.name = "jinzhu 2"
            loaded.user?.company = Company(name: "acme")
            try context.expectSQL { try context.db.save(&loaded) }
            let stored = try context.db.query(Profile.self).join(\.user, \.company).find(profile.id)
            context.expect(
                stored.map { "\($0.name) → \($0.user?.name ?? "-") → \($0.user?.company?.name ?? "-")" }, "p2 → jinzhu 2 → acme",
                "the stored graph")
        },
        executed(
            "query.typed-update", "an update written as a closure writes only the columns that changed", area: "Query"
        ) { context in
            var profile = Profile(name: "before", user: User(name: "jinzhu"))
            try context.db.create(&profile)
            let changed = try context.expectSQL { try context.db.update(&profile) { $0.userID = nil } }
            context.expect(changed, 1, "rows updated")
            context.expect(try context.db.query(Profile.self).find(profile.id)?.userID, nil, "the stored foreign key")
            context.expect(try context.db.query(Profile.self).find(profile.id)?.name, "before", "the name, untouched")
        },
    ]
}
