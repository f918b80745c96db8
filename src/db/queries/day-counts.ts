// Totals and timelines of articles filtered at most by publication dates, from the counts
// per day that triggers keep (ArticleDayCount; migration scale_day_and_venue_counts): a
// few thousand rows for any number of articles, where counting read every article in the
// range. A range's partial first and last days are counted from the articles (an index
// range of at most a day each).
import { Prisma } from "../../generated/prisma/client.js";
import type { ArticleFilterValues, TimelineInterval } from "./filter-values.js";

const DAY_MS = 86_400_000;
const floorDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
const ceilDay = (d: Date) => new Date(Math.ceil(d.getTime() / DAY_MS) * DAY_MS);

/** Whether the filter narrows the articles by publication dates alone (or not at all). */
export function filtersDatesOnly(f: ArticleFilterValues): boolean {
  return f.search == null && !f.source && !f.tag && !f.author && f.personId == null && f.venueId == null && f.speakerId == null && f.hasQuotes == null;
}

interface DayCover {
  /** Whole days [from, to) read from the kept counts (null ends are open); null when none. */
  days: { from: Date | null; to: Date | null } | null;
  /** Parts of days [from, to) counted from the articles. */
  edges: { from: Date; to: Date }[];
}

/** The range [after, before) as whole UTC days and the parts of days at its ends. */
export function dayCover(after: Date | null | undefined, before: Date | null | undefined): DayCover {
  const loDay = after ? ceilDay(after) : null;
  const hiDay = before ? floorDay(before) : null;
  if (after && before && loDay! >= hiDay!) return { days: null, edges: after < before ? [{ from: after, to: before }] : [] };
  const edges: DayCover["edges"] = [];
  if (after && after < loDay!) edges.push({ from: after, to: loDay! });
  if (before && hiDay! < before) edges.push({ from: hiDay!, to: before });
  return { days: { from: loDay, to: hiDay }, edges };
}

/** Conditions on ArticleDayCount c for whole days; undated articles only without dates. */
function dayConditions(cover: DayCover, dated: boolean): Prisma.Sql {
  const where = [dated ? Prisma.sql`c.day > '-infinity'` : Prisma.sql`TRUE`];
  if (cover.days?.from) where.push(Prisma.sql`c.day >= ${cover.days.from}`);
  if (cover.days?.to) where.push(Prisma.sql`c.day < ${cover.days.to}`);
  return Prisma.join(where, " AND ");
}

const inEdge = (edge: { from: Date; to: Date }) => Prisma.sql`a."publishedAt" >= ${edge.from} AND a."publishedAt" < ${edge.to}`;

/** A statement answering `total`: the articles published in [after, before), or all of them. */
export function articleTotalFromDays(f: ArticleFilterValues): Prisma.Sql {
  const dated = !!(f.publishedAfter || f.publishedBefore);
  const cover = dayCover(f.publishedAfter, f.publishedBefore);
  const parts = cover.days ? [Prisma.sql`(SELECT coalesce(sum(c.articles), 0) FROM "ArticleDayCount" c WHERE ${dayConditions(cover, dated)})`] : [];
  for (const edge of cover.edges) parts.push(Prisma.sql`(SELECT count(*) FROM "Article" a WHERE ${inEdge(edge)})`);
  return Prisma.sql`SELECT (${parts.length ? Prisma.join(parts, " + ") : Prisma.sql`0`})::int AS total`;
}

/** Articles per interval of the range (or of all dated articles), as timeline() answers it. */
export function timelineFromDays(f: ArticleFilterValues, interval: TimelineInterval): Prisma.Sql {
  const unit = Prisma.raw(`'${interval.toLowerCase()}'`);
  const cover = dayCover(f.publishedAfter, f.publishedBefore);
  const parts = cover.days ? [Prisma.sql`SELECT c.day, c.articles AS n FROM "ArticleDayCount" c WHERE ${dayConditions(cover, true)}`] : [];
  for (const edge of cover.edges) parts.push(Prisma.sql`SELECT a."publishedAt", 1 FROM "Article" a WHERE ${inEdge(edge)}`);
  if (!parts.length) parts.push(Prisma.sql`SELECT NULL::timestamp(3), 0 WHERE FALSE`);
  return Prisma.sql`
    SELECT date_trunc(${unit}, d.day) AS start, sum(d.n)::int AS "articleCount", NULL::int AS "mentionCount"
    FROM (${Prisma.join(parts, " UNION ALL ")}) AS d(day, n) GROUP BY 1 HAVING sum(d.n) > 0 ORDER BY 1`;
}
