import Joinery

@Model struct User {
    var id: Int64?
    var name: String
    var email: String
}

@Model struct Profile {
    var id: Int64?
    var name: String
    var userID: Int64?
    @BelongsTo var user: User?
}
