import Joinery
import EngineTestSupport
import JoineryTestSupport
import Testing

private struct Boom: Error {}

@Suite("Transactions")
struct TransactionTests {
    private func withTable(_ engine: TestEngine, _ body: (any DatabaseConnection, String) throws -> Void) throws {
        try withTables(engine, ["tx"]) { connection, tables in
            try connection.execute("CREATE TABLE \(tables[0]) (id \(engine.types.identity), name \(engine.types.text))")
            try body(connection, tables[0])
        }
    }

    @Test(arguments: TestEngine.allCases)
    func rolledBackTransactionLeavesNoRow(engine: TestEngine) throws {
        try withTable(engine) { connection, table throws in
            #expect(throws: Boom.self) {
                try connection.transaction {
                    try connection.execute(engine.sql("INSERT INTO \(table) (name) VALUES (?)"), ["gone"])
                    #expect(try rowCount(connection, table) == 1)
                    throw Boom()
                }
            }
            #expect(try rowCount(connection, table) == 0)
            #expect(!connection.isInTransaction)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func committedTransactionKeepsRows(engine: TestEngine) throws {
        try withTable(engine) { connection, table throws in
            let returned = try connection.transaction {
                try connection.execute(engine.sql("INSERT INTO \(table) (name) VALUES (?)"), ["kept"])
                return 7
            }
            #expect(returned == 7)
            #expect(try rowCount(connection, table) == 1)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func rolledBackSavepointKeepsOuterWork(engine: TestEngine) throws {
        try withTable(engine) { connection, table throws in
            try connection.transaction {
                try connection.execute(engine.sql("INSERT INTO \(table) (name) VALUES (?)"), ["outer"])
                #expect(throws: Boom.self) {
                    try connection.transaction {
                        #expect(connection.transactionState.currentDepth == 2)
                        try connection.execute(engine.sql("INSERT INTO \(table) (name) VALUES (?)"), ["inner"])
                        throw Boom()
                    }
                }
                // A committed savepoint inside the same transaction.
                try connection.transaction {
                    try connection.execute(engine.sql("INSERT INTO \(table) (name) VALUES (?)"), ["second inner"])
                }
            }
            let names = try connection.query("SELECT name FROM \(table) ORDER BY id").map { try $0.decode(String.self, at: 0) }
            #expect(names == ["outer", "second inner"])
        }
    }

    @Test(arguments: TestEngine.allCases)
    func constraintErrorInsideTransactionRollsBackEverything(engine: TestEngine) throws {
        try withTables(engine, ["parents", "children"]) { connection, tables in
            let (parents, children) = (tables[0], tables[1])
            try connection.execute("CREATE TABLE \(parents) (id \(engine.types.identity), name \(engine.types.text))")
            try connection.execute("""
                CREATE TABLE \(children) (id \(engine.types.identity), parent_id \(engine.types.integer) NOT NULL,
                  FOREIGN KEY (parent_id) REFERENCES \(parents) (id))
                """)
            let error = joineryError {
                try connection.transaction {
                    try connection.execute(engine.sql("INSERT INTO \(parents) (name) VALUES (?)"), ["orphan?"])
                    try connection.execute(engine.sql("INSERT INTO \(children) (parent_id) VALUES (?)"), [424_242])
                }
            }
            #expect(error?.kind == .foreignKeyViolation)
            #expect(try rowCount(connection, parents) == 0, "no parent is left behind")
        }
    }
}
