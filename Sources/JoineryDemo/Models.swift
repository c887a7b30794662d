import Foundation
import Joinery

// The models of GORM's belongs-to documentation, in Joinery.

@Model struct Company {
    var id: Int64?
    var name: String
}

@Model struct User {
    var id: Int64?
    var name: String
    var companyID: Int64?
    var deletedAt: Date?
    @BelongsTo var company: Company?
}

@Model struct Profile {
    var id: Int64?
    var name: String
    var userID: Int64?
    var updatedAt: Date?
    @BelongsTo(onUpdate: .cascade, onDelete: .setNull) var user: User?
}

extension Company: CustomStringConvertible {
    var description: String { "Company #\(id.map(String.init) ?? "–") \"\(name)\"" }
}

extension User: CustomStringConvertible {
    var description: String {
        "User #\(id.map(String.init) ?? "–") \"\(name)\"" + (company.map { " of \($0)" } ?? "")
    }
}

extension Profile: CustomStringConvertible {
    var description: String {
        "Profile #\(id.map(String.init) ?? "–") \"\(name)\", user_id \(userID.map(String.init) ?? "NULL") → "
            + (user.map(String.init(describing:)) ?? "nil")
    }
}
