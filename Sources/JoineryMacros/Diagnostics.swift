import SwiftDiagnostics
import SwiftSyntax

/// What the macros say about misuse they can see in the source.
enum JoineryDiagnostic: String, DiagnosticMessage {
    case modelOnClass
    case modelOnNonStruct
    case missingTypeAnnotation
    case multipleBindings
    case belongsToNotOptional
    case belongsToBuiltinType
    case belongsToOnNonProperty
    case belongsToLet
    case columnOnNonStoredProperty
    case transientWithoutDefault
    case letWithDefaultValue

    var message: String {
        switch self {
        case .modelOnClass:
            return "@Model applies to a struct: a model is a value, copied and compared by its fields"
        case .modelOnNonStruct:
            return "@Model applies to a struct with stored properties"
        case .missingTypeAnnotation:
            return "a model's stored property needs a type annotation (the column type comes from it)"
        case .multipleBindings:
            return "declare one stored property per line in a model"
        case .belongsToNotOptional:
            return "a @BelongsTo property must be optional: it is nil until the association is preloaded or joined"
        case .belongsToBuiltinType:
            return "@BelongsTo needs a @Model type as its target; this is a column type — use a plain property, or @Column"
        case .belongsToLet:
            return "a @BelongsTo property must be 'var': preloading and joining set it"
        case .belongsToOnNonProperty:
            return "@BelongsTo applies to one stored property"
        case .columnOnNonStoredProperty:
            return "@Column applies to one stored property"
        case .transientWithoutDefault:
            return "a @Transient property needs a default value: rows do not fill it"
        case .letWithDefaultValue:
            return "a 'let' with a default value cannot be read from a row; make it 'var', or mark it @Transient"
        }
    }

    var diagnosticID: MessageID { MessageID(domain: "Joinery", id: rawValue) }
    var severity: DiagnosticSeverity { .error }
}

struct JoineryFixIt: FixItMessage {
    let message: String
    var fixItID: MessageID { MessageID(domain: "Joinery", id: message) }
}

extension Diagnostic {
    /// An error at `keyword` whose fix-it swaps it for `replacement` (`class` → `struct`,
    /// `let` → `var`), keeping the surrounding white space.
    static func replacingKeyword(
        _ keyword: TokenSyntax, with replacement: Keyword, _ message: JoineryDiagnostic, fixIt: String
    ) -> Diagnostic {
        let newKeyword = TokenSyntax.keyword(
            replacement, leadingTrivia: keyword.leadingTrivia, trailingTrivia: keyword.trailingTrivia)
        return Diagnostic(
            node: keyword, message: message,
            fixIt: FixIt(
                message: JoineryFixIt(message: fixIt),
                changes: [.replace(oldNode: Syntax(keyword), newNode: Syntax(newKeyword))]))
    }
}
