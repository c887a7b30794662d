import EngineTestSupport
import Testing

/// The fault tests' private servers listen on ports no outgoing connection can be holding.
@Suite("Private servers' ports")
struct PrivatePortsTests {
    @Test func everyPortIsBelowTheKernelsEphemeralRange() {
        for _ in 0..<1_000 {
            #expect(PrivatePorts.server() < PrivatePorts.ephemeralStart)
            let (base, peer) = PrivatePorts.cluster()
            #expect(base + 2 < PrivatePorts.ephemeralStart)
            #expect(peer + 22 < PrivatePorts.ephemeralStart, "Galera node 3's state-transfer port \(peer + 22)")
            #expect(peer > base + 2, "the peer ports overlap the client ports")
        }
    }
}
