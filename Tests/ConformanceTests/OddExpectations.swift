import JoineryConformance

extension SQLExpectations {
    /// The odd test dialect's SQL: every hook and capability shows in it.
    static let odd: SQLExpectations = [
        "preload.one-key": [
            #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧ FROM ⟦profiles⟧"#,
            #"SELECT ⟦users⟧.⟦id⟧, ⟦users⟧.⟦name⟧, ⟦users⟧.⟦company_id⟧, ⟦users⟧.⟦deleted_at⟧ FROM ⟦users⟧ WHERE ⟦users⟧.⟦id⟧ = :p1 AND ⟦users⟧.⟦deleted_at⟧ IS NULL"#,
        ],
        "preload.several-keys": [
            #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧ FROM ⟦profiles⟧"#,
            #"SELECT ⟦users⟧.⟦id⟧, ⟦users⟧.⟦name⟧, ⟦users⟧.⟦company_id⟧, ⟦users⟧.⟦deleted_at⟧ FROM ⟦users⟧ WHERE ⟦users⟧.⟦id⟧ IN (:p1,:p2) AND ⟦users⟧.⟦deleted_at⟧ IS NULL"#,
        ],
        "preload.fragment-condition": [
            #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧ FROM ⟦profiles⟧"#,
            #"SELECT ⟦users⟧.⟦id⟧, ⟦users⟧.⟦name⟧, ⟦users⟧.⟦company_id⟧, ⟦users⟧.⟦deleted_at⟧ FROM ⟦users⟧ WHERE ⟦users⟧.⟦id⟧ IN (:p1,:p2) AND (name = :p3) AND ⟦users⟧.⟦deleted_at⟧ IS NULL"#,
        ],
        "preload.typed-condition": [
            #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧ FROM ⟦profiles⟧"#,
            #"SELECT ⟦users⟧.⟦id⟧, ⟦users⟧.⟦name⟧, ⟦users⟧.⟦company_id⟧, ⟦users⟧.⟦deleted_at⟧ FROM ⟦users⟧ WHERE ⟦users⟧.⟦id⟧ IN (:p1,:p2) AND ⟦users⟧.⟦name⟧ = :p3 AND ⟦users⟧.⟦deleted_at⟧ IS NULL"#,
        ],
        "preload.nested": [
            #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧ FROM ⟦profiles⟧"#,
            #"SELECT ⟦users⟧.⟦id⟧, ⟦users⟧.⟦name⟧, ⟦users⟧.⟦company_id⟧, ⟦users⟧.⟦deleted_at⟧ FROM ⟦users⟧ WHERE ⟦users⟧.⟦id⟧ = :p1 AND ⟦users⟧.⟦deleted_at⟧ IS NULL"#,
            #"SELECT ⟦companies⟧.⟦id⟧, ⟦companies⟧.⟦name⟧ FROM ⟦companies⟧ WHERE ⟦companies⟧.⟦id⟧ = :p1"#,
        ],
        "join.left": [
            #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧, ⟦User⟧.⟦id⟧ AS ⟦User__id⟧, ⟦User⟧.⟦name⟧ AS ⟦User__name⟧, ⟦User⟧.⟦company_id⟧ AS ⟦User__company_id⟧, ⟦User⟧.⟦deleted_at⟧ AS ⟦User__deleted_at⟧ FROM ⟦profiles⟧ LEFT JOIN ⟦users⟧ ⟦User⟧ ON ⟦profiles⟧.⟦user_id⟧ = ⟦User⟧.⟦id⟧ AND ⟦User⟧.⟦deleted_at⟧ IS NULL"#,
        ],
        "join.inner": [
            #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧, ⟦User⟧.⟦id⟧ AS ⟦User__id⟧, ⟦User⟧.⟦name⟧ AS ⟦User__name⟧, ⟦User⟧.⟦company_id⟧ AS ⟦User__company_id⟧, ⟦User⟧.⟦deleted_at⟧ AS ⟦User__deleted_at⟧ FROM ⟦profiles⟧ INNER JOIN ⟦users⟧ ⟦User⟧ ON ⟦profiles⟧.⟦user_id⟧ = ⟦User⟧.⟦id⟧ AND ⟦User⟧.⟦deleted_at⟧ IS NULL"#,
        ],
        "join.nested": [
            #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧, ⟦User⟧.⟦id⟧ AS ⟦User__id⟧, ⟦User⟧.⟦name⟧ AS ⟦User__name⟧, ⟦User⟧.⟦company_id⟧ AS ⟦User__company_id⟧, ⟦User⟧.⟦deleted_at⟧ AS ⟦User__deleted_at⟧, ⟦User__Company⟧.⟦id⟧ AS ⟦User__Company__id⟧, ⟦User__Company⟧.⟦name⟧ AS ⟦User__Company__name⟧ FROM ⟦profiles⟧ LEFT JOIN ⟦users⟧ ⟦User⟧ ON ⟦profiles⟧.⟦user_id⟧ = ⟦User⟧.⟦id⟧ AND ⟦User⟧.⟦deleted_at⟧ IS NULL LEFT JOIN ⟦companies⟧ ⟦User__Company⟧ ON ⟦User⟧.⟦company_id⟧ = ⟦User__Company⟧.⟦id⟧"#,
        ],
        "join.extra-on-conditions": [
            #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧, ⟦User⟧.⟦id⟧ AS ⟦User__id⟧, ⟦User⟧.⟦name⟧ AS ⟦User__name⟧, ⟦User⟧.⟦company_id⟧ AS ⟦User__company_id⟧, ⟦User⟧.⟦deleted_at⟧ AS ⟦User__deleted_at⟧ FROM ⟦profiles⟧ LEFT JOIN ⟦users⟧ ⟦User⟧ ON ⟦profiles⟧.⟦user_id⟧ = ⟦User⟧.⟦id⟧ AND (⟦User⟧.⟦name⟧ = :p1 OR ⟦User⟧.⟦name⟧ LIKE :p2) AND ⟦User⟧.⟦deleted_at⟧ IS NULL"#,
        ],
        "join.then-preload": [
            #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧, ⟦User⟧.⟦id⟧ AS ⟦User__id⟧, ⟦User⟧.⟦name⟧ AS ⟦User__name⟧, ⟦User⟧.⟦company_id⟧ AS ⟦User__company_id⟧, ⟦User⟧.⟦deleted_at⟧ AS ⟦User__deleted_at⟧ FROM ⟦profiles⟧ LEFT JOIN ⟦users⟧ ⟦User⟧ ON ⟦profiles⟧.⟦user_id⟧ = ⟦User⟧.⟦id⟧ AND ⟦User⟧.⟦deleted_at⟧ IS NULL"#,
            #"SELECT ⟦companies⟧.⟦id⟧, ⟦companies⟧.⟦name⟧ FROM ⟦companies⟧ WHERE ⟦companies⟧.⟦id⟧ = :p1"#,
        ],
        "query.joined-column-order-page": [
            #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧, ⟦User⟧.⟦id⟧ AS ⟦User__id⟧, ⟦User⟧.⟦name⟧ AS ⟦User__name⟧, ⟦User⟧.⟦company_id⟧ AS ⟦User__company_id⟧, ⟦User⟧.⟦deleted_at⟧ AS ⟦User__deleted_at⟧ FROM ⟦profiles⟧ INNER JOIN ⟦users⟧ ⟦User⟧ ON ⟦profiles⟧.⟦user_id⟧ = ⟦User⟧.⟦id⟧ AND ⟦User⟧.⟦deleted_at⟧ IS NULL WHERE ⟦User⟧.⟦name⟧ = :p1 ORDER BY ⟦User⟧.⟦name⟧ DESC OFFSET 20 ROWS FETCH FIRST 10 ROWS ONLY"#,
        ],
        "query.offset-without-limit": [
            #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧ FROM ⟦profiles⟧ OFFSET 5 ROWS"#,
        ],
        "query.first": [
            #"SELECT ⟦users⟧.⟦id⟧, ⟦users⟧.⟦name⟧, ⟦users⟧.⟦company_id⟧, ⟦users⟧.⟦deleted_at⟧ FROM ⟦users⟧ WHERE ⟦users⟧.⟦deleted_at⟧ IS NULL ORDER BY ⟦users⟧.⟦id⟧ FETCH FIRST 1 ROWS ONLY"#,
        ],
        "query.count-with-join": [
            #"SELECT COUNT(*) FROM ⟦profiles⟧ INNER JOIN ⟦users⟧ ⟦User⟧ ON ⟦profiles⟧.⟦user_id⟧ = ⟦User⟧.⟦id⟧ AND ⟦User⟧.⟦deleted_at⟧ IS NULL"#,
        ],
        "join.unscoped": [
            #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧, ⟦User⟧.⟦id⟧ AS ⟦User__id⟧, ⟦User⟧.⟦name⟧ AS ⟦User__name⟧, ⟦User⟧.⟦company_id⟧ AS ⟦User__company_id⟧, ⟦User⟧.⟦deleted_at⟧ AS ⟦User__deleted_at⟧ FROM ⟦profiles⟧ LEFT JOIN ⟦users⟧ ⟦User⟧ ON ⟦profiles⟧.⟦user_id⟧ = ⟦User⟧.⟦id⟧"#,
        ],
        "schema.create-tables": [
            #"CREATE TABLE ⟦companies⟧ (⟦id⟧ INT64 NOT NULL SERIALLY PRIMARY KEY, ⟦name⟧ STRING NOT NULL) WITH ODDITY"#,
            #"CREATE TABLE ⟦users⟧ (⟦id⟧ INT64 NOT NULL SERIALLY PRIMARY KEY, ⟦name⟧ STRING NOT NULL, ⟦company_id⟧ INT64, ⟦deleted_at⟧ INSTANT, CONSTRAINT ⟦fk_users_company⟧ FOREIGN KEY (⟦company_id⟧) REFERENCES ⟦companies⟧(⟦id⟧), INDEX ⟦idx_users_deleted_at⟧ (⟦deleted_at⟧)) WITH ODDITY"#,
            #"CREATE TABLE ⟦profiles⟧ (⟦id⟧ INT64 NOT NULL SERIALLY PRIMARY KEY, ⟦name⟧ STRING NOT NULL, ⟦user_id⟧ INT64, CONSTRAINT ⟦fk_profiles_user⟧ FOREIGN KEY (⟦user_id⟧) REFERENCES ⟦users⟧(⟦id⟧) ON DELETE SET NULL ON UPDATE CASCADE) WITH ODDITY"#,
        ],
        "schema.references-override": [
            #"CREATE TABLE ⟦companies⟧ (⟦id⟧ INT64 NOT NULL SERIALLY PRIMARY KEY, ⟦code⟧ STRING(32) NOT NULL, ⟦name⟧ STRING NOT NULL, CONSTRAINT ⟦uni_companies_code⟧ UNIQUE (⟦code⟧)) WITH ODDITY"#,
            #"CREATE TABLE ⟦users⟧ (⟦id⟧ INT64 NOT NULL SERIALLY PRIMARY KEY, ⟦name⟧ STRING NOT NULL, ⟦company_code⟧ STRING(32), CONSTRAINT ⟦fk_users_company⟧ FOREIGN KEY (⟦company_code⟧) REFERENCES ⟦companies⟧(⟦code⟧)) WITH ODDITY"#,
        ],
        "join.references-override": [
            #"SELECT ⟦users⟧.⟦id⟧, ⟦users⟧.⟦name⟧, ⟦users⟧.⟦company_code⟧, ⟦Company⟧.⟦id⟧ AS ⟦Company__id⟧, ⟦Company⟧.⟦code⟧ AS ⟦Company__code⟧, ⟦Company⟧.⟦name⟧ AS ⟦Company__name⟧ FROM ⟦users⟧ LEFT JOIN ⟦companies⟧ ⟦Company⟧ ON ⟦users⟧.⟦company_code⟧ = ⟦Company⟧.⟦code⟧"#,
        ],
        "schema.unique-index": [
            #"CREATE TABLE ⟦users⟧ (⟦id⟧ INT64 NOT NULL SERIALLY PRIMARY KEY, ⟦email⟧ STRING(191) NOT NULL, UNIQUE INDEX ⟦idx_users_email⟧ (⟦email⟧)) WITH ODDITY"#,
        ],
        "insert.returning": [
            #"INSERT INTO ⟦users⟧ (⟦name⟧, ⟦company_id⟧) VALUES (:p1, :p2) RETURNING ⟦id⟧"#,
        ],
        "insert.upsert": [
            #"INSERT INTO ⟦users⟧ (⟦email⟧) VALUES (:p1) AS ⟦new_row⟧ ON DUPLICATE KEY UPDATE ⟦email⟧ = ⟦new_row⟧.⟦email⟧"#,
        ],
        "update.set-foreign-key": [
            #"UPDATE ⟦profiles⟧ SET ⟦user_id⟧ = :p1 WHERE ⟦profiles⟧.⟦id⟧ = :p2"#,
        ],
        "update.clear-foreign-key": [
            #"UPDATE ⟦profiles⟧ SET ⟦user_id⟧ = :p1 WHERE ⟦profiles⟧.⟦id⟧ = :p2"#,
        ],
        "delete.soft": [
            #"UPDATE ⟦users⟧ SET ⟦deleted_at⟧ = :p1 WHERE ⟦users⟧.⟦id⟧ = :p2 AND ⟦users⟧.⟦deleted_at⟧ IS NULL"#,
        ],
        "delete.unscoped": [
            #"DELETE FROM ⟦users⟧ WHERE ⟦users⟧.⟦id⟧ = :p1"#,
        ],
        "join.long-alias": [
            #"SELECT ⟦people⟧.⟦id⟧, ⟦people⟧.⟦current_employer_information_id⟧, ⟦CurrentEmployerInformation⟧.⟦id⟧ AS ⟦CurrentEmployerInformation__id⟧, ⟦CurrentEmployerInformation⟧.⟦preferred_company_language_id⟧ AS ⟦CurrentEmployerInform_81cd3cc6⟧, ⟦CurrentEmployerInform_709f289a⟧.⟦id⟧ AS ⟦CurrentEmployerInform_d7f5546f⟧, ⟦CurrentEmployerInform_709f289a⟧.⟦international_code⟧ AS ⟦CurrentEmployerInform_f22983ec⟧ FROM ⟦people⟧ LEFT JOIN ⟦employer_information⟧ ⟦CurrentEmployerInformation⟧ ON ⟦people⟧.⟦current_employer_information_id⟧ = ⟦CurrentEmployerInformation⟧.⟦id⟧ LEFT JOIN ⟦company_languages⟧ ⟦CurrentEmployerInform_709f289a⟧ ON ⟦CurrentEmployerInformation⟧.⟦preferred_company_language_id⟧ = ⟦CurrentEmployerInform_709f289a⟧.⟦id⟧"#,
        ],
        "insert.explicit-returning": [
            #"INSERT INTO ⟦users⟧ (⟦name⟧) VALUES (:p1) RETURNING ⟦id⟧, ⟦name⟧"#,
        ],
        "insert.upsert-all-columns": [
            #"INSERT INTO ⟦users⟧ (⟦email⟧) VALUES (:p1) AS ⟦new_row⟧ ON DUPLICATE KEY UPDATE ⟦email⟧ = ⟦email⟧"#,
        ],
    ]
}
