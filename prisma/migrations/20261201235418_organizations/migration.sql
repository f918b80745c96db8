-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('COMPANY', 'GOVERNMENT', 'PARTY', 'NEWS_OUTLET', 'EDUCATION', 'NGO', 'TEAM');

-- AlterTable
ALTER TABLE "Quote" ADD COLUMN     "speakerOrganizationId" INTEGER;

-- CreateTable
CREATE TABLE "Organization" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "normalizedName" TEXT NOT NULL,
    "aliases" TEXT[],
    "kind" "OrganizationKind",
    "articleCount" INTEGER NOT NULL DEFAULT 0,
    "mentionCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleOrganization" (
    "articleId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "mentionCount" INTEGER NOT NULL,
    "aliases" TEXT[],
    "mentions" JSONB NOT NULL,

    CONSTRAINT "ArticleOrganization_pkey" PRIMARY KEY ("articleId","organizationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_normalizedName_key" ON "Organization"("normalizedName");

-- CreateIndex
CREATE INDEX "Organization_name_idx" ON "Organization"("name");

-- CreateIndex
CREATE INDEX "Organization_most_mentioned_idx" ON "Organization"("articleCount" DESC, "mentionCount" DESC, "id");

-- CreateIndex
CREATE INDEX "ArticleOrganization_organizationId_articleId_mentionCount_idx" ON "ArticleOrganization"("organizationId", "articleId", "mentionCount");

-- CreateIndex
CREATE INDEX "Quote_speakerOrganizationId_idx" ON "Quote"("speakerOrganizationId");

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_speakerOrganizationId_fkey" FOREIGN KEY ("speakerOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleOrganization" ADD CONSTRAINT "ArticleOrganization_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleOrganization" ADD CONSTRAINT "ArticleOrganization_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A quote has a person speaker or an organisation speaker, never both. A trigger, not a
-- CHECK constraint: Prisma's schema engine cannot read check constraints through the
-- PostgreSQL driver adapter (its drift check panics on them).
CREATE FUNCTION "Quote_one_speaker"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."speakerId" IS NOT NULL AND NEW."speakerOrganizationId" IS NOT NULL THEN
    RAISE EXCEPTION 'Quote_one_speaker: quote % has both a person and an organisation speaker', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Quote_one_speaker_before_write" BEFORE INSERT OR UPDATE OF "speakerId", "speakerOrganizationId" ON "Quote"
  FOR EACH ROW EXECUTE FUNCTION "Quote_one_speaker"();

-- Every write to ArticleOrganization adds to or takes from its organisations' counts, once
-- per statement, as ArticlePerson's triggers do for persons (migration person_mention_counts).
CREATE FUNCTION "ArticleOrganization_keep_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "Organization" o SET "articleCount" = o."articleCount" + d.articles, "mentionCount" = o."mentionCount" + d.mentions
    FROM (SELECT "organizationId", count(*)::int AS articles, sum("mentionCount")::int AS mentions FROM added GROUP BY 1) d
    WHERE o.id = d."organizationId";
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE "Organization" o SET "articleCount" = o."articleCount" - d.articles, "mentionCount" = o."mentionCount" - d.mentions
    FROM (SELECT "organizationId", count(*)::int AS articles, sum("mentionCount")::int AS mentions FROM removed GROUP BY 1) d
    WHERE o.id = d."organizationId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ArticleOrganization_counts_after_insert" AFTER INSERT ON "ArticleOrganization"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "ArticleOrganization_keep_counts"();
CREATE TRIGGER "ArticleOrganization_counts_after_update" AFTER UPDATE ON "ArticleOrganization"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "ArticleOrganization_keep_counts"();
CREATE TRIGGER "ArticleOrganization_counts_after_delete" AFTER DELETE ON "ArticleOrganization"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "ArticleOrganization_keep_counts"();
