/// The queries that let reads on a replica see writes made on the primary: where the primary's
/// last write is, whether a replica has replayed up to there, and how far a replica lags. A pool
/// over replicas (``DatabasePool/init(primary:replicas:drivers:configuration:dialect:)``) and the
/// conformance kit's pair targets use them.
///
/// Positions are whole numbers that only grow: PostgreSQL's WAL byte position, Galera's global
/// sequence number (the same on every node of a cluster).
///
/// ```swift
/// PostgreSQLDialect().replication?.position   // SELECT (pg_current_wal_lsn() - '0/0')::BIGINT
/// PostgreSQLDialect().replication?.replayed   // SELECT COALESCE((pg_last_wal_replay_lsn() - '0/0')::BIGINT >= $1, TRUE)
/// ```
public struct ReplicationQueries: Sendable, Hashable {
    /// Run on the primary right after a write: one row, one integer column, the position every
    /// replica must reach to see that write. No row or NULL: the server does not replicate.
    public var position: String
    /// Run on a replica, bound to a ``position``: one row, one boolean column, true once the
    /// replica has applied everything up to it (and on a server that is no replica). No row: the
    /// server does not replicate this way, taken as replayed.
    public var replayed: String
    /// Run on a replica: one row, one column, how many seconds behind the primary it is (0 when
    /// it has applied all it received). NULL: the server cannot serve consistent reads now (a
    /// Galera node that is not Synced). No row: the lag cannot be told, and is taken as none.
    public var lag: String

    /// The three replication queries.
    public init(position: String, replayed: String, lag: String) {
        self.position = position
        self.replayed = replayed
        self.lag = lag
    }
}
