import EngineTestSupport
import Joinery
import Testing

/// Every golden statement is handed to the real engine to prepare — not run: SQL that SQLite,
/// PostgreSQL or MariaDB cannot parse, or that names a table or column the schema lacks,
/// fails here. DDL fixtures are prepared and then run, since later statements need the tables.
@Suite("Golden SQL, prepared by the engines")
struct GoldenEngineTests {
    @Test(arguments: Golden.all, TestEngine.allCases)
    func engineAcceptsTheGoldenSQL(golden: Golden, engine: TestEngine) throws {
        let dialect = engine.goldenDialect
        guard case .sql = golden.expected[dialect] else { return }  // unsupported: nothing to send
        let statements = try golden.translated(dialect).compactMap(\.lowered)
        try withScratchSchema(engine) { connection in
            if golden.createsSchema {
                for statement in statements {
                    try connection.prepareOnly(statement.sql)
                    try connection.execute(statement.sql, statement.bindings)
                }
                return
            }
            let migration = QueryDocument(models: golden.models, query: .migrate(MigrateQuery()), now: Golden.now)
            for statement in try migration.translated(with: dialect.dialect()).compactMap(\.lowered) {
                try connection.execute(statement.sql, statement.bindings)
            }
            for statement in statements {
                try connection.prepareOnly(statement.sql)
            }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func anUnknownColumnFailsToPrepare(engine: TestEngine) throws {
        try withScratchSchema(engine) { connection in
            try connection.execute("CREATE TABLE users (id INTEGER)")
            #expect(throws: JoineryError.self) { try connection.prepareOnly("SELECT nmae FROM users") }
        }
    }
}

extension TestEngine {
    var goldenDialect: GoldenDialect {
        switch self {
        case .sqlite: return .sqlite
        case .postgresql: return .postgresql
        case .mariadb: return .mariadb
        }
    }
}
