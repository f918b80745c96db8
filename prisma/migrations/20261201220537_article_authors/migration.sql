-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "authors" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Article_authors_idx" ON "Article" USING GIN ("authors");
