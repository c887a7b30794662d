import Foundation
import Joinery
import Testing

/// The builder API, written by hand, produces exactly what `@Model` generates for the docs'
/// models (the other examples are compared in SchemaInferenceTests).
@Suite("Builder equals macro")
struct BuilderEquivalenceTests {
    @Test func constraints() {
        #expect(Constraints.Profile.modelDeclaration == ModelDeclaration("Profile", fields: [
            FieldDeclaration("id", Int64?.self), FieldDeclaration("userID", Int64?.self), FieldDeclaration("name", String.self),
        ], belongsTo: [BelongsToDeclaration("user", target: "User", onUpdate: .cascade, onDelete: .setNull)]))
    }

    @Test func userCompany() {
        #expect(UserCompany.User.modelDeclaration == ModelDeclaration("User", fields: [
            FieldDeclaration("id", Int64?.self), FieldDeclaration("name", String.self), FieldDeclaration("companyID", Int64.self),
        ], belongsTo: [BelongsToDeclaration("company", target: "Company")]))
        #expect(UserCompany.Company.modelDeclaration == ModelDeclaration("Company", fields: [
            FieldDeclaration("id", Int64?.self), FieldDeclaration("name", String.self),
        ]))
    }

    @Test func referencesCodeAndAmbiguity() throws {
        #expect(ReferencesCode.Company.modelDeclaration == ModelDeclaration("Company", fields: [
            FieldDeclaration("id", Int64?.self), FieldDeclaration("code", String.self, unique: true),
            FieldDeclaration("name", String.self),
        ]))
        #expect(ReferencesCode.User.modelDeclaration.belongsTo == [BelongsToDeclaration("company", target: "Company", references: ["code"])])
        let built = try Schema([
            ModelDeclaration("User", fields: [
                FieldDeclaration("id", Int64?.self), FieldDeclaration("name", String.self), FieldDeclaration("companyID", Int64.self),
            ], belongsTo: [BelongsToDeclaration("company", target: "Company", references: ["companyID"])]),
            ModelDeclaration("Company", fields: [
                FieldDeclaration("companyID", Int64.self, primaryKey: true), FieldDeclaration("code", String.self),
                FieldDeclaration("name", String.self),
            ]),
        ])
        #expect(try Schema(models: AmbiguousCompanyID.User.self, AmbiguousCompanyID.Company.self) == built)
    }

    @Test func chain() throws {
        let built = try Schema([
            ModelDeclaration("Company", fields: [FieldDeclaration("id", Int64?.self), FieldDeclaration("name", String.self)]),
            ModelDeclaration("User", fields: [
                FieldDeclaration("id", Int64?.self), FieldDeclaration("name", String.self),
                FieldDeclaration("companyID", Int64?.self), FieldDeclaration("managerID", Int64?.self),
            ], belongsTo: [
                BelongsToDeclaration("company", target: "Company"),
                BelongsToDeclaration("manager", target: "User", onDelete: .setNull),
            ]),
            ModelDeclaration("Profile", fields: [
                FieldDeclaration("id", Int64?.self), FieldDeclaration("name", String.self), FieldDeclaration("userID", Int64?.self),
            ], belongsTo: [BelongsToDeclaration("user", target: "User")]),
        ])
        #expect(try Schema(models: Chain.Company.self, Chain.User.self, Chain.Profile.self) == built)
    }

    @Test func declarationsRoundTripThroughJSON() throws {
        let declarations = [Chain.Company.modelDeclaration, Chain.User.modelDeclaration, Chain.Profile.modelDeclaration]
        let json = try JSONEncoder().encode(declarations)
        #expect(try JSONDecoder().decode([ModelDeclaration].self, from: json) == declarations)
        let schema = try Schema(declarations)
        #expect(try JSONDecoder().decode(Schema.self, from: JSONEncoder().encode(schema)) == schema)
    }
}
