import EngineTestSupport
import Joinery
import JoineryTestSupport
import Logging
import Synchronization
import Testing

/// A LogHandler that keeps what it is given.
final class CollectingLogHandler: LogHandler, Sendable {
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    private let entries = Mutex<[Entry]>([])
    var collected: [Entry] { entries.withLock { $0 } }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
        function: String, line: UInt
    ) {
        entries.withLock { $0.append(Entry(level: level, message: message.description, metadata: metadata ?? [:])) }
    }
}

@Suite("SQL logging")
struct LoggingTests {
    @Test(arguments: TestEngine.allCases)
    func statementsAreLoggedWithValuesDurationAndRows(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            let handler = CollectingLogHandler()
            var user = User(name: "before logging")
            try db.create(&user)
            #expect(handler.collected.isEmpty)  // off by default

            db.logStatements(to: Logger(label: "joinery.sql") { _ in handler })
            _ = try db.query(User.self).filter(.equal("name", "jinzhu")).all()
            let entry = try #require(handler.collected.last)
            #expect(entry.level == .debug)
            #expect(entry.message.contains("FROM") && entry.message.contains("users"))
            #expect(entry.metadata["bindings"] == .array([.string("'jinzhu'")]))
            #expect(entry.metadata["rows"]?.description == "0")
            #expect(entry.metadata["duration_ms"].flatMap { Double($0.description) }.map { $0 >= 0 } == true)

            var orphan = Profile(name: "orphan", userID: 999)
            _ = joineryError { try db.create(&orphan) }
            let failure = try #require(handler.collected.last { $0.level == .error })
            #expect(failure.metadata["error"]?.description.contains("foreignKeyViolation") == true)
        }
    }
}
