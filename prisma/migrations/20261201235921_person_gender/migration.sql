-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "GenderEvidence" AS ENUM ('PRONOUNS', 'TITLE', 'FIRST_NAME', 'NONE');

-- AlterTable
ALTER TABLE "ArticlePerson" ADD COLUMN     "femalePronouns" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "firstNameGender" "Gender" NOT NULL DEFAULT 'UNKNOWN',
ADD COLUMN     "gender" "Gender" NOT NULL DEFAULT 'UNKNOWN',
ADD COLUMN     "genderEvidence" "GenderEvidence" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "malePronouns" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "titleGender" "Gender" NOT NULL DEFAULT 'UNKNOWN';

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "femaleFirstNameArticles" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "femalePronouns" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "femaleTitleArticles" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "gender" "Gender" NOT NULL DEFAULT 'UNKNOWN',
ADD COLUMN     "genderBasis" "GenderEvidence" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "maleFirstNameArticles" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "malePronouns" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "maleTitleArticles" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Person_gender_idx" ON "Person"("gender");

-- A person's gender over all their articles, from the counts each article adds: pronouns
-- that corefer with them when they lean two to one or more, else the gendered titles, else
-- the first names (the same order as src/ingest/coreference/gender.ts for one article).
CREATE FUNCTION "person_gender"(fp int, mp int, ft int, mt int, ff int, mf int) RETURNS "Gender" LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN fp + mp > 0 AND fp <> mp AND (fp >= 2 * mp OR mp >= 2 * fp) THEN (CASE WHEN fp > mp THEN 'FEMALE' ELSE 'MALE' END)::"Gender"
    WHEN ft <> mt THEN (CASE WHEN ft > mt THEN 'FEMALE' ELSE 'MALE' END)::"Gender"
    WHEN ff <> mf THEN (CASE WHEN ff > mf THEN 'FEMALE' ELSE 'MALE' END)::"Gender"
    ELSE 'UNKNOWN'::"Gender" END
$$;
CREATE FUNCTION "person_gender_evidence"(fp int, mp int, ft int, mt int, ff int, mf int) RETURNS "GenderEvidence" LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN fp + mp > 0 AND fp <> mp AND (fp >= 2 * mp OR mp >= 2 * fp) THEN 'PRONOUNS'::"GenderEvidence"
    WHEN ft <> mt THEN 'TITLE'::"GenderEvidence"
    WHEN ff <> mf THEN 'FIRST_NAME'::"GenderEvidence"
    ELSE 'NONE'::"GenderEvidence" END
$$;

-- Every write to ArticlePerson adds its gender evidence to its person's counts or takes it
-- away, once per statement (ingest, re-extraction, deletion by cascade, merges), and the
-- person's gender follows from the new counts.
CREATE FUNCTION "ArticlePerson_keep_person_gender"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "Person" p SET "femalePronouns" = p."femalePronouns" + d.fp, "malePronouns" = p."malePronouns" + d.mp,
      "femaleTitleArticles" = p."femaleTitleArticles" + d.ft, "maleTitleArticles" = p."maleTitleArticles" + d.mt,
      "femaleFirstNameArticles" = p."femaleFirstNameArticles" + d.ff, "maleFirstNameArticles" = p."maleFirstNameArticles" + d.mf
    FROM (SELECT "personId", sum("femalePronouns")::int AS fp, sum("malePronouns")::int AS mp,
            count(*) FILTER (WHERE "titleGender" = 'FEMALE')::int AS ft, count(*) FILTER (WHERE "titleGender" = 'MALE')::int AS mt,
            count(*) FILTER (WHERE "firstNameGender" = 'FEMALE')::int AS ff, count(*) FILTER (WHERE "firstNameGender" = 'MALE')::int AS mf
          FROM added GROUP BY 1) d
    WHERE p.id = d."personId";
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE "Person" p SET "femalePronouns" = p."femalePronouns" - d.fp, "malePronouns" = p."malePronouns" - d.mp,
      "femaleTitleArticles" = p."femaleTitleArticles" - d.ft, "maleTitleArticles" = p."maleTitleArticles" - d.mt,
      "femaleFirstNameArticles" = p."femaleFirstNameArticles" - d.ff, "maleFirstNameArticles" = p."maleFirstNameArticles" - d.mf
    FROM (SELECT "personId", sum("femalePronouns")::int AS fp, sum("malePronouns")::int AS mp,
            count(*) FILTER (WHERE "titleGender" = 'FEMALE')::int AS ft, count(*) FILTER (WHERE "titleGender" = 'MALE')::int AS mt,
            count(*) FILTER (WHERE "firstNameGender" = 'FEMALE')::int AS ff, count(*) FILTER (WHERE "firstNameGender" = 'MALE')::int AS mf
          FROM removed GROUP BY 1) d
    WHERE p.id = d."personId";
  END IF;
  RETURN NULL;
END $$;

-- The gender follows the counts however they change (the trigger above, a merge that sums them).
CREATE FUNCTION "Person_set_gender"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.gender := "person_gender"(NEW."femalePronouns", NEW."malePronouns", NEW."femaleTitleArticles", NEW."maleTitleArticles", NEW."femaleFirstNameArticles", NEW."maleFirstNameArticles");
  NEW."genderBasis" := "person_gender_evidence"(NEW."femalePronouns", NEW."malePronouns", NEW."femaleTitleArticles", NEW."maleTitleArticles", NEW."femaleFirstNameArticles", NEW."maleFirstNameArticles");
  RETURN NEW;
END $$;

CREATE TRIGGER "Person_gender_before_write" BEFORE INSERT OR UPDATE OF "femalePronouns", "malePronouns", "femaleTitleArticles", "maleTitleArticles", "femaleFirstNameArticles", "maleFirstNameArticles"
  ON "Person" FOR EACH ROW EXECUTE FUNCTION "Person_set_gender"();

CREATE TRIGGER "ArticlePerson_gender_after_insert" AFTER INSERT ON "ArticlePerson"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "ArticlePerson_keep_person_gender"();
CREATE TRIGGER "ArticlePerson_gender_after_update" AFTER UPDATE ON "ArticlePerson"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "ArticlePerson_keep_person_gender"();
CREATE TRIGGER "ArticlePerson_gender_after_delete" AFTER DELETE ON "ArticlePerson"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "ArticlePerson_keep_person_gender"();
