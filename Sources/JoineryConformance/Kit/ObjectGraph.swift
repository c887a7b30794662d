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

    /// `lines` with each model's keys numbered 1, 2, 3… in the order they first appear: what an
    /// engine generated (consecutive on one server, 1, 4, 7 and 2, 5, 8 on two Galera nodes) no
    /// longer matters, only which rows share a key. `User(id: 4` is a user key, and so is
    /// `userID: 4` (a foreign key named after its model, GORM's convention).
    public static func numberingKeys(_ lines: [String]) -> [String] {
        var numbers: [String: [String: Int]] = [:]
        func number(_ model: String, _ key: String) -> String {
            if let known = numbers[model]?[key] { return String(known) }
            let next = (numbers[model]?.count ?? 0) + 1
            numbers[model, default: [:]][key] = next
            return String(next)
        }
        return lines.map { line in
            var output = ""
            var rest = Substring(line)
            while let match = rest.firstMatch(of: /(\w+)(\(id: |ID: )(\d+)/) {
                output += rest[..<match.range.lowerBound]
                let (word, separator, key) = (String(match.output.1), String(match.output.2), String(match.output.3))
                let model = separator == "(id: " ? word : word.prefix(1).uppercased() + word.dropFirst()
                output += word + separator + number(model, key)
                rest = rest[match.range.upperBound...]
            }
            return output + rest
        }
    }
}
