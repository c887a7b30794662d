import Foundation
import Joinery
import JoineryTestSupport
import Testing

/// What `@Model` generates, exercised at run time.
@Suite("Generated model code")
struct GeneratedModelCodeTests {
    @Test func decodesByPositionFromAnOffset() throws {
        // A joined row: two leading columns of another table, then the user's columns.
        let columns = RowColumns(["other_id", "other_name", "id", "name", "company_id", "manager_id"])
        let row = Row(columns: columns, values: [.integer(9), .text("x"), .integer(7), .text("jinzhu"), .null, .integer(3)])
        let user = try Chain.User(row: row, startingAt: 2)
        #expect(user.id == 7)
        #expect(user.name == "jinzhu")
        #expect(user.companyID == nil)
        #expect(user.managerID == 3)
        #expect(user.manager == nil && user.company == nil)
        #expect(user.columnValues == [.integer(7), .text("jinzhu"), .null, .integer(3)])
    }

    @Test func aBadValueNamesItsColumn() {
        let row = Row(columns: RowColumns(["id", "name", "user_id"]), values: [.integer(1), .null, .null])
        let error = joineryError { _ = try Chain.Profile(row: row, startingAt: 0) }
        #expect(error?.kind == .decoding)
        #expect(error?.column == "name")
    }

    @Test func keyPathsNameAssociations() {
        #expect(Chain.User.associationName(for: \Chain.User.manager) == "manager")
        #expect(Chain.User.associationName(for: \Chain.User.company) == "company")
        #expect(Chain.User.associationName(for: \Chain.User.name) == nil)
        #expect(Chain.Profile.associationName(for: \Chain.Profile.user) == "user")
    }

    @Test func memberwiseInitTakesAssociationsAndKeepsValueSemantics() {
        let boss = Chain.User(id: 1, name: "boss")
        var employee = Chain.User(id: 2, name: "employee", managerID: 1, manager: boss)
        let copy = employee
        employee.manager?.name = "renamed in one copy"
        #expect(copy.manager?.name == "boss")
        #expect(employee.manager?.name == "renamed in one copy")
        employee.manager = nil
        #expect(copy.manager?.id == 1)
        let profile = Chain.Profile(name: "p", user: employee)
        #expect(profile.user?.name == "employee")
        #expect(profile.note == "not a column")
    }

    @Test func tableNames() {
        #expect(Chain.Company.tableName == "companies")
        #expect(Convention.Profile.tableName == "profiles")
    }
}
