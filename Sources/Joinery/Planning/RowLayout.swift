/// How the columns of a planned SELECT map back to models: which positions hold the root
/// model, which hold each joined relation, and each column's name before the dialect shortened it.
///
/// Rows are decoded by position, so a shortened alias (PostgreSQL keeps 63 bytes) never loses
/// data: `CurrentEmployerInformation__PreferredCompanyLanguage__international_code` is still
/// known by that name here, whatever the engine reports.
public struct RowLayout: Sendable, Hashable {
    /// Every selected column, in result order.
    public var columns: [ResultColumn]
    /// One per model in a row: the statement's own table first (path `[]`), then each join.
    public var segments: [Segment]

    /// A layout of `columns` grouped into `segments`.
    public init(columns: [ResultColumn], segments: [Segment]) {
        self.columns = columns
        self.segments = segments
    }

    /// One selected column.
    public struct ResultColumn: Sendable, Hashable {
        /// The relation path (relative to the statement's table) this column belongs to.
        public var path: [String]
        /// The table column (`name`).
        public var column: String
        /// The name Joinery gives it: `name` for the statement's own table, `User__name` for a join.
        public var name: String
        /// The name in the SQL, which differs from ``name`` only when the dialect's identifier
        /// limit forced it shorter.
        public var sqlName: String
    }

    /// The columns of one model in a row.
    public struct Segment: Sendable, Hashable {
        /// The relation path (`[]` for the statement's own table).
        public var path: [String]
        /// The model decoded from it.
        public var model: String
        /// The position of its first column.
        public var offset: Int
        /// How many columns it holds.
        public var count: Int
        /// Whether it holds every column of the model in declaration order, so that
        /// `Model.init(row:startingAt:)` can decode it.
        public var isComplete: Bool
    }

    /// The segment of a relation path.
    public func segment(_ path: [String]) -> Segment? {
        segments.first { $0.path == path }
    }

    /// The position of `column` of the model at `path`.
    public func position(of column: String, path: [String] = []) -> Int? {
        columns.firstIndex { $0.path == path && $0.column == column }
    }

    /// The position of the column Joinery calls `name` (`User__name`), whatever the SQL alias.
    public func position(named name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }
}
