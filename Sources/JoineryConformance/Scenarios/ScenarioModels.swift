import Foundation
import Joinery

/// The models the SQL-level scenarios query: GORM's belongs-to example (a profile belongs to a user,
/// who belongs to a company), a `references:` override, and a chain long enough to overflow
/// PostgreSQL's 63-byte identifiers.
public enum ScenarioModels {
    public static let company = ModelDeclaration("Company", fields: [
        FieldDeclaration("id", Int64?.self),
        FieldDeclaration("name", String.self),
    ])

    public static let user = ModelDeclaration("User", fields: [
        FieldDeclaration("id", Int64?.self),
        FieldDeclaration("name", String.self),
        FieldDeclaration("companyID", Int64?.self),
        FieldDeclaration("deletedAt", Date?.self),
    ], belongsTo: [
        BelongsToDeclaration("company", target: "Company"),
    ])

    public static let profile = ModelDeclaration("Profile", fields: [
        FieldDeclaration("id", Int64?.self),
        FieldDeclaration("name", String.self),
        FieldDeclaration("userID", Int64?.self),
    ], belongsTo: [
        BelongsToDeclaration("user", target: "User", onUpdate: .cascade, onDelete: .setNull),
    ])

    /// Company, User, Profile.
    public static let gorm = [company, user, profile]

    /// GORM's `references:` example: the key is the company's unique `code`, not its id.
    public static let referencesOverride = [
        ModelDeclaration("Company", fields: [
            FieldDeclaration("id", Int64?.self),
            FieldDeclaration("code", String.self, unique: true, maxLength: 32),
            FieldDeclaration("name", String.self),
        ]),
        ModelDeclaration("User", fields: [
            FieldDeclaration("id", Int64?.self),
            FieldDeclaration("name", String.self),
            FieldDeclaration("companyCode", String?.self, maxLength: 32),
        ], belongsTo: [
            BelongsToDeclaration("company", target: "Company", foreignKey: ["companyCode"], references: ["code"]),
        ]),
    ]

    /// A user with a unique, indexed e-mail address.
    public static let emailUser = [
        ModelDeclaration("User", fields: [
            FieldDeclaration("id", Int64?.self),
            FieldDeclaration("email", String.self, index: .unique, maxLength: 191),
        ])
    ]

    /// `Person.currentEmployerInformation.preferredCompanyLanguage.internationalCode`: the join
    /// column alias is 72 bytes long.
    public static let longNames = [
        ModelDeclaration("CompanyLanguage", fields: [
            FieldDeclaration("id", Int64?.self),
            FieldDeclaration("internationalCode", String.self, maxLength: 16),
        ]),
        ModelDeclaration("EmployerInformation", fields: [
            FieldDeclaration("id", Int64?.self),
            FieldDeclaration("preferredCompanyLanguageID", Int64?.self),
        ], belongsTo: [
            BelongsToDeclaration("preferredCompanyLanguage", target: "CompanyLanguage"),
        ]),
        ModelDeclaration("Person", fields: [
            FieldDeclaration("id", Int64?.self),
            FieldDeclaration("currentEmployerInformationID", Int64?.self),
        ], belongsTo: [
            BelongsToDeclaration("currentEmployerInformation", target: "EmployerInformation"),
        ]),
    ]
}
