import EngineTestSupport
import Joinery
import Testing

/// `prepareOnly` is how the kit asks an engine whether it accepts SQL; it must refuse what is wrong.
@Suite("Prepare only")
struct PrepareOnlyTests {
    @Test(arguments: TestEngine.allCases)
    func anUnknownColumnFailsToPrepare(engine: TestEngine) throws {
        try withScratchSchema(engine) { connection in
            try connection.execute("CREATE TABLE users (id INTEGER)")
            #expect(throws: JoineryError.self) { try connection.prepareOnly("SELECT nmae FROM users") }
        }
    }
}
