import Foundation

/// Reads that see earlier writes: the calls a pool over replicas, and the conformance kit's pair
/// targets, make with the dialect's ``ReplicationQueries``.
extension DatabaseConnection {
    /// On the primary, right after a write: the position a replica must reach to see it. nil
    /// when the dialect or the server does not replicate (SQLite, a MariaDB outside Galera).
    ///
    /// ```sql
    /// SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::BIGINT                  -- PostgreSQL
    /// SELECT CAST(VARIABLE_VALUE AS SIGNED) FROM information_schema.GLOBAL_STATUS
    ///  WHERE VARIABLE_NAME = 'WSREP_LAST_COMMITTED'                           -- Galera
    /// ```
    public func replicationPosition(in dialect: (any SQLDialect)? = nil) throws -> Int64? {
        guard let queries = (dialect ?? self.dialect).replication else { return nil }
        guard let row = try query(queries.position).first else { return nil }
        return try row.decode(Int64?.self, at: 0)
    }

    /// On a replica: waits until it has replayed `position`, polling every millisecond for up to
    /// `timeout`. False when the time ran out.
    public func waitForReplay(
        of position: Int64, timeout: Duration, in dialect: (any SQLDialect)? = nil
    ) throws -> Bool {
        guard let queries = (dialect ?? self.dialect).replication else { return true }
        let deadline = ContinuousClock.now + timeout
        while true {
            guard let row = try query(queries.replayed, [.integer(position)]).first else { return true }
            if try row.decode(Bool?.self, at: 0) ?? true { return true }
            if ContinuousClock.now >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.001)
        }
    }

    /// On a replica: how far behind its primary it is. `.zero` when it has applied all it
    /// received, or the lag cannot be told; nil when it cannot serve consistent reads now (a
    /// Galera node that is not Synced).
    public func replicationLag(in dialect: (any SQLDialect)? = nil) throws -> Duration? {
        guard let queries = (dialect ?? self.dialect).replication,
            let row = try query(queries.lag).first
        else { return .zero }
        guard let seconds = try row.decode(Double?.self, at: 0) else { return nil }
        return .milliseconds(Int64(max(0, seconds) * 1000))
    }
}
