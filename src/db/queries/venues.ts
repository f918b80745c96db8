// The venue list behind Query.venuesConnection: filters and order.
import { Prisma } from "../../generated/prisma/client.js";
import type { ListQuery } from "./page-query.js";
import { containsPattern, direction } from "./sql.js";

export interface VenueFilterValues {
  /** Part of the canonical name or of an alias, case-insensitive. */
  name?: string | null;
  kind?: string | null;
  countryCode?: string | null;
  /** true: only geocoded venues. */
  hasCoordinates?: boolean | null;
}

export type VenueOrderValues = { field: "NAME" | "ARTICLE_COUNT"; direction: "ASC" | "DESC" };

function venueConditions(f: VenueFilterValues): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (f.name) {
    const pattern = containsPattern(f.name);
    where.push(Prisma.sql`(v.name ILIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest(v.aliases) AS alias WHERE alias ILIKE ${pattern}))`);
  }
  if (f.kind) where.push(Prisma.sql`v.kind = ${f.kind}`);
  if (f.countryCode) where.push(Prisma.sql`v."countryCode" = upper(${f.countryCode})`);
  if (f.hasCoordinates != null) {
    where.push(f.hasCoordinates ? Prisma.sql`v.latitude IS NOT NULL AND v.longitude IS NOT NULL` : Prisma.sql`(v.latitude IS NULL OR v.longitude IS NULL)`);
  }
  return where;
}

function venueOrder(order: VenueOrderValues): Prisma.Sql {
  const dir = direction(order.direction);
  return order.field === "ARTICLE_COUNT"
    ? Prisma.sql`(SELECT count(*) FROM "ArticleVenue" c WHERE c."venueId" = v.id) ${dir}, lower(v.name) ASC, v.id ASC`
    : Prisma.sql`lower(v.name) ${dir}, v.id ${dir}`;
}

export function venueListQuery(filter: VenueFilterValues, order: VenueOrderValues = { field: "NAME", direction: "ASC" }): ListQuery {
  return { from: Prisma.sql`"Venue" v`, where: venueConditions(filter), id: Prisma.sql`v.id`, orderBy: venueOrder(order) };
}
