import Joinery
import Testing

@Suite("DatabaseURL")
struct DatabaseURLTests {
    @Test func serverURL() throws {
        let url = try DatabaseURL(parsing: "postgres://joinery:s%40cret:x@127.0.0.1:5433/app%20db?sslmode=disable&application_name=t")
        #expect(url.scheme == "postgres")
        #expect(url.user == "joinery")
        #expect(url.password == "s@cret:x")
        #expect(url.host == "127.0.0.1")
        #expect(url.port == 5433)
        #expect(url.database == "app db")
        #expect(url.options == ["sslmode": "disable", "application_name": "t"])
        #expect(url.description == "postgres://joinery:***@127.0.0.1:5433/app db")
    }

    @Test func minimalServerURLs() throws {
        let bare = try DatabaseURL(parsing: "MariaDB://db.internal")
        #expect(bare.scheme == "mariadb")
        #expect(bare.host == "db.internal")
        #expect(bare.port == nil && bare.user == nil && bare.password == nil && bare.database == nil)
        let ipv6 = try DatabaseURL(parsing: "postgresql://u@[::1]:6543/db")
        #expect(ipv6.host == "::1")
        #expect(ipv6.port == 6543)
        #expect(ipv6.description == "postgresql://u@[::1]:6543/db")
    }

    @Test func sqliteURLs() throws {
        #expect(try DatabaseURL(parsing: "sqlite::memory:").isInMemory)
        #expect(try DatabaseURL(parsing: "sqlite:/tmp/a.db").database == "/tmp/a.db")
        #expect(try DatabaseURL(parsing: "sqlite:///tmp/a.db").database == "/tmp/a.db")
        #expect(try DatabaseURL(parsing: "sqlite:relative/a.db").database == "relative/a.db")
    }

    @Test(arguments: [
        "", "nocolon", "://x", "postgres:x", "postgres://", "postgres://u:p@:5432/db", "postgres://h:0/db",
        "postgres://h:70000/db", "postgres://h:12ab/db", "postgres://%zz@h/db", "postgres://[::1/db", "sqlite:",
    ])
    func malformed(text: String) {
        #expect {
            _ = try DatabaseURL(parsing: text)
        } throws: { error in
            (error as? JoineryError)?.kind == .invalidURL
        }
    }

    @Test func malformedURLMessageHidesThePassword() {
        do {
            _ = try DatabaseURL(parsing: "postgres://joinery:topsecret@h:badport/db")
            Issue.record("expected an error")
        } catch let error as JoineryError {
            #expect(!error.message.contains("topsecret"))
            #expect(error.message.contains("badport"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
