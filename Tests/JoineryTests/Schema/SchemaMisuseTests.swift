import Foundation
import Joinery
import JoineryTestSupport
import Testing

/// Bad declarations are typed misuse errors naming the model and field — never a crash, never a
/// silently dropped constraint.
@Suite("Schema: misuse")
struct SchemaMisuseTests {
    private let user = ModelDeclaration("User", fields: [
        FieldDeclaration("id", Int64?.self), FieldDeclaration("name", String.self),
    ])

    private func profile(fields: [FieldDeclaration], _ relation: BelongsToDeclaration) -> ModelDeclaration {
        ModelDeclaration("Profile", fields: [FieldDeclaration("id", Int64?.self)] + fields, belongsTo: [relation])
    }

    @Test func foreignKeyNamingAMissingField() {
        let error = joineryError {
            _ = try Schema([user, profile(fields: [], BelongsToDeclaration("user", target: "User", foreignKey: ["userRefer"]))])
        }
        #expect(error?.kind == .misuse)
        #expect(error?.model == "Profile")
        #expect(error?.field == "userRefer")
        #expect(error?.message.contains("foreignKey: names Profile.userRefer") == true)
    }

    @Test func referencesNamingAMissingField() {
        let error = joineryError {
            _ = try Schema([user, profile(
                fields: [FieldDeclaration("userRefer", String.self)],
                BelongsToDeclaration("user", target: "User", foreignKey: ["userRefer"], references: ["refer"]))])
        }
        #expect(error?.model == "User")
        #expect(error?.field == "refer")
        #expect(error?.relation == "Profile.user")
    }

    @Test func noUsableKey() {
        let error = joineryError {
            _ = try Schema([user, profile(fields: [FieldDeclaration("name", String.self)], BelongsToDeclaration("user", target: "User"))])
        }
        #expect(error?.kind == .misuse)
        #expect(error?.model == "Profile")
        #expect(error?.field == "user")
        #expect(error?.message.contains("no field userID (column user_id)") == true, "\(String(describing: error))")
    }

    @Test func foreignKeyOfTheWrongType() {
        let error = joineryError {
            _ = try Schema([user, profile(fields: [FieldDeclaration("userID", String.self)], BelongsToDeclaration("user", target: "User"))])
        }
        #expect(error?.kind == .misuse)
        #expect(error?.model == "Profile")
        #expect(error?.field == "userID")
        #expect(error?.message.contains("is text but references User.id, which is integer") == true, "\(String(describing: error))")
    }

    @Test func targetThatIsNotAModel() {
        let error = joineryError {
            _ = try Schema([profile(fields: [FieldDeclaration("userID", Int64?.self)], BelongsToDeclaration("user", target: "User"))])
        }
        #expect(error?.relation == "Profile.user")
        #expect(error?.message.contains("its target User is not among the models") == true)
    }

    @Test func unknownAssociationNamesTheOnesThatExist() throws {
        let schema = try Schema(models: Chain.Company.self, Chain.User.self, Chain.Profile.self)
        let error = joineryError { _ = try schema.relation("owner", of: "Profile") }
        #expect(error?.kind == .misuse)
        #expect(error?.model == "Profile")
        #expect(error?.field == "owner")
        #expect(error?.message == "Profile has no association owner (it has: user)")
        #expect(joineryError { _ = try schema.relationPath(["user", "employer"], from: "Profile") }?.model == "User")
    }

    @Test func duplicatesAreRefused() {
        #expect(joineryError { _ = try Schema([user, user]) }?.message == "the model User is declared twice")
        let twice = ModelDeclaration("Thing", fields: [FieldDeclaration("userID", Int64.self), FieldDeclaration("user_id", Int64.self)])
        #expect(joineryError { _ = try Schema([twice]) }?.field == "user_id")
        let sameTable = ModelDeclaration("Person", table: "users", fields: [FieldDeclaration("id", Int64?.self)])
        #expect(joineryError { _ = try Schema([user, sameTable]) }?.message == "Person and User both use the table users")
    }

    @Test func rolesNeedDates() throws {
        let wrong = ModelDeclaration("Thing", fields: [FieldDeclaration("deletedAt", Date.self, role: .deletedAt)])
        #expect(joineryError { _ = try Schema([wrong]) }?.message.contains("must be optional") == true)
        let notADate = ModelDeclaration("Thing", fields: [FieldDeclaration("removed", Bool.self, role: .deletedAt)])
        #expect(joineryError { _ = try Schema([notADate]) }?.field == "removed")
        // By name only when the type fits: a non-optional deletedAt is an ordinary column.
        let plain = ModelDeclaration("Thing", fields: [FieldDeclaration("deletedAt", Date.self)])
        #expect(try Schema([plain]).tables[0].softDeleteColumn == nil)
    }
}
