import Foundation
import Joinery
import JoineryTestSupport
import Testing

/// The belongs-to rules of the GORM docs, on the docs' own models (GORMDocsModels.swift), each
/// compared with the same schema built by hand with the builder API.
@Suite("Schema: GORM belongs-to inference")
struct SchemaInferenceTests {
    @Test func conventionUserIDReferencesUsersID() throws {
        let schema = try Schema(models: Convention.User.self, Convention.Profile.self)
        let profiles = try #require(schema.table(forModel: "Profile"))
        #expect(profiles.name == "profiles")
        #expect(profiles.columns.map(\.name) == ["id", "created_at", "updated_at", "deleted_at", "user_id", "name"])
        #expect(profiles.primaryKey == ["id"])
        #expect(profiles.hasGeneratedPrimaryKey)
        #expect(profiles.softDeleteColumn == "deleted_at")
        #expect(profiles.createdAtColumn == "created_at")
        #expect(profiles.updatedAtColumn == "updated_at")
        #expect(profiles.indexes == [IndexSchema(name: "idx_profiles_deleted_at", columns: ["deleted_at"], isUnique: false)])
        let user = try schema.relation("user", of: "Profile")
        #expect(user == BelongsToRelation(
            name: "user", ownerModel: "Profile", ownerTable: "profiles", targetModel: "User", targetTable: "users",
            foreignKeyFields: ["userID"], foreignKeyColumns: ["user_id"], referencedFields: ["id"],
            referencedColumns: ["id"], constraintName: "fk_profiles_user"))
        #expect(user.alias == "User")

        // The same schema, declared without macros.
        let builtProfile = ModelDeclaration("Profile", fields: [
            FieldDeclaration("id", Int64?.self), FieldDeclaration("createdAt", Date?.self),
            FieldDeclaration("updatedAt", Date?.self), FieldDeclaration("deletedAt", Date?.self),
            FieldDeclaration("userID", Int64.self), FieldDeclaration("name", String.self),
        ], belongsTo: [BelongsToDeclaration("user", target: "User")])
        let built = try Schema([
            ModelDeclaration("User", fields: [
                FieldDeclaration("id", Int64?.self), FieldDeclaration("createdAt", Date?.self),
                FieldDeclaration("updatedAt", Date?.self), FieldDeclaration("deletedAt", Date?.self),
                FieldDeclaration("name", String.self),
            ]),
            builtProfile,
        ])
        #expect(built == schema)
        #expect(Convention.Profile.modelDeclaration == builtProfile)
    }

    @Test func foreignKeyOverride() throws {
        let schema = try Schema(models: ForeignKeyOverride.User.self, ForeignKeyOverride.Profile.self)
        let user = try schema.relation("user", of: "Profile")
        #expect(user.foreignKeyColumns == ["user_refer"])
        #expect(user.referencedColumns == ["id"])
        let built = try Schema([
            ModelDeclaration("User", fields: [FieldDeclaration("id", Int64?.self), FieldDeclaration("name", String.self)]),
            ModelDeclaration("Profile", fields: [
                FieldDeclaration("id", Int64?.self), FieldDeclaration("userRefer", Int64.self),
                FieldDeclaration("name", String.self),
            ], belongsTo: [BelongsToDeclaration("user", target: "User", foreignKey: ["userRefer"])]),
        ])
        #expect(built == schema)
    }

    @Test func referencesOverrideToAUniqueIndex() throws {
        let schema = try Schema(models: ReferencesOverride.User.self, ReferencesOverride.Profile.self)
        let users = try #require(schema.table(forModel: "User"))
        #expect(users.indexes == [IndexSchema(name: "idx_users_refer", columns: ["refer"], isUnique: true)])
        let user = try schema.relation("user", of: "Profile")
        #expect(user.foreignKeyColumns == ["user_refer"])
        #expect(user.referencedColumns == ["refer"])
        let built = try Schema([
            ModelDeclaration("User", fields: [
                FieldDeclaration("id", Int64?.self), FieldDeclaration("name", String.self),
                FieldDeclaration("refer", String.self, index: .unique),
            ]),
            ModelDeclaration("Profile", fields: [
                FieldDeclaration("id", Int64?.self), FieldDeclaration("name", String.self),
                FieldDeclaration("userRefer", String.self),
            ], belongsTo: [BelongsToDeclaration("user", target: "User", foreignKey: ["userRefer"], references: ["refer"])]),
        ])
        #expect(built == schema)
    }

    @Test func referencesWithoutUniqueConstraintIsRefused() throws {
        var user = ReferencesOverride.User.modelDeclaration
        user.fields[2].index = nil  // drop the unique index on refer
        let error = joineryError { _ = try Schema([user, ReferencesOverride.Profile.modelDeclaration]) }
        #expect(error?.kind == .misuse)
        #expect(error?.model == "User")
        #expect(error?.field == "refer")
        #expect(error?.relation == "Profile.user")
        #expect(error?.message.contains("User.refer") == true)
        #expect(error?.message.contains("neither the primary key of User nor unique") == true)
        // A plain (non-unique) index is not enough either.
        user.fields[2].index = .plain
        #expect(joineryError { _ = try Schema([user, ReferencesOverride.Profile.modelDeclaration]) }?.field == "refer")
        // A unique constraint is.
        user.fields[2].index = nil
        user.fields[2].isUnique = true
        #expect(try Schema([user, ReferencesOverride.Profile.modelDeclaration]).relation("user", of: "Profile").referencedColumns == ["refer"])
    }

    @Test func constraintActions() throws {
        let schema = try Schema(models: Constraints.User.self, Constraints.Profile.self)
        let user = try schema.relation("user", of: "Profile")
        #expect(user.onUpdate == .cascade)
        #expect(user.onDelete == .setNull)
        #expect(user.constraintName == "fk_profiles_user")
        #expect(ForeignKeyAction.allCases.map(\.sql) == ["CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION"])
    }

    @Test func setNullOnANonOptionalForeignKeyIsRefused() throws {
        var profile = Constraints.Profile.modelDeclaration
        profile.fields[1] = FieldDeclaration("userID", Int64.self)
        let error = joineryError { _ = try Schema([Constraints.User.modelDeclaration, profile]) }
        #expect(error?.kind == .misuse)
        #expect(error?.model == "Profile")
        #expect(error?.field == "userID")
        #expect(error?.message.contains("onDelete: .setNull needs an optional foreign key") == true)
    }

    @Test func userBelongsToCompany() throws {
        let schema = try Schema(models: UserCompany.User.self, UserCompany.Company.self)
        let company = try schema.relation("company", of: "User")
        #expect(company.foreignKeyColumns == ["company_id"])
        #expect(company.targetTable == "companies")
        #expect(company.constraintName == "fk_users_company")
        #expect(schema.creationOrder.tables.map(\.name) == ["companies", "users"])
    }

    @Test func referencesCode() throws {
        let schema = try Schema(models: ReferencesCode.User.self, ReferencesCode.Company.self)
        let company = try schema.relation("company", of: "User")
        #expect(company.foreignKeyColumns == ["company_id"])
        #expect(company.referencedColumns == ["code"])
        let companies = try #require(schema.table(forModel: "Company"))
        #expect(companies.uniqueConstraints == [UniqueConstraint(name: "uni_companies_code", columns: ["code"])])
    }

    /// GORM guesses has-one when the key's name exists on the target; Joinery keeps belongs-to.
    @Test func ambiguousCompanyIDStaysBelongsTo() throws {
        let schema = try Schema(models: AmbiguousCompanyID.User.self, AmbiguousCompanyID.Company.self)
        let company = try schema.relation("company", of: "User")
        #expect(company.ownerTable == "users")
        #expect(company.foreignKeyColumns == ["company_id"])
        #expect(company.targetTable == "companies")
        #expect(company.referencedColumns == ["company_id"])
        #expect(try #require(schema.table(forModel: "Company")).primaryKey == ["company_id"])
        #expect(try #require(schema.table(forModel: "Company")).hasGeneratedPrimaryKey)

        // Without the key on User there is nothing to flip to: an error that names the shape.
        var user = AmbiguousCompanyID.User.modelDeclaration
        user.fields.removeAll { $0.name == "companyID" }
        let error = joineryError { _ = try Schema([user, AmbiguousCompanyID.Company.modelDeclaration]) }
        #expect(error?.kind == .misuse)
        #expect(error?.relation == "User.company")
        #expect(error?.message.contains("never on the target") == true, "\(String(describing: error))")
    }

    /// A target with a key pointing back at the owner (the has-one shape) does not change anything.
    @Test func hasOneShapedTargetStaysBelongsTo() throws {
        let user = ModelDeclaration("User", fields: [
            FieldDeclaration("id", Int64?.self), FieldDeclaration("profileID", Int64?.self),
        ])
        var profile = ModelDeclaration("Profile", fields: [
            FieldDeclaration("id", Int64?.self), FieldDeclaration("userID", Int64?.self),
        ], belongsTo: [BelongsToDeclaration("user", target: "User")])
        #expect(try Schema([user, profile]).relation("user", of: "Profile").foreignKeyColumns == ["user_id"])

        profile.fields.removeLast()
        let error = joineryError { _ = try Schema([user, profile]) }
        #expect(error?.message.contains("shape of has-one") == true, "\(String(describing: error))")
    }

    @Test func selfReferenceAndChain() throws {
        let schema = try Schema(models: Chain.Profile.self, Chain.User.self, Chain.Company.self)
        let manager = try schema.relation("manager", of: "User")
        #expect(manager.isSelfReferential)
        #expect(manager.foreignKeyColumns == ["manager_id"])
        #expect(manager.targetTable == "users")
        let path = try schema.relationPath(["user", "company"], from: "Profile")
        #expect(path.map(\.targetModel) == ["User", "Company"])
        #expect(Naming.relationAlias(path.map(\.name)) == "User__Company")
        // Created so that every target exists first, whatever the declaration order.
        let order = schema.creationOrder
        #expect(order.tables.map(\.name) == ["companies", "users", "profiles"])
        #expect(order.deferredConstraints.isEmpty)
        // @Transient is not a column.
        #expect(try #require(schema.table(forModel: "Profile")).columns.map(\.name) == ["id", "name", "user_id"])
    }

    @Test func cyclesDeferTheConstraintThatClosesThem() throws {
        let a = ModelDeclaration("Author", fields: [FieldDeclaration("id", Int64?.self), FieldDeclaration("bookID", Int64?.self)],
                                 belongsTo: [BelongsToDeclaration("book", target: "Book")])
        let b = ModelDeclaration("Book", fields: [FieldDeclaration("id", Int64?.self), FieldDeclaration("authorID", Int64?.self)],
                                 belongsTo: [BelongsToDeclaration("author", target: "Author")])
        let order = try Schema([a, b]).creationOrder
        #expect(order.tables.map(\.name) == ["authors", "books"])
        #expect(order.deferredConstraints.map(\.constraintName) == ["fk_authors_book"])
    }
}
