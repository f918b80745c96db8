-- AlterTable
ALTER TABLE "Quote" ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Quote_searchVector_idx" ON "Quote" USING GIN ("searchVector");

-- Backfill: quotes stored before this migration become searchable at once.
UPDATE "Quote" SET "searchVector" = to_tsvector('english', "text");
