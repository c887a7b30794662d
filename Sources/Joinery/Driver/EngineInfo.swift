/// Which engine a connection talks to, and its version. Capabilities (issue: dialects) are
/// derived from the version; the name is for people and never compared in code.
public struct EngineInfo: Sendable, Hashable, CustomStringConvertible {
    /// For messages and logs only: `"SQLite"`, `"PostgreSQL"`, `"MariaDB"`.
    public var name: String
    /// The server's or library's version, as it reported it.
    public var version: EngineVersion

    /// An engine's name and version.
    public init(name: String, version: EngineVersion) {
        self.name = name
        self.version = version
    }

    public var description: String { "\(name) \(version)" }
}

/// A `major.minor.patch` version, compared numerically (`10.11.6 > 10.5.0`).
public struct EngineVersion: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// `10` of 10.11.6.
    public var major: Int
    /// `11` of 10.11.6.
    public var minor: Int
    /// `6` of 10.11.6.
    public var patch: Int

    /// `EngineVersion(10, 11, 6)`.
    public init(_ major: Int, _ minor: Int = 0, _ patch: Int = 0) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Reads the leading `major[.minor[.patch]]` of a version string: `"10.11.6-MariaDB-0+deb12u1"`
    /// is 10.11.6, `"15.18 (Debian 15.18-0+deb12u1)"` is 15.18.0.
    public init?(parsing text: some StringProtocol) {
        var numbers: [Int] = []
        var current: Int?
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                current = (current ?? 0) * 10 + digit
            } else if character == ".", let value = current, numbers.count < 2 {
                numbers.append(value)
                current = nil
            } else {
                break
            }
        }
        if let current { numbers.append(current) }
        guard let major = numbers.first else { return nil }
        self.init(major, numbers.count > 1 ? numbers[1] : 0, numbers.count > 2 ? numbers[2] : 0)
    }

    public static func < (lhs: EngineVersion, rhs: EngineVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    public var description: String { "\(major).\(minor).\(patch)" }
}
