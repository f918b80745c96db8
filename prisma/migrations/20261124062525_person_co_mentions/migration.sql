-- CreateTable
CREATE TABLE "PersonCoMention" (
    "personId" INTEGER NOT NULL,
    "coMentionedId" INTEGER NOT NULL,
    "sharedArticles" INTEGER NOT NULL,

    CONSTRAINT "PersonCoMention_pkey" PRIMARY KEY ("personId","coMentionedId")
);

-- CreateIndex
CREATE INDEX "PersonCoMention_most_shared_idx" ON "PersonCoMention"("personId", "sharedArticles" DESC, "coMentionedId");

-- Adds `sign` (1 or -1) to the pairs that the mentions (changed_articles[i], changed_persons[i])
-- make with each other and with the other persons of their articles: the rows of those
-- articles now stored, less the rows `fresh_*` that this statement added. A row goes when
-- its count reaches 0. plpgsql, not sql, so its plans are kept for the session.
CREATE FUNCTION "PersonCoMention_count_pairs"(changed_articles int[], changed_persons int[], fresh_articles int[], fresh_persons int[], sign int)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH changed AS (SELECT * FROM unnest(changed_articles, changed_persons) AS c("articleId", "personId")),
  others AS (
    SELECT ap."articleId", ap."personId" FROM "ArticlePerson" ap WHERE ap."articleId" = ANY(changed_articles)
    EXCEPT SELECT * FROM unnest(fresh_articles, fresh_persons)
  ),
  pairs AS (
    SELECT c."personId" AS a, o."personId" AS b FROM changed c JOIN others o USING ("articleId")
    UNION ALL SELECT o."personId", c."personId" FROM changed c JOIN others o USING ("articleId")
    UNION ALL SELECT c."personId", d."personId" FROM changed c JOIN changed d USING ("articleId") WHERE d."personId" <> c."personId"
  ),
  delta AS (SELECT a, b, sign * count(*)::int AS n FROM pairs GROUP BY a, b),
  added AS (
    INSERT INTO "PersonCoMention" ("personId", "coMentionedId", "sharedArticles")
    SELECT a, b, n FROM delta WHERE n > 0 ORDER BY a, b
    ON CONFLICT ("personId", "coMentionedId") DO UPDATE SET "sharedArticles" = "PersonCoMention"."sharedArticles" + EXCLUDED."sharedArticles"
  ),
  gone AS (
    DELETE FROM "PersonCoMention" m USING delta d
    WHERE d.n < 0 AND m."personId" = d.a AND m."coMentionedId" = d.b AND m."sharedArticles" + d.n <= 0
  )
  UPDATE "PersonCoMention" m SET "sharedArticles" = m."sharedArticles" + d.n FROM delta d
  WHERE d.n < 0 AND m."personId" = d.a AND m."coMentionedId" = d.b AND m."sharedArticles" + d.n > 0;
END $$;

-- Every write to ArticlePerson, once per statement: the ingest, re-extraction, article deletion
-- (by cascade) and person merges alike. An update counts as the keys it took away removed and
-- the keys it brought added, so one that leaves the keys alone (a mention count) counts
-- nothing. (A trigger naming its columns could say so itself, but could not see the rows.)
-- The ingest has its persons' rows locked (its upsert, then the count triggers, which run
-- first by name), so two ingests meet on a pair's row only after meeting on its persons.
CREATE FUNCTION "ArticlePerson_keep_co_mentions"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added_articles int[] := '{}';
  added_persons int[] := '{}';
  removed_articles int[] := '{}';
  removed_persons int[] := '{}';
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT coalesce(array_agg("articleId"), '{}'), coalesce(array_agg("personId"), '{}') INTO added_articles, added_persons FROM added;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT coalesce(array_agg("articleId"), '{}'), coalesce(array_agg("personId"), '{}') INTO removed_articles, removed_persons FROM removed;
  ELSE
    SELECT coalesce(array_agg("articleId"), '{}'), coalesce(array_agg("personId"), '{}') INTO added_articles, added_persons
    FROM (SELECT "articleId", "personId" FROM added EXCEPT SELECT "articleId", "personId" FROM removed) k;
    SELECT coalesce(array_agg("articleId"), '{}'), coalesce(array_agg("personId"), '{}') INTO removed_articles, removed_persons
    FROM (SELECT "articleId", "personId" FROM removed EXCEPT SELECT "articleId", "personId" FROM added) k;
  END IF;
  IF cardinality(removed_articles) > 0 THEN
    PERFORM "PersonCoMention_count_pairs"(removed_articles, removed_persons, added_articles, added_persons, -1);
  END IF;
  IF cardinality(added_articles) > 0 THEN
    PERFORM "PersonCoMention_count_pairs"(added_articles, added_persons, added_articles, added_persons, 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ArticlePerson_pairs_after_insert" AFTER INSERT ON "ArticlePerson"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "ArticlePerson_keep_co_mentions"();
CREATE TRIGGER "ArticlePerson_pairs_after_update" AFTER UPDATE ON "ArticlePerson"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "ArticlePerson_keep_co_mentions"();
CREATE TRIGGER "ArticlePerson_pairs_after_delete" AFTER DELETE ON "ArticlePerson"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "ArticlePerson_keep_co_mentions"();

-- Backfill: the pairs of the mentions stored before this migration.
INSERT INTO "PersonCoMention" ("personId", "coMentionedId", "sharedArticles")
SELECT x."personId", y."personId", count(*)::int FROM "ArticlePerson" x
JOIN "ArticlePerson" y ON y."articleId" = x."articleId" AND y."personId" <> x."personId"
GROUP BY x."personId", y."personId";
