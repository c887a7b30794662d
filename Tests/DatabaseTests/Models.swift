import Foundation
import Joinery

/// GORM's belongs-to example, with soft delete on users and companies.
enum Docs {
    @Model struct Company {
        var id: Int64?
        var name: String
        var deletedAt: Date?
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
        @Column(unique: true, maxLength: 100) var name: String
        var userID: Int64?
        var updatedAt: Date?
        @BelongsTo(onUpdate: .cascade, onDelete: .setNull) var user: User?
    }
}
