import SwiftCompilerPlugin
import SwiftSyntaxMacros

@main
struct JoineryMacrosPlugin: CompilerPlugin {
    let providingMacros: [Macro.Type] = [
        ModelMacro.self,
        BelongsToMacro.self,
        ColumnMacro.self,
        TransientMacro.self,
    ]
}
