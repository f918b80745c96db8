// Organisations for the API: the list behind Query.organizations (filters and order), rows
// by key and per article for the loaders, the articles naming an organisation, and the
// organisations most named in a set of articles.
import { Prisma } from "../../generated/prisma/client.js";
import type * as Db from "../../generated/prisma/client.js";
import type { SqlReader } from "../sql-reader.js";
import { articleConditions, articleListQuery, type ArticleFilterValues, type ArticleOrderValues } from "./articles.js";
import { articleEntity, type ArticleColumn } from "./by-key.js";
import { conditions, type ListQuery } from "./page-query.js";
import { containsPattern, direction, keyArray } from "./sql.js";

export interface OrganizationFilterValues {
  /** Part of the canonical name or of an alias, case-insensitive. */
  name?: string | null;
  kind?: string | null;
  /** true: only organisations quoted as a speaker. */
  hasQuotes?: boolean | null;
}

export type OrganizationOrderValues = { field: "NAME" | "ARTICLE_COUNT"; direction: "ASC" | "DESC" };

function organizationConditions(f: OrganizationFilterValues): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (f.name) {
    const pattern = containsPattern(f.name);
    where.push(Prisma.sql`(o.name ILIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest(o.aliases) AS alias WHERE alias ILIKE ${pattern}))`);
  }
  if (f.kind) where.push(Prisma.sql`o.kind = ${f.kind}::"OrganizationKind"`);
  if (f.hasQuotes != null) {
    where.push(Prisma.sql`${Prisma.raw(f.hasQuotes ? "" : "NOT")} EXISTS (SELECT 1 FROM "Quote" hq WHERE hq."speakerOrganizationId" = o.id)`);
  }
  return where;
}

function organizationOrder(order: OrganizationOrderValues): Prisma.Sql {
  const dir = direction(order.direction);
  // The article count is kept on the row by the triggers on ArticleOrganization.
  return order.field === "ARTICLE_COUNT"
    ? Prisma.sql`o."articleCount" ${dir}, lower(o.name) ASC, o.id ASC`
    : Prisma.sql`lower(o.name) ${dir}, o.id ${dir}`;
}

export function organizationListQuery(filter: OrganizationFilterValues, order: OrganizationOrderValues = { field: "NAME", direction: "ASC" }): ListQuery {
  return { from: Prisma.sql`"Organization" o`, where: organizationConditions(filter), id: Prisma.sql`o.id`, orderBy: organizationOrder(order) };
}

export const organizationsByIds = (db: SqlReader, ids: readonly number[]) =>
  db.query<Db.Organization>(Prisma.sql`SELECT * FROM "Organization" WHERE id = ANY(${keyArray(ids)})`);

/** The first `limit` organisations of each article, most mentioned first, with their rows. */
export const organizationsOfArticles = (db: SqlReader, articleIds: readonly number[], limit: number) =>
  db.query<Db.Organization & { mentionedIn: number }>(Prisma.sql`
    SELECT ao."articleId" AS "mentionedIn", o.* FROM unnest(${keyArray(articleIds)}) AS per_key(key) CROSS JOIN LATERAL (
      SELECT * FROM "ArticleOrganization" WHERE "articleId" = per_key.key ORDER BY "mentionCount" DESC, "organizationId" LIMIT ${limit}) ao
    JOIN "Organization" o ON o.id = ao."organizationId" ORDER BY ao."articleId", ao."mentionCount" DESC, ao."organizationId"`);

/** The newest `limit` articles of each organisation, as keys. */
export const articleIdsOfOrganizations = (db: SqlReader, organizationIds: readonly number[], limit: number) =>
  db.query<{ organizationId: number; articleId: number }>(Prisma.sql`
    SELECT per_key.key AS "organizationId", ao."articleId" FROM unnest(${keyArray(organizationIds)}) AS per_key(key) CROSS JOIN LATERAL (
      SELECT "articleId" FROM "ArticleOrganization" WHERE "organizationId" = per_key.key ORDER BY "articleId" DESC LIMIT ${limit}) ao
    ORDER BY per_key.key, ao."articleId" DESC`);

/** Articles that name an organisation, listed per organisation (parent: its key), with the article columns read. */
export function articlesOfOrganizations(filter: ArticleFilterValues, order: ArticleOrderValues | undefined, columns: readonly ArticleColumn[]): ListQuery & { parent: Prisma.Sql } {
  const base = articleListQuery(filter, order);
  return {
    ...base, entity: articleEntity(columns),
    from: Prisma.sql`${base.from} JOIN "ArticleOrganization" parent_ao ON parent_ao."articleId" = a.id`, parent: Prisma.sql`parent_ao."organizationId"`,
  };
}

/** The organisations most named in all articles (from the counts on the rows), or in the matching ones. */
export function topOrganizations(db: SqlReader, filter: ArticleFilterValues, limit: number) {
  if (!articleConditions(filter).length) {
    return db.query<{ id: number; articleCount: number; mentionCount: number }>(Prisma.sql`
      SELECT o.id, o."articleCount", o."mentionCount" FROM "Organization" o WHERE o."articleCount" > 0
      ORDER BY o."articleCount" DESC, o."mentionCount" DESC, o.id ASC LIMIT ${limit}`);
  }
  return db.query<{ id: number; articleCount: number; mentionCount: number }>(Prisma.sql`
    SELECT ao."organizationId" AS id, count(*)::int AS "articleCount", sum(ao."mentionCount")::int AS "mentionCount"
    FROM "ArticleOrganization" ao JOIN "Article" a ON a.id = ao."articleId"
    WHERE ${conditions(articleConditions(filter))}
    GROUP BY ao."organizationId" ORDER BY "articleCount" DESC, "mentionCount" DESC, id ASC LIMIT ${limit}`);
}
