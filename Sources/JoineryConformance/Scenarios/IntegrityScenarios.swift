import Joinery

private typealias User = Docs.User
private typealias Profile = Docs.Profile

/// What a dialect and its driver must get right so that nothing is lost or silently wrong: SQL
/// is never cut at a NUL, text is stored whole or refused, an UPDATE counts the rows it matched,
/// a failed write leaves the caller's values alone, a failed foreign key is named, and a parent
/// with a natural key is inserted only when absent.
extension ConformanceScenario {
    static let integrity: [ConformanceScenario] = [
        executed(
            "integrity.nul-in-sql", "SQL with a NUL character is refused, not cut short", area: "Integrity", models: []
        ) { context in
            context.expectError(ExpectedError(.misuse), "SQL with a NUL") {
                try context.connection.execute("SELECT 1\u{0}; SELECT 2")
            }
            context.expect(try context.connection.query("SELECT 1").count, 1, "the connection serves on")
        },
        executed(
            "integrity.text-nul", "text with a NUL character is stored whole, or refused naming the column when the dialect says its text cannot hold one",
            area: "Integrity"
        ) { context in
            var profile = Profile(name: "a\u{0}b")
            if context.dialect.capabilities.textHoldsNUL {
                try context.db.create(&profile)
                context.expect(try context.db.query(Profile.self).find(profile.id)?.name, "a\u{0}b", "the text read back")
            } else {
                context.expectError(ExpectedError(.invalidValue, model: "Profile", field: "name"), "text with a NUL") {
                    try context.db.create(&profile)
                }
                context.expect(try context.db.query(Profile.self).count(), 0, "profiles stored")
            }
        },
        executed(
            "integrity.update-counts-matched-rows", "an UPDATE that changes nothing still counts its row; one that matches none is notFound",
            area: "Integrity"
        ) { context in
            var user = User(name: "same")
            try context.db.create(&user)
            context.expect(try context.db.update(&user, set: ["name": "same"]), 1, "rows matched by an unchanging update")
            try context.db.delete(user, permanently: true)
            context.expectError(ExpectedError(.notFound), "update of a deleted row") {
                try context.db.update(&user, set: ["name": "gone"])
            }
        },
        executed(
            "integrity.failed-create-restores-values", "a create of many that fails stores none and leaves every value as it was",
            area: "Integrity"
        ) { context in
            var profiles = [Profile(name: "twin", user: User(name: "a")), Profile(name: "twin", user: User(name: "b"))]
            context.expectError(ExpectedError(.uniqueViolation), "the second twin") { try context.db.create(&profiles) }
            context.expect(profiles.map { $0.id == nil && $0.userID == nil && $0.user?.id == nil }, [true, true], "values untouched")
            context.expect(try context.db.query(User.self).count(), 0, "users stored")
        },
        executed(
            "integrity.foreign-key-named", "a foreign-key violation names its constraint, table and column", area: "Integrity"
        ) { context in
            var orphan = Profile(name: "orphan", userID: 999_999)
            do {
                try context.db.create(&orphan)
                context.fail("orphan", "expected foreignKeyViolation, but nothing was thrown")
            } catch let error as JoineryError {
                context.expect(error.kind, .foreignKeyViolation, "kind")
                context.expect(error.constraint, "fk_profiles_user", "constraint")
            }
            context.expect(orphan.id, nil, "the orphan's id")
        },
        executed(
            "integrity.hand-set-key-disagrees", "a foreign key set by hand that disagrees with the parent carried is misuse",
            area: "Integrity"
        ) { context in
            var one = User(name: "one")
            try context.db.create(&one)
            var profile = Profile(name: "p", userID: (one.id ?? 0) + 1, user: one)
            context.expectError(ExpectedError(.misuse, model: "Profile", field: "userID"), "disagreeing keys") {
                try context.db.create(&profile)
            }
            context.expect(try context.db.query(Profile.self).count(), 0, "profiles stored")
        },
        executed(
            "integrity.natural-key-parent", "a parent with a natural key is inserted when absent and left alone when present",
            area: "Integrity", models: [NaturalKey.City.self]
        ) { context in
            var paris = NaturalKey.City(name: "Paris", country: NaturalKey.Country(code: "FR", name: "France"))
            try context.db.create(&paris)
            var lyon = NaturalKey.City(name: "Lyon", country: NaturalKey.Country(code: "FR", name: "not France"))
            try context.db.create(&lyon)
            context.expect(try context.db.query(NaturalKey.Country.self).all().map(\.name), ["France"], "countries")
            context.expect(
                try context.db.query(NaturalKey.City.self).preload(\.country).all().map { $0.country?.name ?? "-" },
                ["France", "France"], "each city's country")
        },
        executed(
            "migrate.adds-columns", "migrate adds the columns, index and foreign key a model gained to its existing table",
            area: "Create", models: []
        ) { context in
            try Database(context.connection).migrate(Evolving.Before.Member.self)
            try context.connection.execute(
                "INSERT INTO \(context.dialect.quoteIdentifier("members")) (\(context.dialect.quoteIdentifier("name"))) VALUES ('old')")
            let report = try context.expectSQL { try context.db.migrate(Evolving.After.Member.self) }
            context.expect(report.createdTables, ["clubs"], "tables created")
            context.expect(report.addedColumns, ["members.nickname", "members.rank", "members.score", "members.club_id"], "columns added")
            let old = try context.db.query(Evolving.After.Member.self).first()
            context.expect(old.map { "\($0.name) \($0.score) \($0.nickname ?? "nil")" }, "old 0 nil", "the old row")
            var orphan = Evolving.After.Member(name: "orphan", score: 1, clubID: 999_999)
            context.expectError(ExpectedError(.foreignKeyViolation), "the new foreign key") { try context.db.create(&orphan) }
            context.expect(try context.db.migrate(Evolving.After.Member.self).changedNothing, true, "migrate again")
        },
    ]
}
