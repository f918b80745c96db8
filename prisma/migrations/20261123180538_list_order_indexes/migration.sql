-- DropIndex
DROP INDEX "Article_ingestedAt_idx";

-- DropIndex
DROP INDEX "Article_publishedAt_idx";

-- CreateIndex
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt", "id");

-- CreateIndex
-- NULLS LAST is written by hand (schema.prisma cannot say it): it matches the default
-- "newest first, undated last" order of article lists, so their pages are read from the
-- index instead of sorting every article. (publishedAt, id) above serves the ascending order.
CREATE INDEX "Article_newest_first_idx" ON "Article"("publishedAt" DESC NULLS LAST, "id" DESC);

-- CreateIndex
CREATE INDEX "Article_ingestedAt_id_idx" ON "Article"("ingestedAt", "id");
