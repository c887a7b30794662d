import Foundation

/// Ports for the fault tests' private servers and clusters: random, and below the range the
/// kernel hands out to outgoing connections (32768–60999 on Linux). A port inside that range
/// can be the local end of any client connection at the moment a server wants to listen on it:
/// a restarted Galera node's state-transfer daemon then found its port taken (EBUSY) in CI.
public enum PrivatePorts {
    /// The first port of the kernel's ephemeral range.
    public static let ephemeralStart: Int = {
        let text = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)) ?? ""
        return text.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) } ?? 32_768
    }()

    /// A private server's port: 20000 up to the ephemeral range.
    public static func server() -> Int {
        Int.random(in: 20_000..<min(32_000, ephemeralStart))
    }

    /// A private cluster's ports: `base`, +1, +2 for the servers, and `peer` + 10(n−1), +1, +2
    /// for each Galera node's replication, incremental and full state transfer (so up to
    /// `peer + 22`), all below the ephemeral range.
    public static func cluster() -> (base: Int, peer: Int) {
        let base = Int.random(in: 2_000..<2_600) * 10
        return (base, base + 6_000)
    }
}
