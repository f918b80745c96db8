-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "articleCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "mentionCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Person_most_mentioned_idx" ON "Person"("articleCount" DESC, "mentionCount" DESC, "id");

-- Every write to ArticlePerson adds to or takes from its persons' counts, once per
-- statement: the ingest, re-extraction, article deletion (by cascade) and person merges
-- alike. The ingest has the persons' rows locked already (its upsert), so the update waits
-- for no other ingest.
CREATE FUNCTION "ArticlePerson_keep_person_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "Person" p SET "articleCount" = p."articleCount" + d.articles, "mentionCount" = p."mentionCount" + d.mentions
    FROM (SELECT "personId", count(*)::int AS articles, sum("mentionCount")::int AS mentions FROM added GROUP BY 1) d
    WHERE p.id = d."personId";
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE "Person" p SET "articleCount" = p."articleCount" - d.articles, "mentionCount" = p."mentionCount" - d.mentions
    FROM (SELECT "personId", count(*)::int AS articles, sum("mentionCount")::int AS mentions FROM removed GROUP BY 1) d
    WHERE p.id = d."personId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ArticlePerson_counts_after_insert" AFTER INSERT ON "ArticlePerson"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "ArticlePerson_keep_person_counts"();
CREATE TRIGGER "ArticlePerson_counts_after_update" AFTER UPDATE ON "ArticlePerson"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "ArticlePerson_keep_person_counts"();
CREATE TRIGGER "ArticlePerson_counts_after_delete" AFTER DELETE ON "ArticlePerson"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "ArticlePerson_keep_person_counts"();

-- Backfill: the counts of the mentions stored before this migration.
UPDATE "Person" p SET "articleCount" = c.articles, "mentionCount" = c.mentions
FROM (SELECT "personId", count(*)::int AS articles, sum("mentionCount")::int AS mentions FROM "ArticlePerson" GROUP BY 1) c
WHERE p.id = c."personId";
