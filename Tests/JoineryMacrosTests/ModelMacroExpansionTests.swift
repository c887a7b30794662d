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
            expandedSource: #"""
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

                static func fieldName(for keyPath: PartialKeyPath<Self>) -> String? {
                    if keyPath == \Self.id {
                        return "id"
                    }
                    if keyPath == \Self.name {
                        return "name"
                    }
                    return nil
                }
            }

            extension User: Joinery.Model {
                init(row: Joinery.Row, startingAt offset: Int) throws {
                    self.id = try row.decode(at: offset + 0)
                    self.name = try row.decode(at: offset + 1)
                }

                init(cursor: any Joinery.RowCursor, startingAt offset: Int) throws {
                    self.id = try Joinery.ColumnReader.read(cursor, at: offset + 0)
                    self.name = try Joinery.ColumnReader.read(cursor, at: offset + 1)
                }

                var columnValues: [Joinery.SQLValue] {
                    [self.id.sqlValue, self.name.sqlValue]
                }

                func appendColumnValues(to values: inout [Joinery.SQLValue]) {
                    values.append(self.id.sqlValue)
                    values.append(self.name.sqlValue)
                }

                mutating func setColumnValue(_ value: Joinery.SQLValue, at index: Int) throws {
                    switch index {
                    case 0:
                        self.id = try .init(sqlValue: value)
                    case 1:
                        self.name = try .init(sqlValue: value)
                    default:
                        throw Joinery.JoineryError.noColumn(at: index, of: Self.modelDeclaration.name)
                    }
                }
            }
            """#)
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

                public static func fieldName(for keyPath: PartialKeyPath<Self>) -> String? {
                    if keyPath == \Self.id {
                        return "id"
                    }
                    if keyPath == \Self.name {
                        return "name"
                    }
                    if keyPath == \Self.userID {
                        return "userID"
                    }
                    return nil
                }

                enum CodingKeys: String, CodingKey {
                    case id
                    case name
                    case userID
                    case _user = "user"
                    case scratch
                }

                public static var associationTypes: [String: any Joinery.Model.Type] {
                    ["user": User.self]
                }

                public func association(named name: String) -> (any Joinery.Model)? {
                    switch name {
                    case "user":
                        return self.user
                    default:
                        return nil
                    }
                }

                public mutating func attachJoined(_ joins: [Joinery.JoinedAssociation], from cursor: any Joinery.RowCursor) throws {
                    for position in joins.indices {
                        switch joins[position].index {
                        case 0:
                            guard try !Joinery.JoinedAssociation.isMissing(joins[position].keyPositions, in: cursor) else {
                                continue
                            }
                            var parent = try User(cursor: cursor, startingAt: joins[position].offset)
                            if !joins[position].nested.isEmpty {
                                try parent.attachJoined(joins[position].nested, from: cursor)
                            }
                            self._user = Joinery.AssociationBox(parent)
                        default:
                            break
                        }
                    }
                }

                public mutating func setAssociation(_ value: (any Joinery.Model)?, named name: String) {
                    switch name {
                    case "user":
                        self.user = value as? User
                    default:
                        break
                    }
                }

                public mutating func setAssociation(box: AnyObject?, named name: String) {
                    switch name {
                    case "user":
                        self._user = box as? Joinery.AssociationBox<User>
                    default:
                        break
                    }
                }

                public func associationBox(named name: String) -> AnyObject? {
                    switch name {
                    case "user":
                        return self._user
                    default:
                        return nil
                    }
                }
            }

            extension Profile: Joinery.Model {
                public init(row: Joinery.Row, startingAt offset: Int) throws {
                    self.id = try row.decode(at: offset + 0)
                    self.name = try row.decode(at: offset + 1)
                    self.userID = try row.decode(at: offset + 2)
                    self._user = nil
                }

                public init(cursor: any Joinery.RowCursor, startingAt offset: Int) throws {
                    self.id = try Joinery.ColumnReader.read(cursor, at: offset + 0)
                    self.name = try Joinery.ColumnReader.read(cursor, at: offset + 1)
                    self.userID = try Joinery.ColumnReader.read(cursor, at: offset + 2)
                    self._user = nil
                }

                public var columnValues: [Joinery.SQLValue] {
                    [self.id.sqlValue, self.name.sqlValue, self.userID.sqlValue]
                }

                public func appendColumnValues(to values: inout [Joinery.SQLValue]) {
                    values.append(self.id.sqlValue)
                    values.append(self.name.sqlValue)
                    values.append(self.userID.sqlValue)
                }

                public mutating func setColumnValue(_ value: Joinery.SQLValue, at index: Int) throws {
                    switch index {
                    case 0:
                        self.id = try .init(sqlValue: value)
                    case 1:
                        self.name = try .init(sqlValue: value)
                    case 2:
                        self.userID = try .init(sqlValue: value)
                    default:
                        throw Joinery.JoineryError.noColumn(at: index, of: Self.modelDeclaration.name)
                    }
                }
            }
            """#)
    }
}
