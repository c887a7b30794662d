import EngineTestSupport
import Joinery
import JoineryTestSupport
import Testing

/// A write refused because the server or the transaction is read-only — a hot-standby replica,
/// a read-only node, an SQLite reader — is one typed kind that names the server.
@Suite("Read-only refusals")
struct ReadOnlyTests {
    @Test(arguments: TestEngine.allCases)
    func aWriteToAReadOnlySessionIsReadOnlyNamingTheServer(engine: TestEngine) throws {
        try withTables(engine, ["notes"]) { connection, tables in
            let notes = tables[0]
            try connection.execute("CREATE TABLE \(notes) (id \(engine.types.integer))")
            switch engine {
            case .sqlite: try connection.execute("PRAGMA query_only = ON")
            case .postgresql: try connection.execute("SET default_transaction_read_only = on")
            case .mariadb: try connection.execute("SET SESSION TRANSACTION READ ONLY")
            }
            defer {
                switch engine {
                case .sqlite: _ = try? connection.execute("PRAGMA query_only = OFF")
                case .postgresql: _ = try? connection.execute("SET default_transaction_read_only = off")
                case .mariadb: _ = try? connection.execute("SET SESSION TRANSACTION READ WRITE")
                }
            }
            let error = joineryError { try connection.execute(engine.sql("INSERT INTO \(notes) (id) VALUES (?)"), [1]) }
            #expect(error?.kind == .readOnly, "\(String(describing: error))")
            if engine != .sqlite {
                #expect(error?.server?.hasPrefix("127.0.0.1:") == true, "\(String(describing: error))")
            }
            #expect(error?.isRetryable == false)
        }
    }
}
