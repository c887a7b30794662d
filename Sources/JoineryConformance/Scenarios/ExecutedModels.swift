import Foundation
import Joinery

/// GORM's belongs-to example as the executed scenarios use it: a profile belongs to a user, who
/// belongs to a company; users and companies are soft-deleted, profile names are unique.
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

/// A parent keyed by a code the application chooses (a natural key), and its child.
enum NaturalKey {
    @Model struct Country {
        @Column(primaryKey: true, maxLength: 8) var code: String
        var name: String
    }

    @Model struct City {
        var id: Int64?
        var name: String
        @Column(maxLength: 8) var countryCode: String?
        @BelongsTo(foreignKey: "countryCode") var country: Country?
    }
}

/// A model in two releases: the second adds an optional column, an indexed column, a column
/// with a default, and a belongs-to association.
enum Evolving {
    enum Before {
        @Model(table: "members") struct Member {
            var id: Int64?
            var name: String
        }
    }

    enum After {
        @Model(table: "clubs") struct Club {
            var id: Int64?
            var name: String
        }

        @Model(table: "members") struct Member {
            var id: Int64?
            var name: String
            var nickname: String?
            @Column(index: .plain) var rank: Int64?
            @Column(default: .integer(0)) var score: Int64
            var clubID: Int64?
            @BelongsTo var club: Club?
        }
    }
}
