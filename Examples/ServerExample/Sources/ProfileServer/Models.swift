import Foundation
import Joinery

@Model struct User {
    var id: Int64?
    var name: String
    var deletedAt: Date?
}

@Model struct Profile {
    var id: Int64?
    @Column(unique: true, maxLength: 100) var name: String
    var userID: Int64?
    @BelongsTo var user: User?
}
