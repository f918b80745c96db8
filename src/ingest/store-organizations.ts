// The store's organisation part (src/ingest/store.ts calls it): the CTEs that upsert an
// article's organisations and insert its ArticleOrganization rows, inside the statement
// that writes the other derived rows, and the delete of those rows on re-extraction.
// Organisations are keyed by their normalized name and upserted in key order (as persons
// are), so concurrent ingests lock them in one order.
import { Prisma } from "../generated/prisma/client.js";
import { normalizeName } from "./normalize.js";
import type { Extraction } from "./types.js";

export interface OrganizationRow {
  name: string;
  key: string;
  aliases: string[];
  kind: string | null;
  mentions: object[];
  mentionCount: number;
}

/** The article's organisations named in its text, one row per key. */
export function organizationRows(x: Extraction): OrganizationRow[] {
  const rows = new Map<string, OrganizationRow>();
  for (const o of x.organizations) {
    const mentions = o.mentions.filter((m) => m.section === "body" || m.section === "title");
    if (!mentions.length) continue;
    const key = normalizeName(o.name);
    const row = rows.get(key);
    if (row) {
      row.aliases = [...new Set([...row.aliases, ...o.aliases])];
      row.mentions.push(...mentions);
      row.mentionCount = row.mentions.length;
      row.kind ??= o.kind;
    } else rows.set(key, { name: o.name, key, aliases: [...o.aliases], kind: o.kind, mentions: [...mentions], mentionCount: mentions.length });
  }
  return [...rows.values()];
}

/** The key of the organisation a quote's speaker is, or null. */
export const speakerOrganizationKey = (organization: string | null | undefined) => (organization ? normalizeName(organization) : null);

/**
 * CTEs `org` (upserted organisations: id, "normalizedName") and `ao` (the article's
 * ArticleOrganization rows), to put in a WITH list; a later CTE may join `org`.
 */
export function organizationCtes(articleId: number, rows: OrganizationRow[], mergeArrays: (existing: string, added: string) => Prisma.Sql): Prisma.Sql {
  return Prisma.sql`org_rows AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r(name text, key text, aliases text[], kind text, mentions jsonb, "mentionCount" int)
    ), org AS (
      INSERT INTO "Organization" (name, "normalizedName", aliases, kind, "updatedAt")
      SELECT name, key, aliases, kind::"OrganizationKind", now() FROM org_rows ORDER BY key
      ON CONFLICT ("normalizedName") DO UPDATE SET
        aliases = ${mergeArrays(`"Organization".aliases`, "EXCLUDED.aliases")},
        kind = coalesce("Organization".kind, EXCLUDED.kind),
        "updatedAt" = now()
      RETURNING id, "normalizedName"
    ), ao AS (
      INSERT INTO "ArticleOrganization" ("articleId", "organizationId", "mentionCount", aliases, mentions)
      SELECT ${articleId}, org.id, r."mentionCount", r.aliases, r.mentions FROM org_rows r JOIN org ON org."normalizedName" = r.key
    )`;
}

/** A CTE deleting the article's organisation mentions, for re-extraction. */
export const deleteArticleOrganizations = (articleId: number) => Prisma.sql`ao AS (DELETE FROM "ArticleOrganization" WHERE "articleId" = ${articleId})`;
