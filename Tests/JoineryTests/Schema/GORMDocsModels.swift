import Foundation
import Joinery

// The models of the GORM belongs-to docs (../shared/gorm-docs), written in Joinery. Each example
// lives in its own namespace because the docs reuse the names User and Profile.
// docs/associations.md shows these same declarations; DocsExamplesTests checks that every Swift
// block there appears here, so the documented examples compile.

/// "Declare a belongs to association by embedding the associated struct and adding a foreign key field"
enum Convention {
    @Model struct User {
        var id: Int64?
        var createdAt: Date?
        var updatedAt: Date?
        var deletedAt: Date?
        var name: String
    }

    @Model struct Profile {
        var id: Int64?
        var createdAt: Date?
        var updatedAt: Date?
        var deletedAt: Date?
        var userID: Int64         // foreign key — references users.id
        @BelongsTo var user: User?
        var name: String
    }
}

/// "Use the foreignKey tag to point to a different field on the declaring model"
enum ForeignKeyOverride {
    @Model struct User {
        var id: Int64?
        var name: String
    }

    @Model struct Profile {
        var id: Int64?
        var userRefer: Int64
        @BelongsTo(foreignKey: "userRefer") var user: User?
        var name: String
    }
}

/// "Use references to point to a different field" — the referenced field must be unique.
enum ReferencesOverride {
    @Model struct User {
        var id: Int64?
        var name: String
        @Column(index: .unique) var refer: String
    }

    @Model struct Profile {
        var id: Int64?
        var name: String
        var userRefer: String
        @BelongsTo(foreignKey: "userRefer", references: "refer") var user: User?
    }
}

/// "GORM creates a database-level foreign key constraint when auto-migrating"
enum Constraints {
    @Model struct User {
        var id: Int64?
        var name: String
    }

    @Model struct Profile {
        var id: Int64?
        var userID: Int64?        // optional: ON DELETE SET NULL writes NULL here
        @BelongsTo(onUpdate: .cascade, onDelete: .setNull) var user: User?
        var name: String
    }
}

/// The German edition's example: a user belongs to a company, `CompanyID` by convention.
enum UserCompany {
    @Model struct User {
        var id: Int64?
        var name: String
        var companyID: Int64
        @BelongsTo var company: Company?
    }

    @Model struct Company {
        var id: Int64?
        var name: String
    }
}

/// The German edition's `references:Code`; `code` carries the unique constraint the docs require.
enum ReferencesCode {
    @Model struct User {
        var id: Int64?
        var name: String
        var companyID: String
        @BelongsTo(references: "code") var company: Company?
    }

    @Model struct Company {
        var id: Int64?
        @Column(unique: true) var code: String
        var name: String
    }
}

/// The docs' warning: the foreign key's name (`companyID`) also exists on the target, where GORM
/// guesses has-one unless `references` is given. In Joinery `@BelongsTo` is always belongs-to.
enum AmbiguousCompanyID {
    @Model struct User {
        var id: Int64?
        var name: String
        var companyID: Int64
        @BelongsTo(references: "companyID") var company: Company?
    }

    @Model struct Company {
        @Column(primaryKey: true) var companyID: Int64
        var code: String
        var name: String
    }
}

/// Self-reference and a chain: Profile → User → Company, and User → User (manager).
enum Chain {
    @Model struct Company {
        var id: Int64?
        var name: String
    }

    @Model struct User {
        var id: Int64?
        var name: String
        var companyID: Int64?
        @BelongsTo var company: Company?
        var managerID: Int64?
        @BelongsTo(onDelete: .setNull) var manager: User?
    }

    @Model struct Profile {
        var id: Int64?
        var name: String
        var userID: Int64?
        @BelongsTo var user: User?
        @Transient var note: String = "not a column"
    }
}

/// Every `@Column` option of docs/associations.md on one model.
enum ColumnOptions {
    @Model struct Account {
@Column(unique: true) var email: String            // CONSTRAINT "uni_users_email" UNIQUE ("email")
@Column(index: .unique) var refer: String          // CREATE UNIQUE INDEX "idx_users_refer" …
@Column(index: .plain) var name: String            // CREATE INDEX "idx_users_name" …
@Column("user_refer_key") var userRefer: String    // the column's name
@Column(primaryKey: true) var code: String         // a primary key not named id
@Column(maxLength: 64) var slug: String            // VARCHAR(64)
@Column(default: .integer(0)) var visits: Int      // DEFAULT 0
@Column(role: .deletedAt) var removedAt: Date?     // soft delete under another name
    }
}
