import EngineTestSupport
import Foundation
@testable import Joinery
import Testing

/// A select run again with other values reuses its plan and SQL (the plan cache), on every
/// engine: the rows are those of the new values, observers see the values that ran, and no
/// marker ever reaches an engine or an observer.
@Suite("Plan cache")
struct PlanCacheTests {
    private func withPeople(_ engine: TestEngine, _ body: (Database, StatementRecorder) throws -> Void) throws {
        try withDatabase(engine) { db in
            var ann = Profile(name: "ann's", user: User(name: "ann"))
            var bob = Profile(name: "bob's", user: User(name: "bob"))
            var orphan = Profile(name: "orphan")
            try db.create(&ann)
            try db.create(&bob)
            try db.create(&orphan)
            let recorder = StatementRecorder()
            db.observeStatements(recorder.record)
            try body(db, recorder)
        }
    }

    /// What an observer saw is what ran: its IR, lowered again, gives the same SQL and values.
    private func expectTrueToWhatRan(_ db: Database, _ recorder: StatementRecorder) throws {
        for executed in recorder.executed {
            let lowered = try db.dialect.lower(executed.statement)
            #expect(lowered.sql == executed.sql)
            #expect(lowered.bindings == executed.bindings)
            for binding in executed.bindings {
                if case .text(let text) = binding { #expect(!text.hasPrefix(QueryValues.prefix)) }
            }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aJoinRunAgainWithOtherValues(engine: TestEngine) throws {
        try withPeople(engine) { db, recorder in
            let ann = try db.query(Profile.self).join(\.user).filter(\.name == "ann's").all()
            let shapes = db.context.plans.count
            let bob = try db.query(Profile.self).join(\.user).filter(\.name == "bob's").all()
            #expect(ann.map { $0.user?.name } == ["ann"])
            #expect(bob.map { $0.user?.name } == ["bob"])
            #expect(db.context.plans.count == shapes, "the second query is of the same shape")
            #expect(recorder.bindings.last?.contains(.text("bob's")) == true, "\(recorder.bindings)")
            #expect(try db.query(Profile.self).join(\.user).find(ann[0].id ?? 0)?.name == "ann's")
            #expect(try db.query(Profile.self).join(\.user).find(bob[0].id ?? 0)?.name == "bob's")
            // statement(): what all() runs, without running it.
            let statement = try db.query(Profile.self).join(\.user).filter(\.name == "ann's").statement()
            _ = try db.query(Profile.self).join(\.user).filter(\.name == "ann's").all()
            #expect(statement.sql == recorder.sql.last)
            #expect(statement.bindings == recorder.bindings.last)
            #expect(statement.bindings.contains(.text("ann's")))
            try expectTrueToWhatRan(db, recorder)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aPreloadWithAFilterRunAgainWithOtherValues(engine: TestEngine) throws {
        try withPeople(engine) { db, recorder in
            func usersLoaded(named name: String) throws -> [String: String?] {
                let profiles = try db.query(Profile.self).preload(\.user, filter: .equal("name", .text(name)))
                    .order(by: \.name).all()
                return Dictionary(uniqueKeysWithValues: profiles.map { ($0.name, $0.user?.name) })
            }
            #expect(try usersLoaded(named: "ann") == ["ann's": "ann", "bob's": nil, "orphan": nil])
            let shapes = db.context.plans.count
            #expect(try usersLoaded(named: "bob") == ["ann's": nil, "bob's": "bob", "orphan": nil])
            #expect(db.context.plans.count == shapes)
            try expectTrueToWhatRan(db, recorder)
        }
    }

    /// The preload statement of a shape is lowered once per number of keys and kept with the
    /// plan: run again, it binds the new keys (and the include's filter values), not the old.
    @Test(arguments: TestEngine.allCases)
    func aPreloadStatementLoweredOnceBindsTheNewKeys(engine: TestEngine) throws {
        try withPeople(engine) { db, recorder in
            let profiles = try db.query(Profile.self).order(by: \.name).all()
            for profile in profiles + profiles.reversed() {
                let found = try db.query(Profile.self).preload(\.user).find(profile.id ?? 0)
                #expect(found?.user?.name == [Optional("ann's"): "ann", "bob's": "bob"][profile.name] ?? nil)
                #expect(found?.userID == profile.userID)
            }
            let named = { (name: String) in
                try db.query(Profile.self).preload(\.user, filter: .equal("name", .text(name))).order(by: \.name).all()
                    .map { $0.user?.name }
            }
            #expect(try named("bob") == [nil, "bob", nil])
            #expect(try named("ann") == ["ann", nil, nil])
            try expectTrueToWhatRan(db, recorder)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func listsPatternsFragmentsAndNull(engine: TestEngine) throws {
        try withPeople(engine) { db, recorder in
            let names = { (condition: Condition) in
                try db.query(Profile.self).filter(condition).order(by: \.name).all().map(\.name)
            }
            #expect(try names(.in(.column("name"), [.text("ann's"), .text("orphan")])) == ["ann's", "orphan"])
            #expect(try names(.in(.column("name"), [.text("bob's"), .text("nobody")])) == ["bob's"])
            #expect(try names(.like(.column("name"), "a%")) == ["ann's"])
            #expect(try names(.like(.column("name"), "b%")) == ["bob's"])
            #expect(try names(.fragment("name = ? OR name = ?", arguments: [.text("orphan"), .text("ann's")])) == ["ann's", "orphan"])
            #expect(try names(.fragment("name = ? OR name = ?", arguments: [.text("bob's"), .text("x")])) == ["bob's"])
            // NULL is part of the shape: `user_id = NULL` matches nothing, and stays so.
            #expect(try names(.comparison(.column("user_id"), .equal, .value(.null))) == [])
            let annID = try db.query(Profile.self).filter(\.name == "ann's").first()?.userID ?? 0
            #expect(try names(.comparison(.column("user_id"), .equal, .value(.integer(annID)))) == ["ann's"])
            try expectTrueToWhatRan(db, recorder)
            // A value that looks like a marker (even this process's) is only a value: it is bound as given.
            let lookalike = QueryValues.prefix + "0"
            #expect(try names(.equal("name", .text(lookalike))) == [])
            #expect(recorder.bindings.last?.contains(.text(lookalike)) == true)
            #expect(try names(.equal("name", .text("\u{1}joinery-1-0"))) == [])
        }
    }

    @Test(arguments: TestEngine.allCases)
    func createsOfTheSameShapeReuseTheirInsert(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            let before = db.context.plans.count
            var first = Profile(name: "first", user: User(name: "one"))
            try db.create(&first)
            let shapes = db.context.plans.count
            #expect(shapes >= before + 2, "the user's and the profile's inserts are cached")
            let recorder = StatementRecorder()
            db.observeStatements(recorder.record)
            var second = Profile(name: "second", user: User(name: "two"))
            try db.create(&second)
            #expect(db.context.plans.count == shapes, "the second create is of the same shape")
            // Each row got its own values, keys and timestamps: nothing of the first was frozen in the cache.
            #expect(second.id != nil && second.id != first.id && second.userID != first.userID)
            let stored = try #require(try db.query(Profile.self).preload(\.user).find(second.id ?? 0))
            #expect(stored.name == "second" && stored.user?.name == "two" && stored.userID == second.userID)
            let firstStamp = try #require(first.updatedAt), secondStamp = try #require(second.updatedAt)
            #expect(secondStamp > firstStamp)
            #expect(abs((stored.updatedAt ?? .distantPast).timeIntervalSince(secondStamp)) < 0.001)
            #expect(recorder.bindings.contains { $0.contains(.text("second")) })
            try expectTrueToWhatRan(db, recorder)
        }
    }

    /// Creates read their table, stamps and parents' rules from a recipe made once per type and
    /// schema generation, and their insert from it by NULL columns: rows of other NULL columns get
    /// their own statement, and a schema that changed (a model registered) gets a new recipe.
    @Test(arguments: TestEngine.allCases)
    func createsTakeTheirRecipeByTypeAndNullColumnsAndANewSchemaMakesANewOne(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var plain = Profile(name: "plain", user: User(name: "no company"))
            try db.create(&plain)
            let recipe = try #require(db.context.plans.keptCreateRecipe(for: User.self))
            var employed = Profile(name: "employed", user: User(name: "at acme", company: Company(name: "acme")))
            try db.create(&employed)
            var alone = Profile(name: "alone")
            try db.create(&alone)
            #expect(db.context.plans.keptCreateRecipe(for: User.self) === recipe, "one recipe for every User")
            // Each create's own values and keys, whatever its NULL columns.
            let stored = try db.query(Profile.self).preload(\.user, \.company).order(by: \.id).all()
            #expect(stored.map(\.name) == ["plain", "employed", "alone"])
            #expect(stored.map(\.userID) == [plain.userID, employed.userID, nil])
            #expect(stored[0].user?.companyID == nil && stored[0].user?.name == "no company")
            #expect(stored[1].user?.companyID == employed.user?.company?.id && stored[1].user?.company?.name == "acme")
            #expect(employed.user?.companyID == employed.user?.company?.id && employed.user?.companyID != nil)
            #expect(Set([plain.id, employed.id, alone.id]).count == 3)
            // Another model made known: a new generation, a new recipe, and creates still right.
            db.register([Integrity.Team.self])
            var later = Profile(name: "later", user: User(name: "later user"))
            try db.create(&later)
            let remade = try #require(db.context.plans.keptCreateRecipe(for: User.self))
            #expect(remade !== recipe && remade.generation > recipe.generation)
            #expect(try db.query(Profile.self).preload(\.user).find(later.id ?? 0)?.user?.name == "later user")
        }
    }

    @Test func shapesLeaveNullAndRefuseBoundArrays() throws {
        let query = SelectQuery("Profile", filter: .and([.equal("name", .text("ann")), .isNull(.column("user_id")),
            .comparison(.column("user_id"), .notEqual, .value(.null))]))
        let shaped = try #require(query.shaped())
        #expect(shaped.values.values == [.text("ann")])
        #expect(shaped.query == SelectQuery("Profile", filter: .and([.equal("name", QueryValues.marker(0)),
            .isNull(.column("user_id")), .comparison(.column("user_id"), .notEqual, .value(.null))])).shaped()?.query)
        let arrays = SelectQuery("Profile", filter: .inArray(.column("id"), [.integer(1)], elementType: .integer))
        #expect(arrays.shaped() == nil)
    }

    /// A query is matched against a cached shape in place: its fingerprint's values are those
    /// `shaped()` takes out, queries of one shape share a fingerprint, and a query matches only
    /// its own shape — a NULL where the shape has a value, another column, operator, nesting or
    /// list length, or another include does not.
    @Test func aFingerprintTakesTheValuesAndMatchesOnlyItsOwnShape() throws {
        func query(_ name: SQLValue, _ extra: Condition = .isNull(.column("user_id")), limit: Int? = nil,
                   include: Include? = nil) -> SelectQuery {
            SelectQuery("Profile", filter: .and([.equal("name", name), extra,
                .in(.column("id"), [.integer(1), .null]), .like(.column("name"), "a%"),
                .not(.fragment("id <> ?", arguments: [.integer(9)]))]), limit: limit, includes: include.map { [$0] } ?? [])
        }
        let ann = query(.text("ann")), bob = query(.text("bob"))
        let annPrint = try #require(ann.shapeFingerprint()), bobPrint = try #require(bob.shapeFingerprint())
        let shape = try #require(ann.shaped())
        #expect(annPrint.values == shape.values.values)
        #expect(annPrint.values == [.text("ann"), .integer(1), .text("a%"), .integer(9)])
        #expect(annPrint.hash == bobPrint.hash)
        #expect(ann.hasShape(shape.query) && bob.hasShape(shape.query))
        let others = [
            query(.null),
            query(.text("ann"), .isNotNull(.column("user_id"))),
            query(.text("ann"), .isNull(.column("user_id", table: "User"))),
            query(.text("ann"), .comparison(.column("user_id"), .notEqual, .value(.integer(1)))),
            query(.text("ann"), .or([.isNull(.column("user_id"))])),
            query(.text("ann"), limit: 1),
            query(.text("ann"), include: Include(["user"], .leftJoin)),
            SelectQuery("Profile", filter: .equal("name", .text("ann"))),
            SelectQuery("User", filter: ann.filter),
        ]
        for other in others {
            #expect(!other.hasShape(shape.query), "\(other)")
            let otherShape = try #require(other.shaped())
            #expect(!ann.hasShape(otherShape.query), "\(other)")
            #expect(other.hasShape(otherShape.query))
            #expect(try #require(other.shapeFingerprint()).hash != annPrint.hash, "\(other)")
        }
        let arrays = SelectQuery("Profile", filter: .inArray(.column("id"), [.integer(1)], elementType: .integer))
        #expect(arrays.shapeFingerprint() == nil)
    }

    /// The select entries' table: shapes whose fingerprints fall in one bucket are each found
    /// (and only their own), a shape planned again replaces its entry, the table grows past its
    /// first size, and eviction keeps the most recently used half findable.
    @Test func selectEntriesOfOneBucketAndEvictedHalvesAreFoundRight() throws {
        let cache = PlanCache(capacity: 40)
        let planner = Planner(schema: try Schema(models: Profile.self, User.self, Company.self), capabilities: DialectCapabilities())
        let capabilities = cache.number(of: DialectCapabilities())
        let dialect = ObjectIdentifier(PlanCache.self)
        func shape(_ index: Int) -> SelectQuery { SelectQuery("Profile", limit: index) }
        func bucket(_ index: Int) -> Int { index < 12 ? 7 : index * 7919 }   // twelve shapes collide
        func store(_ index: Int) throws -> PlanCache.Entry {
            cache.storeSelect(
                try planner.plan(.select(shape(index))), root: LoweredStatement(sql: "\(index)", bindings: []), rootMarkers: [],
                preloadsHaveMarkers: false, capabilities: capabilities,
                key: PlanCache.SelectKey(shape: shape(index), generation: 1, dialect: dialect, bucket: bucket(index)))
        }
        func found(_ index: Int) -> String? {
            cache.selectEntry(matching: shape(index), bucket: bucket(index), generation: 1, dialect: dialect,
                              capabilities: capabilities)?.root.sql
        }
        var stored: [Int: PlanCache.Entry] = [:]
        for index in 0..<30 { stored[index] = try store(index) }   // past the table's first 16 slots
        #expect((0..<30).map(found) == (0..<30).map { "\($0)" })
        #expect(found(30) == nil && found(-1) == nil)
        #expect(cache.selectEntry(matching: shape(3), bucket: 7, generation: 2, dialect: dialect, capabilities: capabilities) == nil)
        let again = try store(5)
        #expect(cache.count == 30, "a shape stored again replaces its entry")
        #expect(cache.selectEntry(matching: shape(5), bucket: 7, generation: 1, dialect: dialect, capabilities: capabilities) === again)
        #expect(stored[5] !== again)
        // Fill up, use the odd ones, then go past the capacity: of the least recently used half
        // that goes, the even ones go first.
        for index in 30..<40 { _ = try store(index) }
        for index in stride(from: 1, to: 30, by: 2) { _ = found(index) }
        _ = try store(40)
        #expect(cache.count <= 40)
        for index in stride(from: 1, to: 30, by: 2) { #expect(found(index) == "\(index)", "used lately, kept: \(index)") }
        #expect(found(40) == "40")
        #expect(stride(from: 0, to: 30, by: 2).contains { found($0) == nil }, "nothing was evicted")
    }

    /// The second load of a shape decodes with what the first worked out (its recipe: decoders
    /// for the root, the joined and the preloaded rows, a preload of chosen columns widened) and
    /// gets the rows of its own values: nested joins and preloads, on every engine.
    @Test(arguments: TestEngine.allCases)
    func aLoadOfTheSameShapeDecodesWithTheRecipeOfTheFirst(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var ann = Profile(name: "ann's", user: User(name: "ann", company: Company(name: "acme")))
            var bob = Profile(name: "bob's", user: User(name: "bob", company: Company(name: "bolt")))
            try db.create(&ann)
            try db.create(&bob)
            let shapes: [(String) -> QueryBuilder<Profile, Database>] = [
                { db.query(Profile.self).preload(\.user, \.company).filter(\.name == $0) },
                { db.query(Profile.self).join(\.user, \.company).filter(\.name == $0) },
                { db.query(Profile.self).preload(\.user, columns: [\.name]).filter(\.name == $0) },
            ]
            for (index, shape) in shapes.enumerated() {
                let entry = { try #require(db.selectRun(shape("x").query, including: Profile.self).entry) }
                #expect(try !entry().hasHydrationRecipe, "shape \(index)")
                let first = try shape("ann's").all()
                #expect(try entry().hasHydrationRecipe, "shape \(index)")
                let second = try shape("bob's").all()
                #expect(first.map(\.user?.name) == ["ann"], "shape \(index)")
                #expect(second.map(\.user?.name) == ["bob"], "shape \(index)")
                #expect(second.map(\.userID) == [bob.userID], "shape \(index)")
                if index < 2 {
                    #expect(first.map(\.user?.company?.name) == ["acme"], "shape \(index)")
                    #expect(second.map(\.user?.company?.name) == ["bolt"], "shape \(index)")
                } else {
                    #expect(second.map(\.user?.companyID) == [nil], "only the name was read")
                }
            }
        }
    }
}
