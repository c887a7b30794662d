@testable import Joinery
import Testing

/// A batch create keeps its models' column values in one table, a row per model, and matches
/// the keys an insert returned to its rows by their order.
@Suite("Column value table and returned keys")
struct ColumnValueTableTests {
    @Test func rowsAreReadInOrderAndWrittenInPlace() throws {
        let users = [ColumnUser(id: nil, name: "ann"), ColumnUser(id: 7, name: "bob")]
        var table = try ColumnValueTable(users)
        #expect(table.width == 2 && table.count == 2)
        #expect(table.values == [.null, .text("ann"), .integer(7), .text("bob")])
        table[0, 0] = .integer(3)
        #expect(table.row(0) == [.integer(3), .text("ann")])
        #expect(table.row(1) == [.integer(7), .text("bob")])
        table.removeLast()
        #expect(table.count == 1 && table.values == [.integer(3), .text("ann")])
    }

    @Test func aRowOfTheWrongWidthIsRefusedAndLeavesTheTableAsItWas() throws {
        var table = ColumnValueTable(width: 3, capacity: 1)
        #expect(throws: JoineryError.self) { try table.append(ColumnUser(id: 1, name: "ann")) }
        #expect(table.count == 0 && table.values.isEmpty)
    }

    @Test func keysThatCameInOrderAreKeptAsTheyAre() {
        let keys: [SQLValue] = [.integer(4), .integer(5), .integer(9)]
        #expect(Database.keysInInsertOrder(keys) == keys)
    }

    @Test func keysOutOfOrderAreSortedToTheRowsOrder() {
        let keys: [SQLValue] = [.integer(12), .integer(10), .integer(11), .integer(-3)]
        #expect(Database.keysInInsertOrder(keys) == [.integer(-3), .integer(10), .integer(11), .integer(12)])
    }

    @Test func oneKeyOfAnotherKindIsItsRowsAndSeveralAreRefused() {
        #expect(Database.keysInInsertOrder([.text("k-1")]) == [.text("k-1")])
        #expect(Database.keysInInsertOrder([.integer(1), .text("k-2")]) == nil)
        #expect(Database.keysInInsertOrder([]) == [])
    }
}

/// Two columns: an optional key and a name.
private struct ColumnUser: Model {
    var id: Int64?
    var name: String

    static let modelDeclaration = ModelDeclaration(
        "ColumnUser", fields: [FieldDeclaration("id", Int64?.self), FieldDeclaration("name", String.self)])

    init(id: Int64?, name: String) {
        self.id = id
        self.name = name
    }

    init(row: Row, startingAt offset: Int) throws {
        id = try row.decode(at: offset)
        name = try row.decode(at: offset + 1)
    }

    var columnValues: [SQLValue] { [id.sqlValue, name.sqlValue] }
}
