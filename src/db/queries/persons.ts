// The person list behind Query.personsConnection: filters and order.
import { Prisma } from "../../generated/prisma/client.js";
import type { ListQuery } from "./page-query.js";
import { containsPattern, direction } from "./sql.js";

export interface PersonFilterValues {
  /** Part of the canonical name or of an alias, case-insensitive. */
  name?: string | null;
  /** Part of a role, case-insensitive. */
  role?: string | null;
  hasQuotes?: boolean | null;
  /** FEMALE, MALE or UNKNOWN: Person.gender. */
  gender?: string | null;
  articleId?: number | null;
  venueId?: number | null;
}

export type PersonOrderValues = { field: "NAME" | "ARTICLE_COUNT" | "QUOTE_COUNT"; direction: "ASC" | "DESC" };

const anyElementLike = (column: Prisma.Sql, pattern: string) =>
  Prisma.sql`EXISTS (SELECT 1 FROM unnest(${column}) AS element WHERE element ILIKE ${pattern})`;

function personConditions(f: PersonFilterValues): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (f.name) {
    const pattern = containsPattern(f.name);
    where.push(Prisma.sql`(p.name ILIKE ${pattern} OR ${anyElementLike(Prisma.sql`p.aliases`, pattern)})`);
  }
  if (f.role) where.push(anyElementLike(Prisma.sql`p.roles`, containsPattern(f.role)));
  if (f.hasQuotes != null) {
    where.push(Prisma.sql`${Prisma.raw(f.hasQuotes ? "" : "NOT")} EXISTS (SELECT 1 FROM "Quote" hq WHERE hq."speakerId" = p.id)`);
  }
  if (f.gender) where.push(Prisma.sql`p.gender = ${f.gender}::"Gender"`);
  if (f.articleId != null) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ArticlePerson" fa WHERE fa."personId" = p.id AND fa."articleId" = ${f.articleId})`);
  if (f.venueId != null) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ArticlePerson" fa JOIN "ArticleVenue" fv ON fv."articleId" = fa."articleId"
      WHERE fa."personId" = p.id AND fv."venueId" = ${f.venueId})`);
  }
  return where;
}

function personOrder(order: PersonOrderValues): Prisma.Sql {
  const dir = direction(order.direction);
  switch (order.field) {
    case "ARTICLE_COUNT":
      // Kept on the row by the triggers on ArticlePerson: no count per person.
      return Prisma.sql`p."articleCount" ${dir}, lower(p.name) ASC, p.id ASC`;
    case "QUOTE_COUNT":
      return Prisma.sql`(SELECT count(*) FROM "Quote" c WHERE c."speakerId" = p.id) ${dir}, lower(p.name) ASC, p.id ASC`;
    default:
      return Prisma.sql`lower(p.name) ${dir}, p.id ${dir}`;
  }
}

export function personListQuery(filter: PersonFilterValues, order: PersonOrderValues = { field: "NAME", direction: "ASC" }): ListQuery {
  return { from: Prisma.sql`"Person" p`, where: personConditions(filter), id: Prisma.sql`p.id`, orderBy: personOrder(order) };
}
