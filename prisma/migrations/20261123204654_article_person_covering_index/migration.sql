-- DropIndex
DROP INDEX "ArticlePerson_personId_idx";

-- CreateIndex
CREATE INDEX "ArticlePerson_personId_articleId_mentionCount_idx" ON "ArticlePerson"("personId", "articleId", "mentionCount");
