-- CreateTable
CREATE TABLE "ArticlePassage" (
    "articleId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "searchVector" tsvector NOT NULL,

    CONSTRAINT "ArticlePassage_pkey" PRIMARY KEY ("articleId","position")
);

-- AddForeignKey
ALTER TABLE "ArticlePassage" ADD CONSTRAINT "ArticlePassage_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the passages of the articles stored before this migration, split at blank
-- lines as the ingest splits them (src/db/queries/sql.ts, passagesOf).
INSERT INTO "ArticlePassage" ("articleId", "position", "searchVector")
SELECT a.id, p.n, to_tsvector('english', p.text)
FROM "Article" a CROSS JOIN unnest(regexp_split_to_array(a.body, '\n\s*\n')) WITH ORDINALITY AS p(text, n);
