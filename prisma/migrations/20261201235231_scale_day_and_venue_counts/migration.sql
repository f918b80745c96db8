-- AlterTable
ALTER TABLE "Venue" ADD COLUMN     "articleCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "mentionCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ArticleDayCount" (
    "day" TIMESTAMP(3) NOT NULL,
    "articles" INTEGER NOT NULL,

    CONSTRAINT "ArticleDayCount_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "Venue_most_named_idx" ON "Venue"("articleCount" DESC, "mentionCount" DESC, "id");

-- Venues' counts, as persons' (migration person_mention_counts): every write to
-- ArticleVenue adds to or takes from its venues' counts, once per statement.
CREATE FUNCTION "ArticleVenue_keep_venue_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "Venue" v SET "articleCount" = v."articleCount" + d.articles, "mentionCount" = v."mentionCount" + d.mentions
    FROM (SELECT "venueId", count(*)::int AS articles, sum("mentionCount")::int AS mentions FROM added GROUP BY 1) d
    WHERE v.id = d."venueId";
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE "Venue" v SET "articleCount" = v."articleCount" - d.articles, "mentionCount" = v."mentionCount" - d.mentions
    FROM (SELECT "venueId", count(*)::int AS articles, sum("mentionCount")::int AS mentions FROM removed GROUP BY 1) d
    WHERE v.id = d."venueId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ArticleVenue_counts_after_insert" AFTER INSERT ON "ArticleVenue"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "ArticleVenue_keep_venue_counts"();
CREATE TRIGGER "ArticleVenue_counts_after_update" AFTER UPDATE ON "ArticleVenue"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "ArticleVenue_keep_venue_counts"();
CREATE TRIGGER "ArticleVenue_counts_after_delete" AFTER DELETE ON "ArticleVenue"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "ArticleVenue_keep_venue_counts"();

UPDATE "Venue" v SET "articleCount" = c.articles, "mentionCount" = c.mentions
FROM (SELECT "venueId", count(*)::int AS articles, sum("mentionCount")::int AS mentions FROM "ArticleVenue" GROUP BY 1) c
WHERE v.id = c."venueId";

-- Articles per day of publication: every write to Article adds its rows' days and takes
-- away the days they had, once per statement; an update that keeps the days (a
-- re-extraction of the same date) writes nothing. Rows are upserted in day order, so two
-- writers lock them in the same order. A day whose articles are all gone keeps a 0.
CREATE FUNCTION "Article_keep_day_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ArticleDayCount" (day, articles)
    SELECT coalesce(date_trunc('day', "publishedAt"), '-infinity'), count(*)::int FROM added GROUP BY 1 ORDER BY 1
    ON CONFLICT (day) DO UPDATE SET articles = "ArticleDayCount".articles + EXCLUDED.articles;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "ArticleDayCount" c SET articles = c.articles - d.n
    FROM (SELECT coalesce(date_trunc('day', "publishedAt"), '-infinity') AS day, count(*)::int AS n FROM removed GROUP BY 1) d
    WHERE c.day = d.day;
  ELSE
    INSERT INTO "ArticleDayCount" (day, articles)
    SELECT day, sum(n)::int FROM (
      SELECT coalesce(date_trunc('day', "publishedAt"), '-infinity') AS day, 1 AS n FROM added
      UNION ALL SELECT coalesce(date_trunc('day', "publishedAt"), '-infinity'), -1 FROM removed) x
    GROUP BY day HAVING sum(n) <> 0 ORDER BY day
    ON CONFLICT (day) DO UPDATE SET articles = "ArticleDayCount".articles + EXCLUDED.articles;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Article_day_counts_after_insert" AFTER INSERT ON "Article"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "Article_keep_day_counts"();
CREATE TRIGGER "Article_day_counts_after_update" AFTER UPDATE ON "Article"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "Article_keep_day_counts"();
CREATE TRIGGER "Article_day_counts_after_delete" AFTER DELETE ON "Article"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "Article_keep_day_counts"();

INSERT INTO "ArticleDayCount" (day, articles)
SELECT coalesce(date_trunc('day', "publishedAt"), '-infinity'), count(*)::int FROM "Article" GROUP BY 1;
