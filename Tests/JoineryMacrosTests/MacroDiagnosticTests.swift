import SwiftSyntaxMacrosGenericTestSupport
import Testing

/// Misuse the macros can see is a compile-time error, with a fix-it where one is obvious.
@Suite("Macro diagnostics")
struct MacroDiagnosticTests {
    @Test func modelOnAClassOffersStruct() {
        assertExpansion(
            """
            @Model class User {
                var id: Int64?
            }
            """,
            expandedSource: """
            class User {
                var id: Int64?
            }
            """,
            diagnostics: [
                DiagnosticSpec(
                    message: "@Model applies to a struct: a model is a value, copied and compared by its fields",
                    line: 1, column: 8, fixIts: [FixItSpec(message: "make it a struct")]),
            ],
            applyFixIts: ["make it a struct"],
            fixedSource: """
            @Model struct User {
                var id: Int64?
            }
            """)
    }

    @Test func modelOnAnEnum() {
        assertExpansion(
            """
            @Model enum Status {
                case active
            }
            """,
            expandedSource: """
            enum Status {
                case active
            }
            """,
            diagnostics: [
                DiagnosticSpec(message: "@Model applies to a struct with stored properties", line: 1, column: 1),
            ])
    }

    @Test func belongsToMustBeOptional() {
        assertExpansion(
            """
            struct Profile {
                @BelongsTo var user: User
            }
            """,
            expandedSource: """
            struct Profile {
                var user: User
            }
            """,
            diagnostics: [
                DiagnosticSpec(
                    message: "a @BelongsTo property must be optional: it is nil until the association is preloaded or joined",
                    line: 2, column: 26, fixIts: [FixItSpec(message: "make it optional")]),
            ],
            applyFixIts: ["make it optional"],
            fixedSource: """
            struct Profile {
                @BelongsTo var user: User?
            }
            """)
    }

    @Test func belongsToOnAColumnType() {
        assertExpansion(
            """
            struct Profile {
                @BelongsTo var user: String?
            }
            """,
            expandedSource: """
            struct Profile {
                var user: String?
            }
            """,
            diagnostics: [
                DiagnosticSpec(
                    message: "@BelongsTo needs a @Model type as its target; this is a column type — use a plain property, or @Column",
                    line: 2, column: 26),
            ])
    }

    @Test func belongsToMustBeVar() {
        assertExpansion(
            """
            struct Profile {
                @BelongsTo let user: User?
            }
            """,
            expandedSource: """
            struct Profile {
                let user: User?
            }
            """,
            diagnostics: [
                DiagnosticSpec(
                    message: "a @BelongsTo property must be 'var': preloading and joining set it", line: 2, column: 16,
                    fixIts: [FixItSpec(message: "make it 'var'")]),
            ],
            applyFixIts: ["make it 'var'"],
            fixedSource: """
            struct Profile {
                @BelongsTo var user: User?
            }
            """)
    }

    @Test func storedPropertiesNeedTypesOneAPerLine() {
        assertExpansion(
            """
            @Model struct User {
                var id = 0
                var a: Int, b: Int
                let kind: String = "user"
            }
            """,
            expandedSource: """
            struct User {
                var id = 0
                var a: Int, b: Int
                let kind: String = "user"

                static let modelDeclaration = Joinery.ModelDeclaration(
                    "User",
                    fields: [],
                    belongsTo: []
                )

                static func associationName(for keyPath: PartialKeyPath<Self>) -> String? {
                    return nil
                }

                static func fieldName(for keyPath: PartialKeyPath<Self>) -> String? {
                    return nil
                }
            }

            extension User: Joinery.Model {
                init(row: Joinery.Row, startingAt offset: Int) throws {

                }

                init(cursor: any Joinery.RowCursor, startingAt offset: Int) throws {

                }

                var columnValues: [Joinery.SQLValue] {
                    []
                }

                func appendColumnValues(to values: inout [Joinery.SQLValue]) {

                }

                mutating func setColumnValue(_ value: Joinery.SQLValue, at index: Int) throws {
                    switch index {

                    default:
                        throw Joinery.JoineryError.noColumn(at: index, of: Self.modelDeclaration.name)
                    }
                }
            }
            """,
            diagnostics: [
                DiagnosticSpec(
                    message: "a model's stored property needs a type annotation (the column type comes from it)",
                    line: 2, column: 9),
                DiagnosticSpec(message: "declare one stored property per line in a model", line: 3, column: 5),
                DiagnosticSpec(
                    message: "a 'let' with a default value cannot be read from a row; make it 'var', or mark it @Transient",
                    line: 4, column: 5),
            ])
    }

    @Test func transientNeedsADefault() {
        assertExpansion(
            """
            struct User {
                @Transient var cache: [String]
            }
            """,
            expandedSource: """
            struct User {
                var cache: [String]
            }
            """,
            diagnostics: [
                DiagnosticSpec(message: "a @Transient property needs a default value: rows do not fill it", line: 2, column: 5),
            ])
    }
}
