-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "inputHints" JSONB;
