import SwiftSyntaxMacrosGenericTestSupport
import Testing

@Suite("@Model expansion")
struct ModelMacroExpansionTests {
    @Test func plainModel() {
        assertExpansion(
            """
            @Model struct User {
                var id: Int64?
                var name: String
            }
            """,
            expandedSource: """
            struct User {
                var id: Int64?
                var name: String

                static let modelDeclaration = Joinery.ModelDeclaration(
                    "User",
                    fields: [
                        Joinery.FieldDeclaration("id", Int64?.self),
                        Joinery.FieldDeclaration("name", String.self)
                    ],
                    belongsTo: []
                )

                static func associationName(for keyPath: PartialKeyPath<Self>) -> String? {
                    return nil
                }
            }

            extension User: Joinery.Model {
                init(row: Joinery.Row, startingAt offset: Int) throws {
                    self.id = try row.decode(at: offset + 0)
                    self.name = try row.decode(at: offset + 1)
                }

                var columnValues: [Joinery.SQLValue] {
                    [self.id.sqlValue, self.name.sqlValue]
                }
            }
            """)
    }

    @Test func modelWithAssociationColumnOptionsAndSkippedMembers() {
        assertExpansion(
            """
            @Model(table: "user_profiles") public struct Profile {
                var id: Int64?
                @Column("title", unique: true, maxLength: 64) var name: String
                var userID: Int64?
                @BelongsTo(onUpdate: .cascade, onDelete: .setNull) var user: User?
                @Transient var scratch: Int = 0
                var display: String { name.uppercased() }
                static var count = 0
            }
            """,
            expandedSource: #"""
            public struct Profile {
                var id: Int64?
                var name: String
                var userID: Int64?
                var user: User? {
                    @storageRestrictions(initializes: _user)
                    init(initialValue) {
                        _user = initialValue.map(Joinery.AssociationBox.init)
                    }
                    get {
                        _user?.value
                    }
                    set {
                        _user = newValue.map(Joinery.AssociationBox.init)
                    }
                }

                private var _user: Joinery.AssociationBox<User>?
                var scratch: Int = 0
                var display: String { name.uppercased() }
                static var count = 0

                public static let modelDeclaration = Joinery.ModelDeclaration(
                    "Profile", table: "user_profiles",
                    fields: [
                        Joinery.FieldDeclaration("id", Int64?.self),
                        Joinery.FieldDeclaration("name", String.self, column: "title", unique: true, maxLength: 64),
                        Joinery.FieldDeclaration("userID", Int64?.self)
                    ],
                    belongsTo: [
                        Joinery.BelongsToDeclaration("user", User.self, onUpdate: .cascade, onDelete: .setNull)
                    ]
                )

                public static func associationName(for keyPath: PartialKeyPath<Self>) -> String? {
                    if keyPath == \Self.user {
                        return "user"
                    }
                    return nil
                }
            }

            extension Profile: Joinery.Model {
                public init(row: Joinery.Row, startingAt offset: Int) throws {
                    self.id = try row.decode(at: offset + 0)
                    self.name = try row.decode(at: offset + 1)
                    self.userID = try row.decode(at: offset + 2)
                    self.user = nil
                }

                public var columnValues: [Joinery.SQLValue] {
                    [self.id.sqlValue, self.name.sqlValue, self.userID.sqlValue]
                }
            }
            """#)
    }
}
