-- CreateEnum
CREATE TYPE "QuoteKind" AS ENUM ('DIRECT', 'PARTIAL');

-- AlterTable
ALTER TABLE "Quote" ADD COLUMN     "kind" "QuoteKind" NOT NULL DEFAULT 'DIRECT';
