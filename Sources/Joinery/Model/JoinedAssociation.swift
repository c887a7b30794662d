/// One parent joined into a statement's rows, as ``Model/attachJoined(_:from:)`` reads it: which
/// association it fills, where its columns start, and the parents joined into it in turn. Worked
/// out once per statement from the plan's row layout.
///
/// ```swift
/// // SELECT profiles.*, "User".id AS "User__id", … , "User__Company".id AS "User__Company__id", …
/// JoinedAssociation(name: "user", index: 0, offset: 4, keyPositions: [4], nested: [
///     JoinedAssociation(name: "company", index: 0, offset: 9, keyPositions: [9], nested: []),
/// ])
/// ```
public struct JoinedAssociation: Sendable, Hashable {
    /// The association's name (`user`).
    public var name: String
    /// Its position among the model's belongs-to declarations (``ModelDeclaration/belongsTo``).
    public var index: Int
    /// The position of the parent's first column in the row.
    public var offset: Int
    /// The positions of the referenced key: NULL there means the row has no parent (a LEFT JOIN
    /// that found none).
    public var keyPositions: [Int]
    /// The parents joined into this one.
    public var nested: [JoinedAssociation]

    /// One joined parent and those joined into it.
    public init(name: String, index: Int, offset: Int, keyPositions: [Int], nested: [JoinedAssociation]) {
        self.name = name
        self.index = index
        self.offset = offset
        self.keyPositions = keyPositions
        self.nested = nested
    }

    /// Whether the row has no such parent: a NULL in its key.
    @inlinable
    public func isMissing(in cursor: any RowCursor) throws -> Bool {
        try Self.isMissing(keyPositions, in: cursor)
    }

    /// Whether the row has a NULL at one of `keyPositions`: no parent there. What the code
    /// `@Model` generates calls with `joins[i].keyPositions`, so that the join itself is not
    /// copied (its name and arrays retained and released) on every row.
    @inlinable
    public static func isMissing(_ keyPositions: [Int], in cursor: any RowCursor) throws -> Bool {
        for position in keyPositions where try cursor.isNull(at: position) { return true }
        return false
    }
}
