import Foundation
import Joinery

/// Models for the data-integrity cases: a `references:` override, a natural primary key, and a
/// parent that a second child keeps alive (default `NO ACTION` on delete).
enum Integrity {
    /// GORM's `references:` example: profiles point at the user's unique `refer`.
    @Model struct ReferUser {
        var id: Int64?
        var name: String
        @Column(unique: true, maxLength: 64) var refer: String
    }

    @Model struct ReferProfile {
        var id: Int64?
        var name: String
        @Column(maxLength: 64) var userRefer: String?
        @BelongsTo(foreignKey: "userRefer", references: "refer") var user: ReferUser?
    }

    /// A company keyed by a number the application chooses (not generated).
    @Model struct Company {
        @Column(primaryKey: true) var companyID: Int64
        var name: String
    }

    @Model struct Member {
        var id: Int64?
        var name: String
        var companyID: Int64?
        @BelongsTo var company: Company?
    }

    /// A team cannot be deleted while a player still points at it.
    @Model struct Team {
        var id: Int64?
        var name: String
    }

    @Model struct Player {
        var id: Int64?
        var name: String
        var teamID: Int64?
        @BelongsTo var team: Team?
    }

    /// A second model called `User`, in another namespace than ``Docs/User``.
    @Model struct User {
        var id: Int64?
        var email: String
    }
}
