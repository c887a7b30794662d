/// Opens connections for the URL schemes it knows. Each engine module provides one
/// (`SQLiteDriver`, `PostgreSQLDriver`, `MariaDBDriver`), and a plugin can add its own.
public protocol DatabaseDriver: Sendable {
    /// The URL schemes this driver answers to (`["postgres", "postgresql"]`).
    var urlSchemes: Set<String> { get }

    /// Opens a connection. Throws ``JoineryError/Kind/invalidURL``, ``JoineryError/Kind/connectionFailed``,
    /// ``JoineryError/Kind/authenticationFailed`` or ``JoineryError/Kind/timeout`` — within the
    /// connect timeout (5 s by default; `?connect_timeout=N` overrides it on server engines).
    func connect(to url: DatabaseURL) throws -> any DatabaseConnection

    /// How a ``DatabasePool`` opens connections to `url`. Defaults to every connection alike,
    /// each from ``connect(to:)``; SQLite gives one writer and separate readers.
    func poolConnections(for url: DatabaseURL) throws -> PoolConnections
}

extension DatabaseDriver {
    /// Parses `url` and opens a connection.
    public func connect(_ url: String) throws -> any DatabaseConnection {
        try connect(to: DatabaseURL(parsing: url))
    }
}

/// Chooses among drivers by URL scheme.
///
/// ```swift
/// let connection = try DriverRegistry([SQLiteDriver(), PostgreSQLDriver()]).connect("postgres://…")
/// ```
public struct DriverRegistry: Sendable {
    /// The drivers, tried in order for a URL's scheme.
    public var drivers: [any DatabaseDriver]

    /// A registry of `drivers`.
    public init(_ drivers: [any DatabaseDriver]) { self.drivers = drivers }

    /// Opens `url` with the driver for its scheme; an unknown scheme is ``JoineryError/Kind/invalidURL``.
    public func connect(_ url: String) throws -> any DatabaseConnection {
        let parsed = try DatabaseURL(parsing: url)
        return try driver(for: parsed).connect(to: parsed)
    }

    /// The driver for the URL's scheme; an unknown scheme is ``JoineryError/Kind/invalidURL``.
    public func driver(for url: DatabaseURL) throws -> any DatabaseDriver {
        guard let driver = drivers.first(where: { $0.urlSchemes.contains(url.scheme) }) else {
            let known = drivers.flatMap(\.urlSchemes).sorted().joined(separator: ", ")
            throw JoineryError(.invalidURL, "unknown scheme '\(url.scheme)' in \(url) (known: \(known))")
        }
        return driver
    }

    /// The default connect timeout, in seconds, for server engines.
    public static let defaultConnectTimeout = 5
}
