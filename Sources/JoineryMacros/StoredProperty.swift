import SwiftDiagnostics
import SwiftSyntax

/// One stored property of a `@Model` struct, as the macros read it.
struct StoredProperty {
    enum Kind {
        case column(arguments: LabeledExprListSyntax?)
        case belongsTo(target: String, arguments: LabeledExprListSyntax?)
        case transient
    }

    let name: String
    let type: String
    let kind: Kind

    /// The stored properties of `members`, in order, with what is wrong with them.
    static func all(in members: MemberBlockItemListSyntax) -> (properties: [StoredProperty], problems: [Diagnostic]) {
        var properties: [StoredProperty] = []
        var problems: [Diagnostic] = []
        for member in members {
            guard let variable = member.decl.as(VariableDeclSyntax.self), !variable.isStatic else { continue }
            let storedBindings = variable.bindings.filter { !$0.isComputed }
            guard !storedBindings.isEmpty else { continue }
            if storedBindings.count > 1 {
                problems.append(Diagnostic(node: variable, message: JoineryDiagnostic.multipleBindings))
                continue
            }
            let binding = storedBindings[storedBindings.startIndex]
            guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text else { continue }
            guard let typeSyntax = binding.typeAnnotation?.type else {
                problems.append(Diagnostic(node: binding.pattern, message: JoineryDiagnostic.missingTypeAnnotation))
                continue
            }
            let type = typeSyntax.trimmedDescription
            let kind: Kind
            if variable.attribute(named: "Transient") != nil {
                kind = .transient
            } else if let attribute = variable.attribute(named: "BelongsTo") {
                guard case .success(let target) = BelongsToTarget.check(type: typeSyntax) else { continue }
                kind = .belongsTo(target: target, arguments: attribute.arguments?.as(LabeledExprListSyntax.self))
            } else {
                if variable.bindingSpecifier.tokenKind == .keyword(.let), binding.initializer != nil {
                    problems.append(Diagnostic(node: variable, message: JoineryDiagnostic.letWithDefaultValue))
                    continue
                }
                kind = .column(arguments: variable.attribute(named: "Column")?.arguments?.as(LabeledExprListSyntax.self))
            }
            properties.append(StoredProperty(name: name, type: type, kind: kind))
        }
        return (properties, problems)
    }
}

/// The rules for a `@BelongsTo` property's type: optional, and not a plain column type.
enum BelongsToTarget {
    enum Outcome {
        case success(String)
        case notOptional
        case builtin
    }

    /// Types that are columns, never models.
    static let columnTypes: Set<String> = [
        "String", "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "Double",
        "Float", "Bool", "Date", "Data", "UUID", "Decimal", "[UInt8]", "Character", "URL",
    ]

    static func check(type: TypeSyntax) -> Outcome {
        let text = type.trimmedDescription
        let wrapped: String
        if let optional = type.as(OptionalTypeSyntax.self) {
            wrapped = optional.wrappedType.trimmedDescription
        } else if let implicit = type.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) {
            wrapped = implicit.wrappedType.trimmedDescription
        } else if text.hasPrefix("Optional<"), text.hasSuffix(">") {
            wrapped = String(text.dropFirst("Optional<".count).dropLast())
        } else {
            return columnTypes.contains(text) ? .builtin : .notOptional
        }
        let simple = wrapped.split(separator: ".").last.map(String.init) ?? wrapped
        return columnTypes.contains(simple) || wrapped.hasPrefix("[") ? .builtin : .success(wrapped)
    }
}

extension VariableDeclSyntax {
    var isStatic: Bool {
        modifiers.contains { $0.name.tokenKind == .keyword(.static) || $0.name.tokenKind == .keyword(.class) }
    }

    /// The attribute `@name` or `@Joinery.name`.
    func attribute(named name: String) -> AttributeSyntax? {
        for element in attributes {
            guard let attribute = element.as(AttributeSyntax.self) else { continue }
            let written = attribute.attributeName.trimmedDescription
            if written == name || written == "Joinery.\(name)" { return attribute }
        }
        return nil
    }
}

extension PatternBindingSyntax {
    /// True for a computed property (a getter); `willSet`/`didSet` observers are still stored.
    var isComputed: Bool {
        guard let accessorBlock else { return false }
        switch accessorBlock.accessors {
        case .getter:
            return true
        case .accessors(let accessors):
            return accessors.contains {
                [.keyword(.get), .keyword(.set), .keyword(._read), .keyword(._modify)].contains($0.accessorSpecifier.tokenKind)
            }
        }
    }
}
