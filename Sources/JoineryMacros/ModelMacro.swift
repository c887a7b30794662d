import SwiftDiagnostics
import SwiftSyntax
import SwiftSyntaxMacros

/// `@Model`: writes the `Model` conformance of a struct.
///
/// Members (inside the struct, where the user's own type names resolve): the declaration, the
/// key-path → association map, and reading and writing associations by name. Extension (so the
/// memberwise initializer survives): the conformance, decoding by column position, encoding, and
/// writing one column — written without type names, which an extension of a nested type could
/// not resolve.
public struct ModelMacro: MemberMacro, ExtensionMacro {
    public static func expansion(
        of node: AttributeSyntax, providingMembersOf declaration: some DeclGroupSyntax,
        conformingTo protocols: [TypeSyntax], in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        guard let structDecl = declaration.as(StructDeclSyntax.self) else {
            diagnoseNonStruct(declaration, node: node, in: context)
            return []
        }
        let (properties, problems) = StoredProperty.all(in: structDecl.memberBlock.members)
        problems.forEach(context.diagnose)
        let access = accessModifier(of: structDecl)
        let tableArgument = node.arguments?.as(LabeledExprListSyntax.self)?
            .first { $0.label?.text == "table" }.map { ", table: \($0.expression.trimmedDescription)" } ?? ""

        var fields: [String] = []
        var relations: [String] = []
        var keyPaths: [String] = []
        var fieldKeyPaths: [String] = []
        var associationTypes: [String] = []
        var getters: [String] = []
        var setters: [String] = []
        var boxSetters: [String] = []
        var boxGetters: [String] = []
        var joins: [String] = []
        var codingKeys: [String] = []
        for property in properties {
            switch property.kind {
            case .column(let arguments):
                codingKeys.append("case \(property.name)")
                fields.append("Joinery.FieldDeclaration(\(literal(property.name)), \(property.type).self\(columnArguments(arguments)))")
                fieldKeyPaths.append("if keyPath == \\Self.\(property.name) { return \(literal(property.name)) }")
            case .belongsTo(let target, let arguments):
                let extra = arguments.map { $0.isEmpty ? "" : ", " + $0.trimmedDescription } ?? ""
                relations.append("Joinery.BelongsToDeclaration(\(literal(property.name)), \(target).self\(extra))")
                keyPaths.append("if keyPath == \\Self.\(property.name) { return \(literal(property.name)) }")
                associationTypes.append("\(literal(property.name)): \(target).self")
                getters.append("case \(literal(property.name)): return self.\(property.name)")
                setters.append("case \(literal(property.name)): self.\(property.name) = value as? \(target)")
                boxSetters.append("case \(literal(property.name)): self._\(property.name) = box as? Joinery.AssociationBox<\(target)>")
                boxGetters.append("case \(literal(property.name)): return self._\(property.name)")
                // Read in place through the array (`joins[position].offset`): a `for join in
                // joins` copy retained and released the join's name and arrays on every row. The
                // box is set directly: the property's setter wrapped a copy in an Optional first.
                joins.append(
                    "case \(joins.count):\n"
                        + "guard try !Joinery.JoinedAssociation.isMissing(joins[position].keyPositions, in: cursor) else { continue }\n"
                        + "var parent = try \(target)(cursor: cursor, startingAt: joins[position].offset)\n"
                        + "if !joins[position].nested.isEmpty { try parent.attachJoined(joins[position].nested, from: cursor) }\n"
                        + "self._\(property.name) = Joinery.AssociationBox(parent)")
                codingKeys.append("case _\(property.name) = \(literal(property.name))")
            case .transient:
                codingKeys.append("case \(property.name)")  // not a column; @Transient itself checks its default value
            }
        }
        func list(_ items: [String]) -> String {
            items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n]"
        }
        let lookups = keyPaths.map { $0 + "\n" }.joined()
        let fieldLookups = fieldKeyPaths.map { $0 + "\n" }.joined()
        var members: [DeclSyntax] = [
            """
            \(raw: access)static let modelDeclaration = Joinery.ModelDeclaration(
                \(raw: literal(structDecl.name.text))\(raw: tableArgument),
                fields: \(raw: list(fields)),
                belongsTo: \(raw: list(relations))
            )
            """,
            """
            \(raw: access)static func associationName(for keyPath: PartialKeyPath<Self>) -> String? {
                \(raw: lookups)return nil
            }
            """,
            """
            \(raw: access)static func fieldName(for keyPath: PartialKeyPath<Self>) -> String? {
                \(raw: fieldLookups)return nil
            }
            """,
        ]
        // Without associations, the protocol's defaults (none) apply.
        guard !associationTypes.isEmpty else { return members }
        // An association is stored as `_user`: coding keys name it `user`, so a model that
        // declares `Codable` encodes its loaded parents under their own names (nil: left out).
        if !declaresCodingKeys(structDecl) {
            members.append(
                """
                enum CodingKeys: String, CodingKey {
                    \(raw: codingKeys.joined(separator: "\n"))
                }
                """)
        }
        members += [
            """
            \(raw: access)static var associationTypes: [String: any Joinery.Model.Type] {
                [\(raw: associationTypes.joined(separator: ", "))]
            }
            """,
            """
            \(raw: access)func association(named name: String) -> (any Joinery.Model)? {
                switch name {
                \(raw: getters.joined(separator: "\n"))
                default: return nil
                }
            }
            """,
            """
            \(raw: access)mutating func attachJoined(_ joins: [Joinery.JoinedAssociation], from cursor: any Joinery.RowCursor) throws {
                for position in joins.indices {
                    switch joins[position].index {
                    \(raw: joins.joined(separator: "\n"))
                    default: break
                    }
                }
            }
            """,
            """
            \(raw: access)mutating func setAssociation(_ value: (any Joinery.Model)?, named name: String) {
                switch name {
                \(raw: setters.joined(separator: "\n"))
                default: break
                }
            }
            """,
            """
            \(raw: access)mutating func setAssociation(box: AnyObject?, named name: String) {
                switch name {
                \(raw: boxSetters.joined(separator: "\n"))
                default: break
                }
            }
            """,
            """
            \(raw: access)func associationBox(named name: String) -> AnyObject? {
                switch name {
                \(raw: boxGetters.joined(separator: "\n"))
                default: return nil
                }
            }
            """,
        ]
        return members
    }

    public static func expansion(
        of node: AttributeSyntax, attachedTo declaration: some DeclGroupSyntax,
        providingExtensionsOf type: some TypeSyntaxProtocol, conformingTo protocols: [TypeSyntax],
        in context: some MacroExpansionContext
    ) throws -> [ExtensionDeclSyntax] {
        // The member expansion reports what is wrong; this one only skips it.
        guard let structDecl = declaration.as(StructDeclSyntax.self) else { return [] }
        let properties = StoredProperty.all(in: structDecl.memberBlock.members).properties
        let access = accessModifier(of: structDecl)
        var decodes: [String] = []
        var cursorDecodes: [String] = []
        var encodes: [String] = []
        var assignments: [String] = []
        for property in properties {
            switch property.kind {
            case .column:
                decodes.append("self.\(property.name) = try row.decode(at: offset + \(encodes.count))")
                cursorDecodes.append("self.\(property.name) = try Joinery.ColumnReader.read(cursor, at: offset + \(encodes.count))")
                assignments.append("case \(encodes.count): self.\(property.name) = try .init(sqlValue: value)")
                encodes.append("self.\(property.name).sqlValue")
            case .belongsTo:
                // The box's storage itself: through the property's init accessor, the compiler
                // checks exclusive access to all of `self` at run time on every decoded row.
                decodes.append("self._\(property.name) = nil")
                cursorDecodes.append("self._\(property.name) = nil")
            case .transient:
                break
            }
        }
        let code = """
            extension \(type.trimmedDescription): Joinery.Model {
                \(access)init(row: Joinery.Row, startingAt offset: Int) throws {
                    \(decodes.joined(separator: "\n"))
                }

                \(access)init(cursor: any Joinery.RowCursor, startingAt offset: Int) throws {
                    \(cursorDecodes.joined(separator: "\n"))
                }

                \(access)var columnValues: [Joinery.SQLValue] {
                    [\(encodes.joined(separator: ", "))]
                }

                \(access)func appendColumnValues(to values: inout [Joinery.SQLValue]) {
                    \(encodes.map { "values.append(\($0))" }.joined(separator: "\n"))
                }

                \(access)mutating func setColumnValue(_ value: Joinery.SQLValue, at index: Int) throws {
                    switch index {
                    \(assignments.joined(separator: "\n"))
                    default: throw Joinery.JoineryError.noColumn(at: index, of: Self.modelDeclaration.name)
                    }
                }
            }
            """
        guard let extensionDecl = DeclSyntax(stringLiteral: code).as(ExtensionDeclSyntax.self) else { return [] }
        return [extensionDecl]
    }

    /// `@Column("name", unique: true)` → `, column: "name", unique: true` (the generated
    /// `FieldDeclaration` takes `@Column`'s parameters, so the compiler checks them).
    private static func columnArguments(_ arguments: LabeledExprListSyntax?) -> String {
        guard let arguments else { return "" }
        return arguments.map { argument in
            ", " + (argument.label.map { "\($0.text): " } ?? "column: ") + argument.expression.trimmedDescription
        }.joined()
    }

    private static func literal(_ text: String) -> String { "\"\(text)\"" }

    /// Whether the struct names its own `CodingKeys` (then they are the user's to keep right).
    private static func declaresCodingKeys(_ decl: StructDeclSyntax) -> Bool {
        decl.memberBlock.members.contains { member in
            if let enumDecl = member.decl.as(EnumDeclSyntax.self) { return enumDecl.name.text == "CodingKeys" }
            if let alias = member.decl.as(TypeAliasDeclSyntax.self) { return alias.name.text == "CodingKeys" }
            return false
        }
    }

    private static func accessModifier(of decl: StructDeclSyntax) -> String {
        for modifier in decl.modifiers {
            switch modifier.name.tokenKind {
            case .keyword(.public), .keyword(.open): return "public "
            case .keyword(.package): return "package "
            default: continue
            }
        }
        return ""
    }

    private static func diagnoseNonStruct(
        _ declaration: some DeclGroupSyntax, node: AttributeSyntax, in context: some MacroExpansionContext
    ) {
        if let classDecl = declaration.as(ClassDeclSyntax.self) {
            context.diagnose(.replacingKeyword(
                classDecl.classKeyword, with: .struct, JoineryDiagnostic.modelOnClass, fixIt: "make it a struct"))
        } else {
            context.diagnose(Diagnostic(node: node, message: JoineryDiagnostic.modelOnNonStruct))
        }
    }
}
