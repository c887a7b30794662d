import Joinery

/// A model value and the parents loaded with it, written on one line, so that graphs read and
/// diff as text on every engine alike:
///
/// ```
/// Profile(id: 1, name: "p1", userID: 1, updatedAt: <date>, user: User(id: 1, name: "jinzhu", …, company: nil))
/// ```
///
/// Dates are written as `<date>`: the clock differs between runs, their presence does not.
public enum ObjectGraph {
    public static func render(_ model: any Model) -> String {
        let declaration = type(of: model).modelDeclaration
        var parts = zip(declaration.fields, model.columnValues).map { field, value in
            "\(field.name): \(render(value))"
        }
        for relation in declaration.belongsTo {
            parts.append("\(relation.name): " + (model.association(named: relation.name).map(render) ?? "nil"))
        }
        return "\(declaration.name)(" + parts.joined(separator: ", ") + ")"
    }

    public static func render(_ value: SQLValue) -> String {
        switch value {
        case .null: return "nil"
        case .integer(let number): return String(number)
        case .double(let number): return String(number)
        case .text(let text): return "\"" + text + "\""
        case .bool(let flag): return String(flag)
        case .blob(let bytes): return "<\(bytes.count) bytes>"
        case .timestamp: return "<date>"
        }
    }
}
