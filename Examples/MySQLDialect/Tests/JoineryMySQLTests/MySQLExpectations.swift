import JoineryConformance

extension SQLExpectations {
    /// MySQL 8's SQL: MariaDB's — the same backticks, placeholders and DDL shape — except where
    /// MySQL differs. Every entry here was first printed by the kit as a missing or differing
    /// expectation, then read and checked against MySQL's documentation before it was pasted.
    /// The scenarios that need RETURNING are gated off by the capability; those that lack it
    /// (`insert.last-insert-id`, `insert.returning-unsupported`) take MariaDB 10.4's entries.
    static let mysql = SQLExpectations.mariadb.merging([
        // MySQL 8's binary collation.
        "schema.references-override": [
            #"CREATE TABLE `companies` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `code` VARCHAR(32) NOT NULL, `name` LONGTEXT NOT NULL, CONSTRAINT `uni_companies_code` UNIQUE (`code`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin"#,
            #"CREATE TABLE `users` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `name` LONGTEXT NOT NULL, `company_code` VARCHAR(32), CONSTRAINT `fk_users_company` FOREIGN KEY (`company_code`) REFERENCES `companies`(`code`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin"#,
        ],
        "schema.create-tables": [
            #"CREATE TABLE `companies` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `name` LONGTEXT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin"#,
            #"CREATE TABLE `users` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `name` LONGTEXT NOT NULL, `company_id` BIGINT, `deleted_at` DATETIME(6), CONSTRAINT `fk_users_company` FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`), INDEX `idx_users_deleted_at` (`deleted_at`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin"#,
            #"CREATE TABLE `profiles` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `name` LONGTEXT NOT NULL, `user_id` BIGINT, CONSTRAINT `fk_profiles_user` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE SET NULL ON UPDATE CASCADE) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin"#,
        ],
        "schema.unique-index": [
            #"CREATE TABLE `users` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `email` VARCHAR(191) NOT NULL, UNIQUE INDEX `idx_users_email` (`email`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin"#,
        ],
        // The 8.0.19 row alias instead of the deprecated VALUES().
        "insert.upsert": [
            #"INSERT INTO `users` (`email`) VALUES (?) AS `new_row` ON DUPLICATE KEY UPDATE `email` = `new_row`.`email`"#,
        ],
        "insert.upsert-all-columns": [
            #"INSERT INTO `users` (`email`) VALUES (?) AS `new_row` ON DUPLICATE KEY UPDATE `email` = `email`"#,
        ],
    ])
}
