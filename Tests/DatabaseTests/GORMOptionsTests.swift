import EngineTestSupport
import Foundation
import Joinery
import JoineryTestSupport
import Testing

/// A chain three associations deep, with soft-deleted users, and a model with two associations.
enum Deep {
    @Model struct Country {
        var id: Int64?
        @Column(maxLength: 8) var code: String
    }

    @Model struct Company {
        var id: Int64?
        var name: String
        var countryID: Int64?
        @BelongsTo var country: Country?
    }

    @Model struct User {
        var id: Int64?
        var name: String
        var companyID: Int64?
        var deletedAt: Date?
        @BelongsTo var company: Company?
    }

    @Model struct Profile {
        var id: Int64?
        var name: String
        var userID: Int64?
        var editorID: Int64?
        @BelongsTo var user: User?
        @BelongsTo var editor: User?
    }
}

@Suite("GORM's other belongs-to options")
struct GORMOptionsTests {
    private func withChain(_ engine: TestEngine, _ body: (Database) throws -> Void) throws {
        try withScratchSchema(engine) { connection in
            let db = Database(connection)
            try db.migrate(Deep.Profile.self)
            let france = Deep.Country(code: "FR")
            var jinzhu = Deep.Profile(
                name: "jinzhu's", user: Deep.User(name: "jinzhu", company: Deep.Company(name: "acme", country: france)),
                editor: Deep.User(name: "editor"))
            try db.create(&jinzhu)
            var gone = Deep.Profile(name: "gone's", user: Deep.User(name: "gone"))
            try db.create(&gone)
            if let user = gone.user { try db.delete(user) }  // soft-deleted
            try body(db)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func pathsThreeDeep(engine: TestEngine) throws {
        try withChain(engine) { db in
            let preloaded = try db.query(Deep.Profile.self).preload(\.user, \.company, \.country).order(by: \.id).all()
            #expect(preloaded.map { $0.user?.company?.country?.code } == ["FR", nil])
            let joined = try db.query(Deep.Profile.self).join(\.user, \.company, \.country)
                .filter(\.user, \.company, \.country, \.code == "FR").all()
            #expect(joined.map { $0.user?.company?.country?.code } == ["FR"])
            // By dotted path, as deep as the models go.
            let byPath = try db.query(Deep.Profile.self).preload("user.company.country").join("editor").order(by: \.id).all()
            #expect(byPath.map { $0.user?.company?.country?.code } == ["FR", nil])
            #expect(byPath.map { $0.editor?.name } == ["editor", nil])
            let unknown = joineryError { _ = try db.query(Deep.Profile.self).preload("user.nowhere").all() }
            #expect(unknown?.kind == .misuse)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func preloadAllLoadsEveryAssociation(engine: TestEngine) throws {
        try withChain(engine) { db in
            let profiles = try db.query(Deep.Profile.self).preloadAll().order(by: \.id).all()
            #expect(profiles.map { $0.user?.name } == ["jinzhu", nil])
            #expect(profiles.map { $0.editor?.name } == ["editor", nil])
            #expect(profiles.first?.user?.company == nil)  // one level, as GORM's clause.Associations
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aPreloadReadsOnlyTheColumnsChosen(engine: TestEngine) throws {
        try withChain(engine) { db in
            let recorder = StatementRecorder()
            db.observeStatements(recorder.record)
            // `companyID` is optional: not chosen, it reads as nil; the nested preload still
            // finds the companies, because the planner reads the key it needs.
            let profiles = try db.query(Deep.Profile.self).preload(\.user, columns: [\.name]).order(by: \.id).all()
            #expect(profiles.map { $0.user?.name } == ["jinzhu", nil])
            #expect(profiles.first?.user?.companyID == nil)
            #expect(profiles.first?.user?.id != nil)
            let preloadSQL = recorder.sql.last ?? ""
            #expect(!preloadSQL.contains("company_id"), "\(preloadSQL)")

            let nested = try db.query(Deep.Profile.self).preload(\.user, columns: [\.name]).preload(\.user, \.company)
                .order(by: \.id).all()
            #expect(nested.first?.user?.company?.name == "acme")

            // A required field left out cannot be read: misuse, nothing run.
            let error = joineryError { _ = try db.query(Deep.User.self).preload(\.company, columns: [\.countryID]).all() }
            #expect(error?.kind == .misuse)
            #expect(error?.field == "name")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func unscopedForOneAssociationOnly(engine: TestEngine) throws {
        try withChain(engine) { db in
            let scoped = try db.query(Deep.Profile.self).preload(\.user).order(by: \.id).all()
            #expect(scoped.map { $0.user?.name } == ["jinzhu", nil])
            let unscoped = try db.query(Deep.Profile.self).preload(\.user).unscoped(\.user).order(by: \.id).all()
            #expect(unscoped.map { $0.user?.name } == ["jinzhu", "gone"])
            let joined = try db.query(Deep.Profile.self).join(\.user).unscoped(\.user).order(by: \.id).all()
            #expect(joined.map { $0.user?.name } == ["jinzhu", "gone"])
            // Only that association: a query of users still leaves the soft-deleted one out.
            let users = try db.query(Deep.User.self).count()
            #expect(users == 2)
        }
    }
}

enum Drafts {
    @Model struct Note {
        var id: Int64?
        var body: String
        @Column(maxLength: 16, default: .text("draft")) var status: String
        var userID: Int64?
        @BelongsTo var user: Docs.User?
    }
}

@Suite("Save of a graph, and create with omissions")
struct SaveAndOmitTests {
    @Test(arguments: TestEngine.allCases)
    func saveWritesChangedParentsNewParentsAndTheModel(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var profile = Profile(name: "p", user: User(name: "jinzhu", company: Company(name: "acme")))
            try db.create(&profile)
            guard var loaded = try db.query(Profile.self).preload(\.user, \.company).find(profile.id) else {
                Issue.record("the profile is missing")
                return
            }
            loaded.name = "p, renamed"
            loaded.user?.name = "jinzhu 2"
            loaded.user?.company = Company(name: "new co")  // new: inserted, and the user points at it
            try db.save(&loaded)

            let stored = try db.query(Profile.self).preload(\.user, \.company).find(profile.id)
            #expect(stored?.name == "p, renamed")
            #expect(stored?.user?.name == "jinzhu 2")
            #expect(stored?.user?.company?.name == "new co")
            #expect(loaded.user?.company?.id != nil)
            #expect(try db.query(Company.self).count() == 2)

            // A graph whose row is gone: notFound, nothing written, the value as it was.
            try db.delete(profile, permanently: true)
            var stale = loaded
            stale.user?.name = "never stored"
            let error = joineryError { try db.save(&stale) }
            #expect(error?.kind == .notFound)
            #expect(stale.user?.name == "never stored")
            #expect(try db.query(User.self).find(loaded.user?.id)?.name == "jinzhu 2")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func createOmittingAnAssociationOrAField(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            try db.migrate(Drafts.Note.self)
            var existing = User(name: "existing")
            try db.create(&existing)
            var note = Drafts.Note(body: "b", status: "published", userID: existing.id, user: User(name: "not stored"))
            try db.create(&note, omitting: \.user, \.status)
            #expect(note.status == "draft")  // the column's default, read back
            #expect(note.userID == existing.id)
            let stored = try db.query(Drafts.Note.self).preload(\.user).find(note.id)
            #expect(stored?.status == "draft")
            #expect(stored?.user?.name == "existing")
            #expect(try db.query(User.self).count() == 1)

            var chosen = Drafts.Note(body: "only the body", status: "published", userID: existing.id)
            try db.create(&chosen, only: \.body)
            #expect(chosen.status == "draft")
            #expect(chosen.userID == nil)  // not named: left out, and read back as stored
            #expect(try db.query(Drafts.Note.self).find(chosen.id)?.body == "only the body")
        }
    }
}
