import Joinery

extension Golden {
    static let userByName = Condition.equal("name", "jinzhu")

    static let all: [Golden] = [
        Golden(
            name: "preload pair, one key",
            models: GoldenModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user")])),
            preloadKeys: ["user": [[1]]],
            expected: [
                .sqlite: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles""#,
                    #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."id" = ? AND "users"."deleted_at" IS NULL"#,
                ]),
                .postgresql: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles""#,
                    #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."id" = $1 AND "users"."deleted_at" IS NULL"#,
                ]),
                .mariadb: .sql([
                    #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id` FROM `profiles`"#,
                    #"SELECT `users`.`id`, `users`.`name`, `users`.`company_id`, `users`.`deleted_at` FROM `users` WHERE `users`.`id` = ? AND `users`.`deleted_at` IS NULL"#,
                ]),
                .odd: .sql([
                    #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧ FROM ⟦profiles⟧"#,
                    #"SELECT ⟦users⟧.⟦id⟧, ⟦users⟧.⟦name⟧, ⟦users⟧.⟦company_id⟧, ⟦users⟧.⟦deleted_at⟧ FROM ⟦users⟧ WHERE ⟦users⟧.⟦id⟧ = :p1 AND ⟦users⟧.⟦deleted_at⟧ IS NULL"#,
                ]),
            ]),
        Golden(
            name: "preload pair, several keys",
            models: GoldenModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user")])),
            preloadKeys: ["user": [[1], [2]]],
            expected: [
                .sqlite: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles""#,
                    #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."id" IN (?,?) AND "users"."deleted_at" IS NULL"#,
                ]),
                .postgresql: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles""#,
                    #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."id" IN ($1,$2) AND "users"."deleted_at" IS NULL"#,
                ]),
                .mariadb: .sql([
                    #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id` FROM `profiles`"#,
                    #"SELECT `users`.`id`, `users`.`name`, `users`.`company_id`, `users`.`deleted_at` FROM `users` WHERE `users`.`id` IN (?,?) AND `users`.`deleted_at` IS NULL"#,
                ]),
                .odd: .sql([
                    #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧ FROM ⟦profiles⟧"#,
                    #"SELECT ⟦users⟧.⟦id⟧, ⟦users⟧.⟦name⟧, ⟦users⟧.⟦company_id⟧, ⟦users⟧.⟦deleted_at⟧ FROM ⟦users⟧ WHERE ⟦users⟧.⟦id⟧ IN (:p1,:p2) AND ⟦users⟧.⟦deleted_at⟧ IS NULL"#,
                ]),
            ]),
        Golden(
            name: "preload with a fragment condition",
            models: GoldenModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user", filter: .fragment("name = ?", arguments: ["jinzhu"]))])),
            preloadKeys: ["user": [[1], [2]]],
            bindings: [[], [1, 2, "jinzhu"]],
            expected: [
                .sqlite: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles""#,
                    #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."id" IN (?,?) AND (name = ?) AND "users"."deleted_at" IS NULL"#,
                ]),
                .postgresql: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles""#,
                    #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."id" IN ($1,$2) AND (name = $3) AND "users"."deleted_at" IS NULL"#,
                ]),
                .mariadb: .sql([
                    #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id` FROM `profiles`"#,
                    #"SELECT `users`.`id`, `users`.`name`, `users`.`company_id`, `users`.`deleted_at` FROM `users` WHERE `users`.`id` IN (?,?) AND (name = ?) AND `users`.`deleted_at` IS NULL"#,
                ]),
                .odd: .sql([
                    #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧ FROM ⟦profiles⟧"#,
                    #"SELECT ⟦users⟧.⟦id⟧, ⟦users⟧.⟦name⟧, ⟦users⟧.⟦company_id⟧, ⟦users⟧.⟦deleted_at⟧ FROM ⟦users⟧ WHERE ⟦users⟧.⟦id⟧ IN (:p1,:p2) AND (name = :p3) AND ⟦users⟧.⟦deleted_at⟧ IS NULL"#,
                ]),
            ]),
        Golden(
            name: "preload with a typed condition",
            models: GoldenModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user", filter: userByName)])),
            preloadKeys: ["user": [[1], [2]]],
            expected: [
                .sqlite: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles""#,
                    #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."id" IN (?,?) AND "users"."name" = ? AND "users"."deleted_at" IS NULL"#,
                ]),
                .postgresql: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles""#,
                    #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."id" IN ($1,$2) AND "users"."name" = $3 AND "users"."deleted_at" IS NULL"#,
                ]),
                .mariadb: .sql([
                    #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id` FROM `profiles`"#,
                    #"SELECT `users`.`id`, `users`.`name`, `users`.`company_id`, `users`.`deleted_at` FROM `users` WHERE `users`.`id` IN (?,?) AND `users`.`name` = ? AND `users`.`deleted_at` IS NULL"#,
                ]),
                .odd: .sql([
                    #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧ FROM ⟦profiles⟧"#,
                    #"SELECT ⟦users⟧.⟦id⟧, ⟦users⟧.⟦name⟧, ⟦users⟧.⟦company_id⟧, ⟦users⟧.⟦deleted_at⟧ FROM ⟦users⟧ WHERE ⟦users⟧.⟦id⟧ IN (:p1,:p2) AND ⟦users⟧.⟦name⟧ = :p3 AND ⟦users⟧.⟦deleted_at⟧ IS NULL"#,
                ]),
            ]),
        Golden(
            name: "nested preload",
            models: GoldenModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user.company")])),
            preloadKeys: ["user": [[1]], "user.company": [[7]]],
            expected: [
                .sqlite: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles""#,
                    #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."id" = ? AND "users"."deleted_at" IS NULL"#,
                    #"SELECT "companies"."id", "companies"."name" FROM "companies" WHERE "companies"."id" = ?"#,
                ]),
                .postgresql: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles""#,
                    #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."id" = $1 AND "users"."deleted_at" IS NULL"#,
                    #"SELECT "companies"."id", "companies"."name" FROM "companies" WHERE "companies"."id" = $1"#,
                ]),
                .mariadb: .sql([
                    #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id` FROM `profiles`"#,
                    #"SELECT `users`.`id`, `users`.`name`, `users`.`company_id`, `users`.`deleted_at` FROM `users` WHERE `users`.`id` = ? AND `users`.`deleted_at` IS NULL"#,
                    #"SELECT `companies`.`id`, `companies`.`name` FROM `companies` WHERE `companies`.`id` = ?"#,
                ]),
                .odd: .sql([
                    #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧ FROM ⟦profiles⟧"#,
                    #"SELECT ⟦users⟧.⟦id⟧, ⟦users⟧.⟦name⟧, ⟦users⟧.⟦company_id⟧, ⟦users⟧.⟦deleted_at⟧ FROM ⟦users⟧ WHERE ⟦users⟧.⟦id⟧ = :p1 AND ⟦users⟧.⟦deleted_at⟧ IS NULL"#,
                    #"SELECT ⟦companies⟧.⟦id⟧, ⟦companies⟧.⟦name⟧ FROM ⟦companies⟧ WHERE ⟦companies⟧.⟦id⟧ = :p1"#,
                ]),
            ]),
        Golden(
            name: "left join",
            models: GoldenModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user", .leftJoin)])),
            expected: [
                .sqlite: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL"#,
                ]),
                .postgresql: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL"#,
                ]),
                .mariadb: .sql([
                    #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `User`.`id` AS `User__id`, `User`.`name` AS `User__name`, `User`.`company_id` AS `User__company_id`, `User`.`deleted_at` AS `User__deleted_at` FROM `profiles` LEFT JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id` AND `User`.`deleted_at` IS NULL"#,
                ]),
                .odd: .sql([
                    #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧, ⟦User⟧.⟦id⟧ AS ⟦User__id⟧, ⟦User⟧.⟦name⟧ AS ⟦User__name⟧, ⟦User⟧.⟦company_id⟧ AS ⟦User__company_id⟧, ⟦User⟧.⟦deleted_at⟧ AS ⟦User__deleted_at⟧ FROM ⟦profiles⟧ LEFT JOIN ⟦users⟧ ⟦User⟧ ON ⟦profiles⟧.⟦user_id⟧ = ⟦User⟧.⟦id⟧ AND ⟦User⟧.⟦deleted_at⟧ IS NULL"#,
                ]),
            ]),
        Golden(
            name: "inner join",
            models: GoldenModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user", .innerJoin)])),
            expected: [
                .sqlite: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" INNER JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL"#,
                ]),
                .postgresql: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" INNER JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL"#,
                ]),
                .mariadb: .sql([
                    #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `User`.`id` AS `User__id`, `User`.`name` AS `User__name`, `User`.`company_id` AS `User__company_id`, `User`.`deleted_at` AS `User__deleted_at` FROM `profiles` INNER JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id` AND `User`.`deleted_at` IS NULL"#,
                ]),
                .odd: .sql([
                    #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧, ⟦User⟧.⟦id⟧ AS ⟦User__id⟧, ⟦User⟧.⟦name⟧ AS ⟦User__name⟧, ⟦User⟧.⟦company_id⟧ AS ⟦User__company_id⟧, ⟦User⟧.⟦deleted_at⟧ AS ⟦User__deleted_at⟧ FROM ⟦profiles⟧ INNER JOIN ⟦users⟧ ⟦User⟧ ON ⟦profiles⟧.⟦user_id⟧ = ⟦User⟧.⟦id⟧ AND ⟦User⟧.⟦deleted_at⟧ IS NULL"#,
                ]),
            ]),
        Golden(
            name: "nested join",
            models: GoldenModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user.company", .leftJoin)])),
            expected: [
                .sqlite: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at", "User__Company"."id" AS "User__Company__id", "User__Company"."name" AS "User__Company__name" FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL LEFT JOIN "companies" "User__Company" ON "User"."company_id" = "User__Company"."id""#,
                ]),
                .postgresql: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at", "User__Company"."id" AS "User__Company__id", "User__Company"."name" AS "User__Company__name" FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL LEFT JOIN "companies" "User__Company" ON "User"."company_id" = "User__Company"."id""#,
                ]),
                .mariadb: .sql([
                    #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `User`.`id` AS `User__id`, `User`.`name` AS `User__name`, `User`.`company_id` AS `User__company_id`, `User`.`deleted_at` AS `User__deleted_at`, `User__Company`.`id` AS `User__Company__id`, `User__Company`.`name` AS `User__Company__name` FROM `profiles` LEFT JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id` AND `User`.`deleted_at` IS NULL LEFT JOIN `companies` `User__Company` ON `User`.`company_id` = `User__Company`.`id`"#,
                ]),
                .odd: .sql([
                    #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧, ⟦User⟧.⟦id⟧ AS ⟦User__id⟧, ⟦User⟧.⟦name⟧ AS ⟦User__name⟧, ⟦User⟧.⟦company_id⟧ AS ⟦User__company_id⟧, ⟦User⟧.⟦deleted_at⟧ AS ⟦User__deleted_at⟧, ⟦User__Company⟧.⟦id⟧ AS ⟦User__Company__id⟧, ⟦User__Company⟧.⟦name⟧ AS ⟦User__Company__name⟧ FROM ⟦profiles⟧ LEFT JOIN ⟦users⟧ ⟦User⟧ ON ⟦profiles⟧.⟦user_id⟧ = ⟦User⟧.⟦id⟧ AND ⟦User⟧.⟦deleted_at⟧ IS NULL LEFT JOIN ⟦companies⟧ ⟦User__Company⟧ ON ⟦User⟧.⟦company_id⟧ = ⟦User__Company⟧.⟦id⟧"#,
                ]),
            ]),
        Golden(
            name: "join with extra ON conditions",
            models: GoldenModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user", .leftJoin, filter: .or([userByName, .like(.column("name"), "jin%")]))])),
            bindings: [["jinzhu", "jin%"]],
            expected: [
                .sqlite: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND ("User"."name" = ? OR "User"."name" LIKE ?) AND "User"."deleted_at" IS NULL"#,
                ]),
                .postgresql: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND ("User"."name" = $1 OR "User"."name" LIKE $2) AND "User"."deleted_at" IS NULL"#,
                ]),
                .mariadb: .sql([
                    #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `User`.`id` AS `User__id`, `User`.`name` AS `User__name`, `User`.`company_id` AS `User__company_id`, `User`.`deleted_at` AS `User__deleted_at` FROM `profiles` LEFT JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id` AND (`User`.`name` = ? OR `User`.`name` LIKE ?) AND `User`.`deleted_at` IS NULL"#,
                ]),
                .odd: .sql([
                    #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧, ⟦User⟧.⟦id⟧ AS ⟦User__id⟧, ⟦User⟧.⟦name⟧ AS ⟦User__name⟧, ⟦User⟧.⟦company_id⟧ AS ⟦User__company_id⟧, ⟦User⟧.⟦deleted_at⟧ AS ⟦User__deleted_at⟧ FROM ⟦profiles⟧ LEFT JOIN ⟦users⟧ ⟦User⟧ ON ⟦profiles⟧.⟦user_id⟧ = ⟦User⟧.⟦id⟧ AND (⟦User⟧.⟦name⟧ = :p1 OR ⟦User⟧.⟦name⟧ LIKE :p2) AND ⟦User⟧.⟦deleted_at⟧ IS NULL"#,
                ]),
            ]),
        Golden(
            name: "join, then preload through it",
            models: GoldenModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user", .leftJoin), Include("user.company")])),
            preloadKeys: ["user.company": [[7]]],
            expected: [
                .sqlite: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL"#,
                    #"SELECT "companies"."id", "companies"."name" FROM "companies" WHERE "companies"."id" = ?"#,
                ]),
                .postgresql: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL"#,
                    #"SELECT "companies"."id", "companies"."name" FROM "companies" WHERE "companies"."id" = $1"#,
                ]),
                .mariadb: .sql([
                    #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `User`.`id` AS `User__id`, `User`.`name` AS `User__name`, `User`.`company_id` AS `User__company_id`, `User`.`deleted_at` AS `User__deleted_at` FROM `profiles` LEFT JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id` AND `User`.`deleted_at` IS NULL"#,
                    #"SELECT `companies`.`id`, `companies`.`name` FROM `companies` WHERE `companies`.`id` = ?"#,
                ]),
                .odd: .sql([
                    #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧, ⟦User⟧.⟦id⟧ AS ⟦User__id⟧, ⟦User⟧.⟦name⟧ AS ⟦User__name⟧, ⟦User⟧.⟦company_id⟧ AS ⟦User__company_id⟧, ⟦User⟧.⟦deleted_at⟧ AS ⟦User__deleted_at⟧ FROM ⟦profiles⟧ LEFT JOIN ⟦users⟧ ⟦User⟧ ON ⟦profiles⟧.⟦user_id⟧ = ⟦User⟧.⟦id⟧ AND ⟦User⟧.⟦deleted_at⟧ IS NULL"#,
                    #"SELECT ⟦companies⟧.⟦id⟧, ⟦companies⟧.⟦name⟧ FROM ⟦companies⟧ WHERE ⟦companies⟧.⟦id⟧ = :p1"#,
                ]),
            ]),
        Golden(
            name: "where on a joined column, ordered, paged",
            models: GoldenModels.gorm,
            query: .select(SelectQuery("Profile", filter: .equal("name", "jinzhu", table: "User"), order: [OrderingTerm(ColumnReference("name", table: "User"), descending: true)], limit: 10, offset: 20, includes: [Include("user", .innerJoin)])),
            expected: [
                .sqlite: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" INNER JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL WHERE "User"."name" = ? ORDER BY "User"."name" DESC LIMIT 10 OFFSET 20"#,
                ]),
                .postgresql: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" INNER JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL WHERE "User"."name" = $1 ORDER BY "User"."name" DESC LIMIT 10 OFFSET 20"#,
                ]),
                .mariadb: .sql([
                    #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `User`.`id` AS `User__id`, `User`.`name` AS `User__name`, `User`.`company_id` AS `User__company_id`, `User`.`deleted_at` AS `User__deleted_at` FROM `profiles` INNER JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id` AND `User`.`deleted_at` IS NULL WHERE `User`.`name` = ? ORDER BY `User`.`name` DESC LIMIT 10 OFFSET 20"#,
                ]),
                .odd: .sql([
                    #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧, ⟦User⟧.⟦id⟧ AS ⟦User__id⟧, ⟦User⟧.⟦name⟧ AS ⟦User__name⟧, ⟦User⟧.⟦company_id⟧ AS ⟦User__company_id⟧, ⟦User⟧.⟦deleted_at⟧ AS ⟦User__deleted_at⟧ FROM ⟦profiles⟧ INNER JOIN ⟦users⟧ ⟦User⟧ ON ⟦profiles⟧.⟦user_id⟧ = ⟦User⟧.⟦id⟧ AND ⟦User⟧.⟦deleted_at⟧ IS NULL WHERE ⟦User⟧.⟦name⟧ = :p1 ORDER BY ⟦User⟧.⟦name⟧ DESC OFFSET 20 ROWS FETCH FIRST 10 ROWS ONLY"#,
                ]),
            ]),
        Golden(
            name: "offset without limit",
            models: GoldenModels.gorm,
            query: .select(SelectQuery("Profile", offset: 5)),
            expected: [
                .sqlite: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles" LIMIT -1 OFFSET 5"#,
                ]),
                .postgresql: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles" OFFSET 5"#,
                ]),
                .mariadb: .sql([
                    #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id` FROM `profiles` LIMIT 18446744073709551615 OFFSET 5"#,
                ]),
                .odd: .sql([
                    #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧ FROM ⟦profiles⟧ OFFSET 5 ROWS"#,
                ]),
            ]),
        Golden(
            name: "first",
            models: GoldenModels.gorm,
            query: .select(SelectQuery("User", first: true)),
            expected: [
                .sqlite: .sql([
                    #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."deleted_at" IS NULL ORDER BY "users"."id" LIMIT 1"#,
                ]),
                .postgresql: .sql([
                    #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."deleted_at" IS NULL ORDER BY "users"."id" LIMIT 1"#,
                ]),
                .mariadb: .sql([
                    #"SELECT `users`.`id`, `users`.`name`, `users`.`company_id`, `users`.`deleted_at` FROM `users` WHERE `users`.`deleted_at` IS NULL ORDER BY `users`.`id` LIMIT 1"#,
                ]),
                .odd: .sql([
                    #"SELECT ⟦users⟧.⟦id⟧, ⟦users⟧.⟦name⟧, ⟦users⟧.⟦company_id⟧, ⟦users⟧.⟦deleted_at⟧ FROM ⟦users⟧ WHERE ⟦users⟧.⟦deleted_at⟧ IS NULL ORDER BY ⟦users⟧.⟦id⟧ FETCH FIRST 1 ROWS ONLY"#,
                ]),
            ]),
        Golden(
            name: "count with a join",
            models: GoldenModels.gorm,
            query: .select(SelectQuery("Profile", count: true, includes: [Include("user", .innerJoin)])),
            expected: [
                .sqlite: .sql([
                    #"SELECT COUNT(*) FROM "profiles" INNER JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL"#,
                ]),
                .postgresql: .sql([
                    #"SELECT COUNT(*) FROM "profiles" INNER JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL"#,
                ]),
                .mariadb: .sql([
                    #"SELECT COUNT(*) FROM `profiles` INNER JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id` AND `User`.`deleted_at` IS NULL"#,
                ]),
                .odd: .sql([
                    #"SELECT COUNT(*) FROM ⟦profiles⟧ INNER JOIN ⟦users⟧ ⟦User⟧ ON ⟦profiles⟧.⟦user_id⟧ = ⟦User⟧.⟦id⟧ AND ⟦User⟧.⟦deleted_at⟧ IS NULL"#,
                ]),
            ]),
        Golden(
            name: "unscoped join",
            models: GoldenModels.gorm,
            query: .select(SelectQuery("Profile", includes: [Include("user", .leftJoin)], unscoped: true)),
            expected: [
                .sqlite: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id""#,
                ]),
                .postgresql: .sql([
                    #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id""#,
                ]),
                .mariadb: .sql([
                    #"SELECT `profiles`.`id`, `profiles`.`name`, `profiles`.`user_id`, `User`.`id` AS `User__id`, `User`.`name` AS `User__name`, `User`.`company_id` AS `User__company_id`, `User`.`deleted_at` AS `User__deleted_at` FROM `profiles` LEFT JOIN `users` `User` ON `profiles`.`user_id` = `User`.`id`"#,
                ]),
                .odd: .sql([
                    #"SELECT ⟦profiles⟧.⟦id⟧, ⟦profiles⟧.⟦name⟧, ⟦profiles⟧.⟦user_id⟧, ⟦User⟧.⟦id⟧ AS ⟦User__id⟧, ⟦User⟧.⟦name⟧ AS ⟦User__name⟧, ⟦User⟧.⟦company_id⟧ AS ⟦User__company_id⟧, ⟦User⟧.⟦deleted_at⟧ AS ⟦User__deleted_at⟧ FROM ⟦profiles⟧ LEFT JOIN ⟦users⟧ ⟦User⟧ ON ⟦profiles⟧.⟦user_id⟧ = ⟦User⟧.⟦id⟧"#,
                ]),
            ]),
        Golden(
            name: "create tables Company, User, Profile",
            models: GoldenModels.gorm,
            query: .migrate(MigrateQuery()),
            createsSchema: true,
            expected: [
                .sqlite: .sql([
                    #"CREATE TABLE "companies" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL)"#,
                    #"CREATE TABLE "users" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL, "company_id" INTEGER, "deleted_at" DATETIME, CONSTRAINT "fk_users_company" FOREIGN KEY ("company_id") REFERENCES "companies"("id"))"#,
                    #"CREATE INDEX "idx_users_deleted_at" ON "users" ("deleted_at")"#,
                    #"CREATE TABLE "profiles" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL, "user_id" INTEGER, CONSTRAINT "fk_profiles_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE)"#,
                ]),
                .postgresql: .sql([
                    #"CREATE TABLE "companies" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "name" TEXT NOT NULL)"#,
                    #"CREATE TABLE "users" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "name" TEXT NOT NULL, "company_id" BIGINT, "deleted_at" TIMESTAMPTZ, CONSTRAINT "fk_users_company" FOREIGN KEY ("company_id") REFERENCES "companies"("id"))"#,
                    #"CREATE INDEX "idx_users_deleted_at" ON "users" ("deleted_at")"#,
                    #"CREATE TABLE "profiles" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "name" TEXT NOT NULL, "user_id" BIGINT, CONSTRAINT "fk_profiles_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE)"#,
                ]),
                .mariadb: .sql([
                    #"CREATE TABLE `companies` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `name` LONGTEXT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"#,
                    #"CREATE TABLE `users` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `name` LONGTEXT NOT NULL, `company_id` BIGINT, `deleted_at` DATETIME(6), CONSTRAINT `fk_users_company` FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`), INDEX `idx_users_deleted_at` (`deleted_at`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"#,
                    #"CREATE TABLE `profiles` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `name` LONGTEXT NOT NULL, `user_id` BIGINT, CONSTRAINT `fk_profiles_user` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE SET NULL ON UPDATE CASCADE) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"#,
                ]),
                .odd: .sql([
                    #"CREATE TABLE ⟦companies⟧ (⟦id⟧ INT64 NOT NULL SERIALLY PRIMARY KEY, ⟦name⟧ STRING NOT NULL) WITH ODDITY"#,
                    #"CREATE TABLE ⟦users⟧ (⟦id⟧ INT64 NOT NULL SERIALLY PRIMARY KEY, ⟦name⟧ STRING NOT NULL, ⟦company_id⟧ INT64, ⟦deleted_at⟧ INSTANT, CONSTRAINT ⟦fk_users_company⟧ FOREIGN KEY (⟦company_id⟧) REFERENCES ⟦companies⟧(⟦id⟧), INDEX ⟦idx_users_deleted_at⟧ (⟦deleted_at⟧)) WITH ODDITY"#,
                    #"CREATE TABLE ⟦profiles⟧ (⟦id⟧ INT64 NOT NULL SERIALLY PRIMARY KEY, ⟦name⟧ STRING NOT NULL, ⟦user_id⟧ INT64, CONSTRAINT ⟦fk_profiles_user⟧ FOREIGN KEY (⟦user_id⟧) REFERENCES ⟦users⟧(⟦id⟧) ON DELETE SET NULL ON UPDATE CASCADE) WITH ODDITY"#,
                ]),
            ]),
        Golden(
            name: "references override",
            models: GoldenModels.referencesOverride,
            query: .migrate(MigrateQuery()),
            createsSchema: true,
            expected: [
                .sqlite: .sql([
                    #"CREATE TABLE "companies" ("id" INTEGER PRIMARY KEY, "code" TEXT NOT NULL, "name" TEXT NOT NULL, CONSTRAINT "uni_companies_code" UNIQUE ("code"))"#,
                    #"CREATE TABLE "users" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL, "company_code" TEXT, CONSTRAINT "fk_users_company" FOREIGN KEY ("company_code") REFERENCES "companies"("code"))"#,
                ]),
                .postgresql: .sql([
                    #"CREATE TABLE "companies" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "code" VARCHAR(32) NOT NULL, "name" TEXT NOT NULL, CONSTRAINT "uni_companies_code" UNIQUE ("code"))"#,
                    #"CREATE TABLE "users" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "name" TEXT NOT NULL, "company_code" VARCHAR(32), CONSTRAINT "fk_users_company" FOREIGN KEY ("company_code") REFERENCES "companies"("code"))"#,
                ]),
                .mariadb: .sql([
                    #"CREATE TABLE `companies` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `code` VARCHAR(32) NOT NULL, `name` LONGTEXT NOT NULL, CONSTRAINT `uni_companies_code` UNIQUE (`code`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"#,
                    #"CREATE TABLE `users` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `name` LONGTEXT NOT NULL, `company_code` VARCHAR(32), CONSTRAINT `fk_users_company` FOREIGN KEY (`company_code`) REFERENCES `companies`(`code`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"#,
                ]),
                .odd: .sql([
                    #"CREATE TABLE ⟦companies⟧ (⟦id⟧ INT64 NOT NULL SERIALLY PRIMARY KEY, ⟦code⟧ STRING(32) NOT NULL, ⟦name⟧ STRING NOT NULL, CONSTRAINT ⟦uni_companies_code⟧ UNIQUE (⟦code⟧)) WITH ODDITY"#,
                    #"CREATE TABLE ⟦users⟧ (⟦id⟧ INT64 NOT NULL SERIALLY PRIMARY KEY, ⟦name⟧ STRING NOT NULL, ⟦company_code⟧ STRING(32), CONSTRAINT ⟦fk_users_company⟧ FOREIGN KEY (⟦company_code⟧) REFERENCES ⟦companies⟧(⟦code⟧)) WITH ODDITY"#,
                ]),
            ]),
        Golden(
            name: "join on a references override",
            models: GoldenModels.referencesOverride,
            query: .select(SelectQuery("User", includes: [Include("company", .leftJoin)])),
            expected: [
                .sqlite: .sql([
                    #"SELECT "users"."id", "users"."name", "users"."company_code", "Company"."id" AS "Company__id", "Company"."code" AS "Company__code", "Company"."name" AS "Company__name" FROM "users" LEFT JOIN "companies" "Company" ON "users"."company_code" = "Company"."code""#,
                ]),
                .postgresql: .sql([
                    #"SELECT "users"."id", "users"."name", "users"."company_code", "Company"."id" AS "Company__id", "Company"."code" AS "Company__code", "Company"."name" AS "Company__name" FROM "users" LEFT JOIN "companies" "Company" ON "users"."company_code" = "Company"."code""#,
                ]),
                .mariadb: .sql([
                    #"SELECT `users`.`id`, `users`.`name`, `users`.`company_code`, `Company`.`id` AS `Company__id`, `Company`.`code` AS `Company__code`, `Company`.`name` AS `Company__name` FROM `users` LEFT JOIN `companies` `Company` ON `users`.`company_code` = `Company`.`code`"#,
                ]),
                .odd: .sql([
                    #"SELECT ⟦users⟧.⟦id⟧, ⟦users⟧.⟦name⟧, ⟦users⟧.⟦company_code⟧, ⟦Company⟧.⟦id⟧ AS ⟦Company__id⟧, ⟦Company⟧.⟦code⟧ AS ⟦Company__code⟧, ⟦Company⟧.⟦name⟧ AS ⟦Company__name⟧ FROM ⟦users⟧ LEFT JOIN ⟦companies⟧ ⟦Company⟧ ON ⟦users⟧.⟦company_code⟧ = ⟦Company⟧.⟦code⟧"#,
                ]),
            ]),
        Golden(
            name: "unique index",
            models: GoldenModels.emailUser,
            query: .migrate(MigrateQuery()),
            createsSchema: true,
            expected: [
                .sqlite: .sql([
                    #"CREATE TABLE "users" ("id" INTEGER PRIMARY KEY, "email" TEXT NOT NULL)"#,
                    #"CREATE UNIQUE INDEX "idx_users_email" ON "users" ("email")"#,
                ]),
                .postgresql: .sql([
                    #"CREATE TABLE "users" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "email" VARCHAR(191) NOT NULL)"#,
                    #"CREATE UNIQUE INDEX "idx_users_email" ON "users" ("email")"#,
                ]),
                .mariadb: .sql([
                    #"CREATE TABLE `users` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `email` VARCHAR(191) NOT NULL, UNIQUE INDEX `idx_users_email` (`email`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"#,
                ]),
                .odd: .sql([
                    #"CREATE TABLE ⟦users⟧ (⟦id⟧ INT64 NOT NULL SERIALLY PRIMARY KEY, ⟦email⟧ STRING(191) NOT NULL, UNIQUE INDEX ⟦idx_users_email⟧ (⟦email⟧)) WITH ODDITY"#,
                ]),
            ]),
        Golden(
            name: "insert with RETURNING",
            models: GoldenModels.gorm,
            query: .insert(InsertQuery("User", rows: [["name": "jinzhu", "companyID": 7]])),
            bindings: [["jinzhu", 7]],
            expected: [
                .sqlite: .sql([
                    #"INSERT INTO "users" ("name", "company_id") VALUES (?, ?) RETURNING "id""#,
                ]),
                .postgresql: .sql([
                    #"INSERT INTO "users" ("name", "company_id") VALUES ($1, $2) RETURNING "id""#,
                ]),
                .mariadb: .sql([
                    #"INSERT INTO `users` (`name`, `company_id`) VALUES (?, ?) RETURNING `id`"#,
                ]),
                .odd: .sql([
                    #"INSERT INTO ⟦users⟧ (⟦name⟧, ⟦company_id⟧) VALUES (:p1, :p2) RETURNING ⟦id⟧"#,
                ]),
            ]),
        Golden(
            name: "insert without RETURNING (SQLite 3.34, MariaDB 10.4)",
            models: GoldenModels.gorm,
            query: .insert(InsertQuery("User", rows: [["name": "jinzhu"], ["name": "jinzhu 2"]])),
            versions: [.sqlite: EngineVersion(3, 34), .mariadb: EngineVersion(10, 4)],
            expected: [
                .sqlite: .sql([
                    #"INSERT INTO "users" ("name") VALUES (?)"#,
                    #"INSERT INTO "users" ("name") VALUES (?)"#,
                ]),
                .postgresql: .sql([
                    #"INSERT INTO "users" ("name") VALUES ($1), ($2) RETURNING "id""#,
                ]),
                .mariadb: .sql([
                    #"INSERT INTO `users` (`name`) VALUES (?)"#,
                    #"INSERT INTO `users` (`name`) VALUES (?)"#,
                ]),
                .odd: .sql([
                    #"INSERT INTO ⟦users⟧ (⟦name⟧) VALUES (:p1), (:p2) RETURNING ⟦id⟧"#,
                ]),
            ]),
        Golden(
            name: "upsert",
            models: GoldenModels.emailUser,
            query: .insert(InsertQuery("User", rows: [["email": "a@b.c"]], upsert: Upsert(conflictColumns: ["email"], update: ["email"]), returning: [])),
            expected: [
                .sqlite: .sql([
                    #"INSERT INTO "users" ("email") VALUES (?) ON CONFLICT ("email") DO UPDATE SET "email" = excluded."email""#,
                ]),
                .postgresql: .sql([
                    #"INSERT INTO "users" ("email") VALUES ($1) ON CONFLICT ("email") DO UPDATE SET "email" = excluded."email""#,
                ]),
                .mariadb: .sql([
                    #"INSERT INTO `users` (`email`) VALUES (?) ON DUPLICATE KEY UPDATE `email` = VALUES(`email`)"#,
                ]),
                .odd: .sql([
                    #"INSERT INTO ⟦users⟧ (⟦email⟧) VALUES (:p1) AS ⟦new_row⟧ ON DUPLICATE KEY UPDATE ⟦email⟧ = ⟦new_row⟧.⟦email⟧"#,
                ]),
            ]),
        Golden(
            name: "set a foreign key",
            models: GoldenModels.gorm,
            query: .update(UpdateQuery("Profile", set: ["userID": 2], filter: .equal("id", 1))),
            expected: [
                .sqlite: .sql([
                    #"UPDATE "profiles" SET "user_id" = ? WHERE "profiles"."id" = ?"#,
                ]),
                .postgresql: .sql([
                    #"UPDATE "profiles" SET "user_id" = $1 WHERE "profiles"."id" = $2"#,
                ]),
                .mariadb: .sql([
                    #"UPDATE `profiles` SET `user_id` = ? WHERE `profiles`.`id` = ?"#,
                ]),
                .odd: .sql([
                    #"UPDATE ⟦profiles⟧ SET ⟦user_id⟧ = :p1 WHERE ⟦profiles⟧.⟦id⟧ = :p2"#,
                ]),
            ]),
        Golden(
            name: "set a foreign key to NULL",
            models: GoldenModels.gorm,
            query: .update(UpdateQuery("Profile", set: ["userID": .null], filter: .equal("id", 1))),
            bindings: [[.null, 1]],
            expected: [
                .sqlite: .sql([
                    #"UPDATE "profiles" SET "user_id" = ? WHERE "profiles"."id" = ?"#,
                ]),
                .postgresql: .sql([
                    #"UPDATE "profiles" SET "user_id" = $1 WHERE "profiles"."id" = $2"#,
                ]),
                .mariadb: .sql([
                    #"UPDATE `profiles` SET `user_id` = ? WHERE `profiles`.`id` = ?"#,
                ]),
                .odd: .sql([
                    #"UPDATE ⟦profiles⟧ SET ⟦user_id⟧ = :p1 WHERE ⟦profiles⟧.⟦id⟧ = :p2"#,
                ]),
            ]),
        Golden(
            name: "soft delete",
            models: GoldenModels.gorm,
            query: .delete(DeleteQuery("User", filter: .equal("id", 1))),
            bindings: [[.timestamp(Golden.now), 1]],
            expected: [
                .sqlite: .sql([
                    #"UPDATE "users" SET "deleted_at" = ? WHERE "users"."id" = ? AND "users"."deleted_at" IS NULL"#,
                ]),
                .postgresql: .sql([
                    #"UPDATE "users" SET "deleted_at" = $1 WHERE "users"."id" = $2 AND "users"."deleted_at" IS NULL"#,
                ]),
                .mariadb: .sql([
                    #"UPDATE `users` SET `deleted_at` = ? WHERE `users`.`id` = ? AND `users`.`deleted_at` IS NULL"#,
                ]),
                .odd: .sql([
                    #"UPDATE ⟦users⟧ SET ⟦deleted_at⟧ = :p1 WHERE ⟦users⟧.⟦id⟧ = :p2 AND ⟦users⟧.⟦deleted_at⟧ IS NULL"#,
                ]),
            ]),
        Golden(
            name: "unscoped delete",
            models: GoldenModels.gorm,
            query: .delete(DeleteQuery("User", filter: .equal("id", 1), unscoped: true)),
            expected: [
                .sqlite: .sql([
                    #"DELETE FROM "users" WHERE "users"."id" = ?"#,
                ]),
                .postgresql: .sql([
                    #"DELETE FROM "users" WHERE "users"."id" = $1"#,
                ]),
                .mariadb: .sql([
                    #"DELETE FROM `users` WHERE `users`.`id` = ?"#,
                ]),
                .odd: .sql([
                    #"DELETE FROM ⟦users⟧ WHERE ⟦users⟧.⟦id⟧ = :p1"#,
                ]),
            ]),
        Golden(
            name: "72-byte nested alias",
            models: GoldenModels.longNames,
            query: .select(SelectQuery("Person", includes: [Include("currentEmployerInformation.preferredCompanyLanguage", .leftJoin)])),
            expected: [
                .sqlite: .sql([
                    #"SELECT "people"."id", "people"."current_employer_information_id", "CurrentEmployerInformation"."id" AS "CurrentEmployerInformation__id", "CurrentEmployerInformation"."preferred_company_language_id" AS "CurrentEmployerInformation__preferred_company_language_id", "CurrentEmployerInformation__PreferredCompanyLanguage"."id" AS "CurrentEmployerInformation__PreferredCompanyLanguage__id", "CurrentEmployerInformation__PreferredCompanyLanguage"."international_code" AS "CurrentEmployerInformation__PreferredCompanyLanguage__international_code" FROM "people" LEFT JOIN "employer_information" "CurrentEmployerInformation" ON "people"."current_employer_information_id" = "CurrentEmployerInformation"."id" LEFT JOIN "company_languages" "CurrentEmployerInformation__PreferredCompanyLanguage" ON "CurrentEmployerInformation"."preferred_company_language_id" = "CurrentEmployerInformation__PreferredCompanyLanguage"."id""#,
                ]),
                .postgresql: .sql([
                    #"SELECT "people"."id", "people"."current_employer_information_id", "CurrentEmployerInformation"."id" AS "CurrentEmployerInformation__id", "CurrentEmployerInformation"."preferred_company_language_id" AS "CurrentEmployerInformation__preferred_company_language_id", "CurrentEmployerInformation__PreferredCompanyLanguage"."id" AS "CurrentEmployerInformation__PreferredCompanyLanguage__id", "CurrentEmployerInformation__PreferredCompanyLanguage"."international_code" AS "CurrentEmployerInformation__PreferredCompanyLanguage_f22983ec" FROM "people" LEFT JOIN "employer_information" "CurrentEmployerInformation" ON "people"."current_employer_information_id" = "CurrentEmployerInformation"."id" LEFT JOIN "company_languages" "CurrentEmployerInformation__PreferredCompanyLanguage" ON "CurrentEmployerInformation"."preferred_company_language_id" = "CurrentEmployerInformation__PreferredCompanyLanguage"."id""#,
                ]),
                .mariadb: .sql([
                    #"SELECT `people`.`id`, `people`.`current_employer_information_id`, `CurrentEmployerInformation`.`id` AS `CurrentEmployerInformation__id`, `CurrentEmployerInformation`.`preferred_company_language_id` AS `CurrentEmployerInformation__preferred_company_language_id`, `CurrentEmployerInformation__PreferredCompanyLanguage`.`id` AS `CurrentEmployerInformation__PreferredCompanyLanguage__id`, `CurrentEmployerInformation__PreferredCompanyLanguage`.`international_code` AS `CurrentEmployerInformation__PreferredCompanyLanguage__i_f22983ec` FROM `people` LEFT JOIN `employer_information` `CurrentEmployerInformation` ON `people`.`current_employer_information_id` = `CurrentEmployerInformation`.`id` LEFT JOIN `company_languages` `CurrentEmployerInformation__PreferredCompanyLanguage` ON `CurrentEmployerInformation`.`preferred_company_language_id` = `CurrentEmployerInformation__PreferredCompanyLanguage`.`id`"#,
                ]),
                .odd: .sql([
                    #"SELECT ⟦people⟧.⟦id⟧, ⟦people⟧.⟦current_employer_information_id⟧, ⟦CurrentEmployerInformation⟧.⟦id⟧ AS ⟦CurrentEmployerInformation__id⟧, ⟦CurrentEmployerInformation⟧.⟦preferred_company_language_id⟧ AS ⟦CurrentEmployerInform_81cd3cc6⟧, ⟦CurrentEmployerInform_709f289a⟧.⟦id⟧ AS ⟦CurrentEmployerInform_d7f5546f⟧, ⟦CurrentEmployerInform_709f289a⟧.⟦international_code⟧ AS ⟦CurrentEmployerInform_f22983ec⟧ FROM ⟦people⟧ LEFT JOIN ⟦employer_information⟧ ⟦CurrentEmployerInformation⟧ ON ⟦people⟧.⟦current_employer_information_id⟧ = ⟦CurrentEmployerInformation⟧.⟦id⟧ LEFT JOIN ⟦company_languages⟧ ⟦CurrentEmployerInform_709f289a⟧ ON ⟦CurrentEmployerInformation⟧.⟦preferred_company_language_id⟧ = ⟦CurrentEmployerInform_709f289a⟧.⟦id⟧"#,
                ]),
            ]),
        Golden(
            name: "explicit RETURNING where the engine lacks it",
            models: GoldenModels.gorm,
            query: .insert(InsertQuery("User", rows: [["name": "jinzhu"]], returning: ["id", "name"])),
            versions: [.sqlite: EngineVersion(3, 34), .mariadb: EngineVersion(10, 4)],
            expected: [
                .sqlite: .unsupported,
                .postgresql: .sql([
                    #"INSERT INTO "users" ("name") VALUES ($1) RETURNING "id", "name""#,
                ]),
                .mariadb: .unsupported,
                .odd: .sql([
                    #"INSERT INTO ⟦users⟧ (⟦name⟧) VALUES (:p1) RETURNING ⟦id⟧, ⟦name⟧"#,
                ]),
            ]),
        Golden(
            name: "upsert where the engine has none",
            models: GoldenModels.emailUser,
            query: .insert(InsertQuery("User", rows: [["email": "a@b.c"]], upsert: Upsert(conflictColumns: ["email"]))),
            versions: [.sqlite: EngineVersion(3, 23)],
            expected: [
                .sqlite: .unsupported,
                .postgresql: .sql([
                    #"INSERT INTO "users" ("email") VALUES ($1) ON CONFLICT ("email") DO NOTHING RETURNING "id""#,
                ]),
                .mariadb: .sql([
                    #"INSERT INTO `users` (`email`) VALUES (?) ON DUPLICATE KEY UPDATE `email` = `email` RETURNING `id`"#,
                ]),
                .odd: .sql([
                    #"INSERT INTO ⟦users⟧ (⟦email⟧) VALUES (:p1) AS ⟦new_row⟧ ON DUPLICATE KEY UPDATE ⟦email⟧ = ⟦email⟧ RETURNING ⟦id⟧"#,
                ]),
            ]),
    ]
}
