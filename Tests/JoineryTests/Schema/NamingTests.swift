import Joinery
import Testing

@Suite("Naming")
struct NamingTests {
    @Test(arguments: [
        ("userID", "user_id"), ("UserID", "user_id"), ("userRefer", "user_refer"), ("createdAt", "created_at"),
        ("HTTPServer", "http_server"), ("id", "id"), ("ID", "id"), ("address2", "address2"), ("companyID", "company_id"),
        ("userId", "user_id"), ("already_snake", "already_snake"), ("URLString", "url_string"),
    ])
    func snakeCase(input: String, expected: String) {
        #expect(Naming.snakeCase(input) == expected)
    }

    @Test(arguments: [
        ("Profile", "profiles"), ("User", "users"), ("Company", "companies"), ("Person", "people"),
        ("Status", "statuses"), ("Box", "boxes"), ("Key", "keys"), ("UserProfile", "user_profiles"),
        ("Child", "children"), ("Category", "categories"), ("Address", "addresses"), ("Match", "matches"),
        ("Equipment", "equipment"), ("Analysis", "analyses"), ("Knife", "knives"),
    ])
    func tableNames(model: String, expected: String) {
        #expect(Naming.tableName(forModel: model) == expected)
    }

    @Test func constraintAndIndexNames() {
        #expect(Naming.foreignKeyConstraint(table: "profiles", relation: "user") == "fk_profiles_user")
        #expect(Naming.foreignKeyConstraint(table: "users", relation: "currentEmployer") == "fk_users_current_employer")
        #expect(Naming.index(table: "users", columns: ["refer"]) == "idx_users_refer")
        #expect(Naming.uniqueConstraint(table: "users", columns: ["email"]) == "uni_users_email")
        #expect(Naming.relationAlias(["user", "company"]) == "User__Company")
    }
}
