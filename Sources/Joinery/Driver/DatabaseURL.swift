/// A parsed connection URL.
///
/// ```
/// sqlite::memory:                        in-memory SQLite database
/// sqlite:/path/to/file.db                file (relative paths and sqlite:///abs also work)
/// postgres://user:pass@host:port/db      also postgresql://
/// mariadb://user:pass@host:port/db       also mysql://
/// ```
///
/// User, password and database are percent-decoded (`p%40ss` is `p@ss`); `?key=value` pairs land in
/// ``options``. The ``description`` hides the password.
public struct DatabaseURL: Sendable, Hashable {
    /// Lower-cased scheme: `sqlite`, `postgres`, `mariadb`, …
    public var scheme: String
    /// The user to log in as (server engines).
    public var user: String?
    /// The password, decoded; never printed by ``description``.
    public var password: String?
    /// The server's host (`127.0.0.1`); `nil` for SQLite.
    public var host: String?
    /// The server's port; `nil` for the engine's default.
    public var port: Int?
    /// The database name (server engines) or file path (SQLite; `:memory:` for in-memory).
    public var database: String?
    /// The `?key=value` pairs: `connect_timeout`, `statement_timeout`, and options a driver reads.
    public var options: [String: String]

    /// A URL from its parts (``init(parsing:)`` reads one from text).
    public init(
        scheme: String, user: String? = nil, password: String? = nil, host: String? = nil, port: Int? = nil,
        database: String? = nil, options: [String: String] = [:]
    ) {
        self.scheme = scheme
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.options = options
    }

    /// Parses `text`; throws ``JoineryError/Kind/invalidURL`` saying what is wrong.
    public init(parsing text: String) throws {
        func invalid(_ why: String) -> JoineryError {
            JoineryError(.invalidURL, "malformed database URL '\(Self.redacted(text))': \(why)")
        }
        guard let colon = text.firstIndex(of: ":") else {
            throw invalid("expected scheme:…, e.g. sqlite::memory: or postgres://user:pass@host:5432/db")
        }
        let scheme = text[..<colon].lowercased()
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" }) else {
            throw invalid("the scheme must be letters, e.g. sqlite, postgres, mariadb")
        }
        var rest = text[text.index(after: colon)...]
        if scheme == "sqlite" {
            if rest.hasPrefix("//") { rest = rest.dropFirst(2) }
            guard !rest.isEmpty else { throw invalid("no file path; use sqlite::memory: or sqlite:/path/to/file.db") }
            self.init(scheme: scheme, database: String(rest))
            return
        }
        guard rest.hasPrefix("//") else { throw invalid("expected \(scheme)://user:password@host:port/database") }
        rest = rest.dropFirst(2)

        var options: [String: String] = [:]
        if let question = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: question)...].split(separator: "&") where !pair.isEmpty {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard let key = Self.percentDecoded(parts[0]) else { throw invalid("bad percent-encoding in option") }
                guard let value = Self.percentDecoded(parts.count > 1 ? parts[1] : "") else {
                    throw invalid("bad percent-encoding in option \(key)")
                }
                options[key] = value
            }
            rest = rest[..<question]
        }
        var database: String?
        if let slash = rest.firstIndex(of: "/") {
            let name = rest[rest.index(after: slash)...]
            if !name.isEmpty {
                guard let decoded = Self.percentDecoded(name) else { throw invalid("bad percent-encoding in database") }
                database = decoded
            }
            rest = rest[..<slash]
        }
        var user: String?, password: String?
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            let parts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard let decodedUser = Self.percentDecoded(parts[0]) else { throw invalid("bad percent-encoding in user") }
            user = decodedUser.isEmpty ? nil : decodedUser
            if parts.count > 1 {
                guard let decoded = Self.percentDecoded(parts[1]) else { throw invalid("bad percent-encoding in password") }
                password = decoded
            }
        }
        var host = rest, portText: Substring?
        if rest.hasPrefix("[") {  // [::1]:5432
            guard let close = rest.firstIndex(of: "]") else { throw invalid("unclosed [ in IPv6 host") }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { throw invalid("junk after ]") }
        } else if let portColon = rest.lastIndex(of: ":") {
            host = rest[..<portColon]
            portText = rest[rest.index(after: portColon)...]
        }
        var port: Int?
        if let portText {
            guard let number = Int(portText), (1...65_535).contains(number) else {
                throw invalid("port '\(portText)' is not a number from 1 to 65535")
            }
            port = number
        }
        guard !host.isEmpty else { throw invalid("no host") }
        self.init(
            scheme: scheme, user: user, password: password, host: String(host), port: port,
            database: database, options: options)
    }

    /// The `statement_timeout` option, in milliseconds, that every built-in driver reads: the
    /// longest a statement may run before it fails with ``JoineryError/Kind/timeout``. PostgreSQL
    /// and MariaDB stop it on the server (`statement_timeout`, `max_statement_time`) and, should
    /// the server not answer at all, give up on the client a second later; SQLite interrupts it.
    /// nil when the URL sets none.
    public var statementTimeout: Duration? {
        get throws {
            guard let text = options["statement_timeout"] else { return nil }
            guard let milliseconds = Int(text), milliseconds > 0 else {
                throw JoineryError(.invalidURL, "statement_timeout must be a positive number of milliseconds, not '\(text)'")
            }
            return .milliseconds(milliseconds)
        }
    }

    /// For SQLite: whether this names a private in-memory database.
    public var isInMemory: Bool { database == ":memory:" }

    private static func redacted(_ text: String) -> String {
        // hide what sits between "://user:" and "@"
        guard let schemeEnd = text.firstRange(of: "://"), let at = text.lastIndex(of: "@") else { return text }
        let userInfo = text[schemeEnd.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }

    private static func percentDecoded(_ text: Substring) -> String? {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension DatabaseURL: CustomStringConvertible {
    /// The URL with the password replaced by `***`.
    public var description: String {
        if scheme == "sqlite" { return "sqlite:" + (database ?? "") }
        var text = scheme + "://"
        if let user { text += user + (password == nil ? "" : ":***") + "@" }
        if let host { text += host.contains(":") ? "[\(host)]" : host }
        if let port { text += ":\(port)" }
        if let database { text += "/" + database }
        return text
    }
}
