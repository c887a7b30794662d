import SwiftDiagnostics
import SwiftSyntax
import SwiftSyntaxMacros

/// `@BelongsTo`: turns `var user: User?` into a property stored in an `AssociationBox`, so a
/// model may belong to its own type, and checks the property: a `var`, optional, of a model type.
///
/// ```swift
/// @BelongsTo var user: User?
/// // becomes
/// var user: User? {
///     @storageRestrictions(initializes: _user)
///     init(initialValue) { _user = initialValue.map(Joinery.AssociationBox.init) }
///     get { _user?.value }
///     set { _user = newValue.map(Joinery.AssociationBox.init) }
/// }
/// private var _user: Joinery.AssociationBox<User>?
/// ```
public struct BelongsToMacro: AccessorMacro, PeerMacro {
    public static func expansion(
        of node: AttributeSyntax, providingAccessorsOf declaration: some DeclSyntaxProtocol,
        in context: some MacroExpansionContext
    ) throws -> [AccessorDeclSyntax] {
        guard let (name, _) = validProperty(declaration) else { return [] }
        return [
            """
            @storageRestrictions(initializes: _\(raw: name))
            init(initialValue) {
                _\(raw: name) = initialValue.map(Joinery.AssociationBox.init)
            }
            """,
            "get { _\(raw: name)?.value }",
            "set { _\(raw: name) = newValue.map(Joinery.AssociationBox.init) }",
        ]
    }

    public static func expansion(
        of node: AttributeSyntax, providingPeersOf declaration: some DeclSyntaxProtocol,
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        guard let (name, target) = diagnose(node, declaration, in: context) else { return [] }
        return ["private var _\(raw: name): Joinery.AssociationBox<\(raw: target)>?"]
    }

    /// The property's name and target type, when `@BelongsTo` can apply to it.
    private static func validProperty(_ declaration: some DeclSyntaxProtocol) -> (String, String)? {
        guard let variable = declaration.as(VariableDeclSyntax.self), variable.bindings.count == 1,
              variable.bindingSpecifier.tokenKind == .keyword(.var), !variable.isStatic,
              let binding = variable.bindings.first, !binding.isComputed,
              let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text,
              let type = binding.typeAnnotation?.type,
              case .success(let target) = BelongsToTarget.check(type: type)
        else { return nil }
        return (name, target)
    }

    /// Reports what keeps `@BelongsTo` from applying (once: here, not in the accessor expansion).
    private static func diagnose(
        _ node: AttributeSyntax, _ declaration: some DeclSyntaxProtocol, in context: some MacroExpansionContext
    ) -> (String, String)? {
        guard let variable = declaration.as(VariableDeclSyntax.self), variable.bindings.count == 1,
              let binding = variable.bindings.first, !binding.isComputed, !variable.isStatic
        else {
            context.diagnose(Diagnostic(node: node, message: JoineryDiagnostic.belongsToOnNonProperty))
            return nil
        }
        if variable.bindingSpecifier.tokenKind != .keyword(.var) {
            context.diagnose(.replacingKeyword(
                variable.bindingSpecifier, with: .var, JoineryDiagnostic.belongsToLet, fixIt: "make it 'var'"))
            return nil
        }
        guard let type = binding.typeAnnotation?.type else {
            context.diagnose(Diagnostic(node: binding.pattern, message: JoineryDiagnostic.missingTypeAnnotation))
            return nil
        }
        switch BelongsToTarget.check(type: type) {
        case .success:
            return validProperty(declaration)
        case .builtin:
            context.diagnose(Diagnostic(node: type, message: JoineryDiagnostic.belongsToBuiltinType))
        case .notOptional:
            let optional = TypeSyntax(OptionalTypeSyntax(wrappedType: type.trimmed)).with(\.trailingTrivia, type.trailingTrivia)
            context.diagnose(Diagnostic(
                node: type, message: JoineryDiagnostic.belongsToNotOptional,
                fixIt: FixIt(
                    message: JoineryFixIt(message: "make it optional"),
                    changes: [.replace(oldNode: Syntax(type), newNode: Syntax(optional))])))
        }
        return nil
    }
}

/// `@Column(…)`: a marker `@Model` reads; checks that it sits on one stored property.
public struct ColumnMacro: PeerMacro {
    public static func expansion(
        of node: AttributeSyntax, providingPeersOf declaration: some DeclSyntaxProtocol,
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        if let variable = declaration.as(VariableDeclSyntax.self), variable.bindings.count == 1,
           let binding = variable.bindings.first, !binding.isComputed, !variable.isStatic {
            return []
        }
        context.diagnose(Diagnostic(node: node, message: JoineryDiagnostic.columnOnNonStoredProperty))
        return []
    }
}

/// `@Transient`: a stored property that is not a column; it needs a default value.
public struct TransientMacro: PeerMacro {
    public static func expansion(
        of node: AttributeSyntax, providingPeersOf declaration: some DeclSyntaxProtocol,
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        if let variable = declaration.as(VariableDeclSyntax.self),
           variable.bindings.allSatisfy({ $0.initializer != nil || $0.isComputed }) {
            return []
        }
        context.diagnose(Diagnostic(node: node, message: JoineryDiagnostic.transientWithoutDefault))
        return []
    }
}
