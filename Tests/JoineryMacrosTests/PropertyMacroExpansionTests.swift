import SwiftSyntaxMacrosGenericTestSupport
import Testing

@Suite("Property macro expansion")
struct PropertyMacroExpansionTests {
    @Test func belongsToBoxesItsValue() {
        assertExpansion(
            """
            struct User {
                @BelongsTo(onDelete: .setNull) var manager: User?
            }
            """,
            expandedSource: """
            struct User {
                var manager: User? {
                    @storageRestrictions(initializes: _manager)
                    init(initialValue) {
                        _manager = initialValue.map(Joinery.AssociationBox.init)
                    }
                    get {
                        _manager?.value
                    }
                    set {
                        _manager = newValue.map(Joinery.AssociationBox.init)
                    }
                }

                private var _manager: Joinery.AssociationBox<User>?
            }
            """)
    }

    @Test func columnIsAMarker() {
        assertExpansion(
            """
            struct User {
                @Column("mail", unique: true) var email: String
                @Transient var cache: Int = 0
            }
            """,
            expandedSource: """
            struct User {
                var email: String
                var cache: Int = 0
            }
            """)
    }

    @Test func columnOnAComputedProperty() {
        assertExpansion(
            """
            struct User {
                @Column(unique: true) var shout: String { "HI" }
            }
            """,
            expandedSource: """
            struct User {
                var shout: String { "HI" }
            }
            """,
            diagnostics: [DiagnosticSpec(message: "@Column applies to one stored property", line: 2, column: 5)])
    }
}
