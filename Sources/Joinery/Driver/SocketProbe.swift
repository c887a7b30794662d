#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether an idle connection's socket has something to read — which, for a connection nobody
/// has sent a statement on, means the server closed it (end of file) or said goodbye
/// (PostgreSQL's FATAL before a shutdown). One `poll` with no wait: how drivers implement
/// ``DatabaseConnection/seemsAlive()`` without a round trip.
public func idleSocketHasInput(_ socket: Int32) -> Bool {
    guard socket >= 0 else { return true }
    var probe = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
    return poll(&probe, 1, 0) != 0
}
