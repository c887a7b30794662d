extension SQLExpectations {
    /// What the built-in PostgreSQL dialect must produce: PostgreSQL 16.
    public static let postgresql: SQLExpectations = [
        "preload.one-key": [
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles""#,
            #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."id" = $1 AND "users"."deleted_at" IS NULL"#,
        ],
        "preload.several-keys": [
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles""#,
            #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."id" IN ($1,$2) AND "users"."deleted_at" IS NULL"#,
        ],
        "preload.fragment-condition": [
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles""#,
            #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."id" IN ($1,$2) AND (name = $3) AND "users"."deleted_at" IS NULL"#,
        ],
        "preload.typed-condition": [
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles""#,
            #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."id" IN ($1,$2) AND "users"."name" = $3 AND "users"."deleted_at" IS NULL"#,
        ],
        "preload.nested": [
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles""#,
            #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."id" = $1 AND "users"."deleted_at" IS NULL"#,
            #"SELECT "companies"."id", "companies"."name" FROM "companies" WHERE "companies"."id" = $1"#,
        ],
        "join.left": [
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL"#,
        ],
        "join.inner": [
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" INNER JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL"#,
        ],
        "join.nested": [
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at", "User__Company"."id" AS "User__Company__id", "User__Company"."name" AS "User__Company__name" FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL LEFT JOIN "companies" "User__Company" ON "User"."company_id" = "User__Company"."id""#,
        ],
        "join.extra-on-conditions": [
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND ("User"."name" = $1 OR "User"."name" LIKE $2) AND "User"."deleted_at" IS NULL"#,
        ],
        "join.then-preload": [
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL"#,
            #"SELECT "companies"."id", "companies"."name" FROM "companies" WHERE "companies"."id" = $1"#,
        ],
        "query.joined-column-order-page": [
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" INNER JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL WHERE "User"."name" = $1 ORDER BY "User"."name" DESC LIMIT 10 OFFSET 20"#,
        ],
        "query.offset-without-limit": [
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id" FROM "profiles" OFFSET 5"#,
        ],
        "query.first": [
            #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."deleted_at" IS NULL ORDER BY "users"."id" LIMIT 1"#,
        ],
        "query.count-with-join": [
            #"SELECT COUNT(*) FROM "profiles" INNER JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL"#,
        ],
        "join.unscoped": [
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id""#,
        ],
        "schema.create-tables": [
            #"CREATE TABLE "companies" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "name" TEXT NOT NULL)"#,
            #"CREATE TABLE "users" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "name" TEXT NOT NULL, "company_id" BIGINT, "deleted_at" TIMESTAMPTZ, CONSTRAINT "fk_users_company" FOREIGN KEY ("company_id") REFERENCES "companies"("id"))"#,
            #"CREATE INDEX "idx_users_deleted_at" ON "users" ("deleted_at")"#,
            #"CREATE TABLE "profiles" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "name" TEXT NOT NULL, "user_id" BIGINT, CONSTRAINT "fk_profiles_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE)"#,
        ],
        "schema.references-override": [
            #"CREATE TABLE "companies" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "code" VARCHAR(32) NOT NULL, "name" TEXT NOT NULL, CONSTRAINT "uni_companies_code" UNIQUE ("code"))"#,
            #"CREATE TABLE "users" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "name" TEXT NOT NULL, "company_code" VARCHAR(32), CONSTRAINT "fk_users_company" FOREIGN KEY ("company_code") REFERENCES "companies"("code"))"#,
        ],
        "join.references-override": [
            #"SELECT "users"."id", "users"."name", "users"."company_code", "Company"."id" AS "Company__id", "Company"."code" AS "Company__code", "Company"."name" AS "Company__name" FROM "users" LEFT JOIN "companies" "Company" ON "users"."company_code" = "Company"."code""#,
        ],
        "schema.unique-index": [
            #"CREATE TABLE "users" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "email" VARCHAR(191) NOT NULL)"#,
            #"CREATE UNIQUE INDEX "idx_users_email" ON "users" ("email")"#,
        ],
        "insert.returning": [
            #"INSERT INTO "users" ("name", "company_id") VALUES ($1, $2) RETURNING "id""#,
        ],
        "insert.upsert": [
            #"INSERT INTO "users" ("email") VALUES ($1) ON CONFLICT ("email") DO UPDATE SET "email" = excluded."email""#,
        ],
        "update.set-foreign-key": [
            #"UPDATE "profiles" SET "user_id" = $1 WHERE "profiles"."id" = $2"#,
        ],
        "update.clear-foreign-key": [
            #"UPDATE "profiles" SET "user_id" = $1 WHERE "profiles"."id" = $2"#,
        ],
        "delete.soft": [
            #"UPDATE "users" SET "deleted_at" = $1 WHERE "users"."id" = $2 AND "users"."deleted_at" IS NULL"#,
        ],
        "delete.unscoped": [
            #"DELETE FROM "users" WHERE "users"."id" = $1"#,
        ],
        "join.long-alias": [
            #"SELECT "people"."id", "people"."current_employer_information_id", "CurrentEmployerInformation"."id" AS "CurrentEmployerInformation__id", "CurrentEmployerInformation"."preferred_company_language_id" AS "CurrentEmployerInformation__preferred_company_language_id", "CurrentEmployerInformation__PreferredCompanyLanguage"."id" AS "CurrentEmployerInformation__PreferredCompanyLanguage__id", "CurrentEmployerInformation__PreferredCompanyLanguage"."international_code" AS "CurrentEmployerInformation__PreferredCompanyLanguage_f22983ec" FROM "people" LEFT JOIN "employer_information" "CurrentEmployerInformation" ON "people"."current_employer_information_id" = "CurrentEmployerInformation"."id" LEFT JOIN "company_languages" "CurrentEmployerInformation__PreferredCompanyLanguage" ON "CurrentEmployerInformation"."preferred_company_language_id" = "CurrentEmployerInformation__PreferredCompanyLanguage"."id""#,
        ],
        "insert.explicit-returning": [
            #"INSERT INTO "users" ("name") VALUES ($1) RETURNING "id", "name""#,
        ],
        "insert.upsert-all-columns": [
            #"INSERT INTO "users" ("email") VALUES ($1) ON CONFLICT ("email") DO NOTHING"#,
        ],
        "query.typed-conditions": [
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "profiles"."updated_at", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at", "User__Company"."id" AS "User__Company__id", "User__Company"."name" AS "User__Company__name", "User__Company"."deleted_at" AS "User__Company__deleted_at" FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL LEFT JOIN "companies" "User__Company" ON "User"."company_id" = "User__Company"."id" AND "User__Company"."deleted_at" IS NULL WHERE "User"."name" = $1 AND "User__Company"."name" = $2 AND "profiles"."user_id" IS NOT NULL AND "profiles"."name" LIKE $3 AND "profiles"."id" IN ($4,$5) ORDER BY "User"."name" DESC, "profiles"."id""#,
        ],
        "query.typed-update": [
            #"UPDATE "profiles" SET "user_id" = $1, "updated_at" = $2 WHERE "profiles"."id" = $3"#,
        ],
        "query.list-argument": [
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "profiles"."updated_at" FROM "profiles" WHERE name IN ($1, $2, $3) AND name <> $4"#,
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "profiles"."updated_at" FROM "profiles" WHERE name IN (NULL)"#,
        ],
        "migrate.adds-columns": [
            #"CREATE TABLE "clubs" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "name" TEXT NOT NULL)"#,
            #"ALTER TABLE "members" ADD COLUMN "nickname" TEXT"#,
            #"ALTER TABLE "members" ADD COLUMN "rank" BIGINT"#,
            #"ALTER TABLE "members" ADD COLUMN "score" BIGINT NOT NULL DEFAULT 0"#,
            #"ALTER TABLE "members" ADD COLUMN "club_id" BIGINT"#,
            #"CREATE INDEX "idx_members_rank" ON "members" ("rank")"#,
            #"ALTER TABLE "members" ADD CONSTRAINT "fk_members_club" FOREIGN KEY ("club_id") REFERENCES "clubs"("id")"#,
        ],
        "save.graph": [
            #"INSERT INTO "companies" ("name", "deleted_at") VALUES ($1, $2) RETURNING "id""#,
            #"UPDATE "users" SET "name" = $1, "company_id" = $2, "deleted_at" = $3 WHERE "users"."id" = $4 AND "users"."deleted_at" IS NULL"#,
            #"UPDATE "profiles" SET "name" = $1, "user_id" = $2, "updated_at" = $3 WHERE "profiles"."id" = $4"#,
        ],
        "create.new-parent": [
            #"INSERT INTO "users" ("name", "company_id", "deleted_at") VALUES ($1, $2, $3) RETURNING "id""#,
            #"INSERT INTO "profiles" ("name", "user_id", "updated_at") VALUES ($1, $2, $3) RETURNING "id""#,
        ],
        "preload.executed": [
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "profiles"."updated_at" FROM "profiles" ORDER BY "profiles"."id""#,
            #"SELECT "users"."id", "users"."name", "users"."company_id", "users"."deleted_at" FROM "users" WHERE "users"."id" IN ($1,$2) AND "users"."deleted_at" IS NULL"#,
        ],
        "join.executed": [
            #"SELECT "profiles"."id", "profiles"."name", "profiles"."user_id", "profiles"."updated_at", "User"."id" AS "User__id", "User"."name" AS "User__name", "User"."company_id" AS "User__company_id", "User"."deleted_at" AS "User__deleted_at" FROM "profiles" LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL ORDER BY "profiles"."id""#,
        ],
    ]
}
