import Dispatch
import Joinery
import Synchronization

private typealias User = Docs.User
private typealias Profile = Docs.Profile

/// What a driver must do for a ``Database`` or a ``DatabasePool`` to be safe under concurrency:
/// keep a unit of work together on a connection shared by threads, stop a statement when asked
/// from another thread, and report the engine's transaction state.
extension ConformanceScenario {
    static let concurrency: [ConformanceScenario] = [
        executed(
            "concurrency.shared-database",
            "threads sharing one Database: every transaction whole, none in another's", area: "Concurrency"
        ) { context in
            let db = context.db
            let outcomes = Mutex<[String: Bool]>([:])
            let errors = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { thread in
                for index in 0..<12 {
                    let name = "t\(thread)-\(index)"
                    let abort = index % 4 == 3
                    do {
                        try db.transaction {
                            var profile = Profile(name: name, user: User(name: "u-" + name))
                            try db.create(&profile)
                            if abort { throw ScenarioAbort() }
                        }
                        outcomes.withLock { $0[name] = true }
                    } catch is ScenarioAbort {
                        outcomes.withLock { $0[name] = false }
                    } catch {
                        errors.withLock { $0.append("\(name): \(error)") }
                    }
                }
            }
            context.expect(errors.withLock { $0 }, [], "errors")
            let kept = outcomes.withLock { $0.filter(\.value).keys.sorted() }
            let profiles = try db.query(Profile.self).preload(\.user).all()
            context.expect(profiles.map(\.name).sorted(), kept, "profiles: exactly the committed ones, once each")
            context.expect(
                profiles.filter { $0.user?.name != "u-" + $0.name }.map(\.name), [],
                "profiles whose user is not their own")
            context.expect(try db.query(User.self).count(), kept.count, "users: one per committed profile")
        },
        executed(
            "concurrency.interrupt",
            "interrupt() from another thread stops the running statement; the connection serves on",
            area: "Concurrency", models: []
        ) { context in
            let connection = context.connection
            // A statement that runs for minutes on every engine: a six-way cross join of 32 rows
            // (about 10⁹ combinations), in plain SQL every dialect speaks.
            let numbers = context.dialect.quoteIdentifier("joinery_numbers")
            try connection.execute("CREATE TABLE \(numbers) (n INTEGER)")
            try connection.execute("INSERT INTO \(numbers) (n) VALUES " + (1...32).map { "(\($0))" }.joined(separator: ", "))
            let crossJoin = "SELECT COUNT(*) FROM " + ["a", "b", "c", "d", "e", "f"].map { "\(numbers) \($0)" }.joined(separator: ", ")
            let outcome = Mutex<Result<Int, JoineryError>?>(nil)
            let done = DispatchSemaphore(value: 0)
            // A serial queue of its own, so a thread of its own: on Linux the global queue is the
            // cooperative threads' pool, which the statement would hold while it runs.
            DispatchQueue(label: "joinery.conformance.long-statement").async {
                let result: Result<Int, JoineryError>
                do {
                    let rows = try connection.query(crossJoin)
                    result = .success(rows.count)
                } catch let error as JoineryError {
                    result = .failure(error)
                } catch {
                    result = .failure(JoineryError(.engine, "\(error)"))
                }
                outcome.withLock { $0 = result }
                done.signal()
            }
            // Interrupt until the statement stops: the first may come before it started.
            var waited = 0
            while done.wait(timeout: .now() + .milliseconds(100)) == .timedOut, waited < 300 {
                connection.interrupt()
                waited += 1
            }
            switch outcome.withLock({ $0 }) {
            case .failure(let error)?:
                context.expect(error.kind, .cancelled, "the interrupted statement's error")
            case .success?:
                context.fail("interrupt", "the statement ran to its end: interrupt() did not stop it")
            case nil:
                context.fail("interrupt", "the statement still ran after 30 s of interrupts")
                return
            }
            context.expect(try connection.query("SELECT COUNT(*) FROM \(numbers)")[0].decode(Int.self, at: 0), 32, "the connection afterwards")
        },
        executed(
            "concurrency.transaction-state",
            "hasOpenTransaction follows the engine, also for a transaction begun with raw SQL",
            area: "Concurrency", models: []
        ) { context in
            let connection = context.connection
            context.expect(connection.hasOpenTransaction, false, "before BEGIN")
            try connection.execute(connection.beginTransactionSQL)
            context.expect(connection.hasOpenTransaction, true, "after a raw BEGIN")
            try connection.execute("COMMIT")
            context.expect(connection.hasOpenTransaction, false, "after COMMIT")
            try connection.transaction {
                context.expect(connection.hasOpenTransaction, true, "inside transaction { }")
            }
            context.expect(connection.isUsable, true, "isUsable on an open connection")
        },
    ]
}

/// Thrown by a scenario's own transaction to make it roll back.
private struct ScenarioAbort: Error {}
