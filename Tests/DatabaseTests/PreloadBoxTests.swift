import EngineTestSupport
import Foundation
import Joinery
import JoineryTestSupport
import Testing

/// A preloaded parent is decoded once, into the box its children share: the children still
/// behave as values, and a model whose conformance is written by hand (no `@Model`) gets its
/// parents through the protocol's default.
@Suite("Preloaded parents in shared boxes")
struct PreloadBoxTests {
    @Test(arguments: TestEngine.allCases)
    func childrenOfOneParentStayIndependentValues(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var ann = User(name: "ann", company: Company(name: "Acme"))
            try db.create(&ann)
            var profiles = [Profile(name: "first", user: ann), Profile(name: "second", user: ann), Profile(name: "none")]
            try db.create(&profiles)
            var loaded = try db.query(Profile.self).preload(\.user, \.company).order(by: "id").all()
            #expect(loaded.map { $0.user?.name } == ["ann", "ann", nil])
            #expect(loaded.map { $0.user?.company?.name } == ["Acme", "Acme", nil])
            loaded[0].user?.name = "changed"
            loaded[0].user?.company = nil
            #expect(loaded[1].user?.name == "ann")
            #expect(loaded[1].user?.company?.name == "Acme")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aHandWrittenModelGetsItsPreloadedParent(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var ann = User(name: "ann")
            try db.create(&ann)
            var pets = [HandWrittenPet(id: nil, name: "rex", userID: ann.id), HandWrittenPet(id: nil, name: "stray", userID: nil)]
            try db.migrate(HandWrittenPet.self)
            try db.create(&pets)
            let loaded = try db.query(HandWrittenPet.self).preload(\.user).order(by: "id").all()
            #expect(loaded.map(\.name) == ["rex", "stray"])
            #expect(loaded.map { $0.user?.name } == ["ann", nil])
        }
    }
}

/// A hand-written model has no shared boxes to read its parents from: a batch create reads them
/// through `association(named:)` and still inserts the new ones as one batch of their type.
@Suite("Batch create of a hand-written model")
struct HandWrittenBatchCreateTests {
    @Test(arguments: TestEngine.allCases)
    func newAndExistingParentsAreWrittenAndSetOnEachOwner(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            try db.migrate(HandWrittenPet.self)
            var ann = User(name: "ann")
            try db.create(&ann)
            var pets = [
                HandWrittenPet(id: nil, name: "rex", userID: nil), HandWrittenPet(id: nil, name: "tom", userID: nil),
                HandWrittenPet(id: nil, name: "stray", userID: nil),
            ]
            pets[0].user = User(name: "bob")
            pets[1].user = ann
            try db.create(&pets)
            #expect(pets.allSatisfy { $0.id != nil })
            #expect(pets[0].user?.id != nil && pets[0].userID == pets[0].user?.id)
            #expect(pets[1].userID == ann.id)
            #expect(pets[2].userID == nil && pets[2].user == nil)
            let loaded = try db.query(HandWrittenPet.self).preload(\.user).order(by: "id").all()
            #expect(loaded.map { $0.user?.name } == ["bob", "ann", nil])
            #expect(try db.query(User.self).count() == 2)
        }
    }

    /// A batch reads each model's column values into one table, a row per model: a conformance
    /// that gives fewer values than it declares fields is refused before anything is written,
    /// its new parents included, and the caller's values keep no key.
    @Test(arguments: TestEngine.allCases)
    func aModelGivingTooFewColumnValuesIsMisuseAndNothingIsStored(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            try db.migrate(HandWrittenPet.self)
            var pets = [MiscountedPet(id: nil, name: "rex", userID: nil), MiscountedPet(id: nil, name: "tom", userID: nil)]
            pets[0].user = User(name: "bob")
            let error = joineryError { try db.create(&pets) }
            #expect(error?.kind == .misuse)
            #expect(error?.message.contains("2 column values for its 3 fields") == true)
            #expect(pets.allSatisfy { $0.id == nil && $0.userID == nil && $0.user?.id == nil })
            #expect(try db.query(HandWrittenPet.self).count() == 0)
            #expect(try db.query(User.self).count() == 0)
        }
    }
}

/// ``HandWrittenPet``'s table, with a conformance that leaves `userID` out of its column values.
struct MiscountedPet: Model {
    var pet: HandWrittenPet
    var id: Int64? { pet.id }
    var userID: Int64? { pet.userID }
    var user: User? {
        get { pet.user }
        set { pet.user = newValue }
    }

    init(id: Int64?, name: String, userID: Int64?) { pet = HandWrittenPet(id: id, name: name, userID: userID) }
    init(row: Row, startingAt offset: Int) throws { pet = try HandWrittenPet(row: row, startingAt: offset) }

    static var modelDeclaration: ModelDeclaration { HandWrittenPet.modelDeclaration }
    var columnValues: [SQLValue] { [pet.id.sqlValue, pet.name.sqlValue] }
    static var associationTypes: [String: any Model.Type] { HandWrittenPet.associationTypes }
    func association(named name: String) -> (any Model)? { pet.association(named: name) }
    mutating func setAssociation(_ value: (any Model)?, named name: String) { pet.setAssociation(value, named: name) }
    mutating func setColumnValue(_ value: SQLValue, at index: Int) throws { try pet.setColumnValue(value, at: index) }
}

/// A model conformed by hand, with one belongs-to association.
struct HandWrittenPet: Model {
    var id: Int64?
    var name: String
    var userID: Int64?
    var user: User?

    static let modelDeclaration = ModelDeclaration(
        "HandWrittenPet",
        fields: [
            FieldDeclaration("id", Int64?.self), FieldDeclaration("name", String.self), FieldDeclaration("userID", Int64?.self),
        ],
        belongsTo: [BelongsToDeclaration("user", target: "User")])

    init(id: Int64?, name: String, userID: Int64?) {
        self.id = id
        self.name = name
        self.userID = userID
    }

    init(row: Row, startingAt offset: Int) throws {
        id = try row.decode(at: offset)
        name = try row.decode(at: offset + 1)
        userID = try row.decode(at: offset + 2)
    }

    var columnValues: [SQLValue] { [id.sqlValue, name.sqlValue, userID.sqlValue] }

    static func associationName(for keyPath: PartialKeyPath<Self>) -> String? { keyPath == \Self.user ? "user" : nil }

    static var associationTypes: [String: any Model.Type] { ["user": User.self] }

    func association(named name: String) -> (any Model)? { name == "user" ? user : nil }

    mutating func setAssociation(_ value: (any Model)?, named name: String) {
        if name == "user" { user = value as? User }
    }
}
