extension SQLExpectations {
    /// What the built-in MariaDB dialect must produce: MariaDB 10.11 (and 10.4, which has no RETURNING).
    public static let mariadb: SQLExpectations = [
        "preload.one-key": [
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id` FROM `profiles`"#,
            #"SELECT `users`.`id`, `users`.`name`, `users`.`company_id`, `users`.`deleted_at` FROM `users` WHERE `users`.`id` = ? AND `users`.`deleted_at` IS NULL"#,
        ],
        "preload.several-keys": [
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id` FROM `profiles`"#,
            #"SELECT `users`.`id`, `users`.`name`, `users`.`company_id`, `users`.`deleted_at` FROM `users` WHERE `users`.`id` IN (?,?) AND `users`.`deleted_at` IS NULL"#,
        ],
        "preload.fragment-condition": [
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id` FROM `profiles`"#,
            #"SELECT `users`.`id`, `users`.`name`, `users`.`company_id`, `users`.`deleted_at` FROM `users` WHERE `users`.`id` IN (?,?) AND (name = ?) AND `users`.`deleted_at` IS NULL"#,
        ],
        "preload.typed-condition": [
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id` FROM `profiles`"#,
            #"SELECT `users`.`id`, `users`.`name`, `users`.`company_id`, `users`.`deleted_at` FROM `users` WHERE `users`.`id` IN (?,?) AND `users`.`name` = ? AND `users`.`deleted_at` IS NULL"#,
        ],
        "preload.nested": [
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id` FROM `profiles`"#,
            #"SELECT `users`.`id`, `users`.`name`, `users`.`company_id`, `users`.`deleted_at` FROM `users` WHERE `users`.`id` = ? AND `users`.`deleted_at` IS NULL"#,
            #"SELECT `companies`.`id`, `companies`.`name` FROM `companies` WHERE `companies`.`id` = ?"#,
        ],
        "join.left": [
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `User`.`id` AS `User__id`, `User`.`name` AS `User__name`, `User`.`company_id` AS `User__company_id`, `User`.`deleted_at` AS `User__deleted_at` FROM `profiles` LEFT JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id` AND `User`.`deleted_at` IS NULL"#,
        ],
        "join.inner": [
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `User`.`id` AS `User__id`, `User`.`name` AS `User__name`, `User`.`company_id` AS `User__company_id`, `User`.`deleted_at` AS `User__deleted_at` FROM `profiles` INNER JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id` AND `User`.`deleted_at` IS NULL"#,
        ],
        "join.nested": [
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `User`.`id` AS `User__id`, `User`.`name` AS `User__name`, `User`.`company_id` AS `User__company_id`, `User`.`deleted_at` AS `User__deleted_at`, `User__Company`.`id` AS `User__Company__id`, `User__Company`.`name` AS `User__Company__name` FROM `profiles` LEFT JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id` AND `User`.`deleted_at` IS NULL LEFT JOIN `companies` `User__Company` ON `User`.`company_id` = `User__Company`.`id`"#,
        ],
        "join.extra-on-conditions": [
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `User`.`id` AS `User__id`, `User`.`name` AS `User__name`, `User`.`company_id` AS `User__company_id`, `User`.`deleted_at` AS `User__deleted_at` FROM `profiles` LEFT JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id` AND (`User`.`name` = ? OR `User`.`name` LIKE ?) AND `User`.`deleted_at` IS NULL"#,
        ],
        "join.then-preload": [
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `User`.`id` AS `User__id`, `User`.`name` AS `User__name`, `User`.`company_id` AS `User__company_id`, `User`.`deleted_at` AS `User__deleted_at` FROM `profiles` LEFT JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id` AND `User`.`deleted_at` IS NULL"#,
            #"SELECT `companies`.`id`, `companies`.`name` FROM `companies` WHERE `companies`.`id` = ?"#,
        ],
        "query.joined-column-order-page": [
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `User`.`id` AS `User__id`, `User`.`name` AS `User__name`, `User`.`company_id` AS `User__company_id`, `User`.`deleted_at` AS `User__deleted_at` FROM `profiles` INNER JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id` AND `User`.`deleted_at` IS NULL WHERE `User`.`name` = ? ORDER BY `User`.`name` DESC LIMIT 10 OFFSET 20"#,
        ],
        "query.offset-without-limit": [
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id` FROM `profiles` LIMIT 18446744073709551615 OFFSET 5"#,
        ],
        "query.first": [
            #"SELECT `users`.`id`, `users`.`name`, `users`.`company_id`, `users`.`deleted_at` FROM `users` WHERE `users`.`deleted_at` IS NULL ORDER BY `users`.`id` LIMIT 1"#,
        ],
        "query.count-with-join": [
            #"SELECT COUNT(*) FROM `profiles` INNER JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id` AND `User`.`deleted_at` IS NULL"#,
        ],
        "join.unscoped": [
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `User`.`id` AS `User__id`, `User`.`name` AS `User__name`, `User`.`company_id` AS `User__company_id`, `User`.`deleted_at` AS `User__deleted_at` FROM `profiles` LEFT JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id`"#,
        ],
        "schema.create-tables": [
            #"CREATE TABLE `companies` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `name` LONGTEXT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"#,
            #"CREATE TABLE `users` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `name` LONGTEXT NOT NULL, `company_id` BIGINT, `deleted_at` DATETIME(6), CONSTRAINT `fk_users_company` FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`), INDEX `idx_users_deleted_at` (`deleted_at`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"#,
            #"CREATE TABLE `profiles` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `name` LONGTEXT NOT NULL, `user_id` BIGINT, CONSTRAINT `fk_profiles_user` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE SET NULL ON UPDATE CASCADE) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"#,
        ],
        "schema.references-override": [
            #"CREATE TABLE `companies` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `code` VARCHAR(32) NOT NULL, `name` LONGTEXT NOT NULL, CONSTRAINT `uni_companies_code` UNIQUE (`code`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"#,
            #"CREATE TABLE `users` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `name` LONGTEXT NOT NULL, `company_code` VARCHAR(32), CONSTRAINT `fk_users_company` FOREIGN KEY (`company_code`) REFERENCES `companies`(`code`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"#,
        ],
        "join.references-override": [
            #"SELECT `users`.`id`, `users`.`name`, `users`.`company_code`, `Company`.`id` AS `Company__id`, `Company`.`code` AS `Company__code`, `Company`.`name` AS `Company__name` FROM `users` LEFT JOIN `companies` `Company` ON `users`.`company_code` = `Company`.`code`"#,
        ],
        "schema.unique-index": [
            #"CREATE TABLE `users` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `email` VARCHAR(191) NOT NULL, UNIQUE INDEX `idx_users_email` (`email`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"#,
        ],
        "insert.returning": [
            #"INSERT INTO `users` (`name`, `company_id`) VALUES (?, ?) RETURNING `id`"#,
        ],
        "insert.last-insert-id": [
            #"INSERT INTO `users` (`name`) VALUES (?)"#,
            #"INSERT INTO `users` (`name`) VALUES (?)"#,
        ],
        "insert.upsert": [
            #"INSERT INTO `users` (`email`) VALUES (?) ON DUPLICATE KEY UPDATE `email` = VALUES(`email`)"#,
        ],
        "update.set-foreign-key": [
            #"UPDATE `profiles` SET `user_id` = ? WHERE `profiles`.`id` = ?"#,
        ],
        "update.clear-foreign-key": [
            #"UPDATE `profiles` SET `user_id` = ? WHERE `profiles`.`id` = ?"#,
        ],
        "delete.soft": [
            #"UPDATE `users` SET `deleted_at` = ? WHERE `users`.`id` = ? AND `users`.`deleted_at` IS NULL"#,
        ],
        "delete.unscoped": [
            #"DELETE FROM `users` WHERE `users`.`id` = ?"#,
        ],
        "join.long-alias": [
            #"SELECT `people`.`id`, `people`.`current_employer_information_id`, `CurrentEmployerInformation`.`id` AS `CurrentEmployerInformation__id`, `CurrentEmployerInformation`.`preferred_company_language_id` AS `CurrentEmployerInformation__preferred_company_language_id`, `CurrentEmployerInformation__PreferredCompanyLanguage`.`id` AS `CurrentEmployerInformation__PreferredCompanyLanguage__id`, `CurrentEmployerInformation__PreferredCompanyLanguage`.`international_code` AS `CurrentEmployerInformation__PreferredCompanyLanguage__i_f22983ec` FROM `people` LEFT JOIN `employer_information` `CurrentEmployerInformation` ON `people`.`current_employer_information_id` = `CurrentEmployerInformation`.`id` LEFT JOIN `company_languages` `CurrentEmployerInformation__PreferredCompanyLanguage` ON `CurrentEmployerInformation`.`preferred_company_language_id` = `CurrentEmployerInformation__PreferredCompanyLanguage`.`id`"#,
        ],
        "insert.returning-unsupported": .unsupported,
        "insert.explicit-returning": [
            #"INSERT INTO `users` (`name`) VALUES (?) RETURNING `id`, `name`"#,
        ],
        "insert.upsert-all-columns": [
            #"INSERT INTO `users` (`email`) VALUES (?) ON DUPLICATE KEY UPDATE `email` = `email`"#,
        ],
        "query.typed-conditions": [
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `profiles`.`updated_at`, `User`.`id` AS `User__id`, `User`.`name` AS `User__name`, `User`.`company_id` AS `User__company_id`, `User`.`deleted_at` AS `User__deleted_at`, `User__Company`.`id` AS `User__Company__id`, `User__Company`.`name` AS `User__Company__name`, `User__Company`.`deleted_at` AS `User__Company__deleted_at` FROM `profiles` LEFT JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id` AND `User`.`deleted_at` IS NULL LEFT JOIN `companies` `User__Company` ON `User`.`company_id` = `User__Company`.`id` AND `User__Company`.`deleted_at` IS NULL WHERE `User`.`name` = ? AND `User__Company`.`name` = ? AND `profiles`.`user_id` IS NOT NULL AND `profiles`.`name` LIKE ? AND `profiles`.`id` IN (?,?) ORDER BY `User`.`name` DESC, `profiles`.`id`"#,
        ],
        "query.typed-update": [
            #"UPDATE `profiles` SET `user_id` = ?, `updated_at` = ? WHERE `profiles`.`id` = ?"#,
        ],
        "query.list-argument": [
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `profiles`.`updated_at` FROM `profiles` WHERE name IN (?, ?, ?) AND name <> ?"#,
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `profiles`.`updated_at` FROM `profiles` WHERE name IN (NULL)"#,
        ],
        "migrate.adds-columns": [
            #"CREATE TABLE `clubs` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `name` LONGTEXT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"#,
            #"ALTER TABLE `members` ADD COLUMN `nickname` LONGTEXT"#,
            #"ALTER TABLE `members` ADD COLUMN `rank` BIGINT"#,
            #"ALTER TABLE `members` ADD COLUMN `score` BIGINT NOT NULL DEFAULT 0"#,
            #"ALTER TABLE `members` ADD COLUMN `club_id` BIGINT"#,
            #"CREATE INDEX `idx_members_rank` ON `members` (`rank`)"#,
            #"ALTER TABLE `members` ADD CONSTRAINT `fk_members_club` FOREIGN KEY (`club_id`) REFERENCES `clubs`(`id`)"#,
        ],
        "save.graph": [
            #"INSERT INTO `companies` (`name`, `deleted_at`) VALUES (?, ?) RETURNING `id`"#,
            #"UPDATE `users` SET `name` = ?, `company_id` = ?, `deleted_at` = ? WHERE `users`.`id` = ? AND `users`.`deleted_at` IS NULL"#,
            #"UPDATE `profiles` SET `name` = ?, `user_id` = ?, `updated_at` = ? WHERE `profiles`.`id` = ?"#,
        ],
        "create.new-parent": [
            #"INSERT INTO `users` (`name`, `company_id`, `deleted_at`) VALUES (?, ?, ?) RETURNING `id`"#,
            #"INSERT INTO `profiles` (`name`, `user_id`, `updated_at`) VALUES (?, ?, ?) RETURNING `id`"#,
        ],
        "preload.executed": [
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `profiles`.`updated_at` FROM `profiles` ORDER BY `profiles`.`id`"#,
            #"SELECT `users`.`id`, `users`.`name`, `users`.`company_id`, `users`.`deleted_at` FROM `users` WHERE `users`.`id` IN (?,?) AND `users`.`deleted_at` IS NULL"#,
        ],
        "join.executed": [
            #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `profiles`.`updated_at`, `User`.`id` AS `User__id`, `User`.`name` AS `User__name`, `User`.`company_id` AS `User__company_id`, `User`.`deleted_at` AS `User__deleted_at` FROM `profiles` LEFT JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id` AND `User`.`deleted_at` IS NULL ORDER BY `profiles`.`id`"#,
        ],
    ]
}
