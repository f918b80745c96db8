// Aggregates for dashboards: top lists over a set of articles, timelines, the co-occurrence
// network, and counts of related entities per parent (batched for many parents at once).
import { Prisma } from "../../generated/prisma/client.js";
import type * as Db from "../../generated/prisma/client.js";
import type { SqlReader } from "../sql-reader.js";
import { articleConditions, type ArticleFilterValues } from "./articles.js";
import { personJson, type PersonJson } from "./by-key.js";
import { filtersDatesOnly, timelineFromDays } from "./day-counts.js";
import { conditions } from "./page-query.js";
import { keyIn } from "./sql.js";

const matching = (filter: ArticleFilterValues) => conditions(articleConditions(filter));

export interface EntityCountRow {
  id: number;
  articleCount: number;
  mentionCount: number;
}

/**
 * The persons most mentioned in all articles, from the counts the triggers keep on Person
 * (an index holds them in this order): what counting every mention would answer.
 */
const MOST_MENTIONED_PERSONS = Prisma.sql`
  SELECT p.id, p."articleCount", p."mentionCount" FROM "Person" p WHERE p."articleCount" > 0
  ORDER BY p."articleCount" DESC, p."mentionCount" DESC, p.id ASC`;

/** Persons most often mentioned in the matching articles. */
export function topPersons(db: SqlReader, filter: ArticleFilterValues, limit: number): Promise<EntityCountRow[]> {
  if (!articleConditions(filter).length) return db.query<EntityCountRow>(Prisma.sql`${MOST_MENTIONED_PERSONS} LIMIT ${limit}`);
  return db.query<EntityCountRow>(Prisma.sql`
    SELECT ap."personId" AS id, count(*)::int AS "articleCount", sum(ap."mentionCount")::int AS "mentionCount"
    FROM "ArticlePerson" ap JOIN "Article" a ON a.id = ap."articleId"
    WHERE ${matching(filter)}
    GROUP BY ap."personId" ORDER BY "articleCount" DESC, "mentionCount" DESC, id ASC LIMIT ${limit}`);
}

/** Venues most often named in the matching articles; only geocoded ones for a map. */
export function topVenues(db: SqlReader, filter: ArticleFilterValues, limit: number, { geocodedOnly = false } = {}): Promise<EntityCountRow[]> {
  // Over all articles, from the counts the triggers keep on Venue (an index holds them in this order).
  if (!articleConditions(filter).length) {
    return db.query<EntityCountRow>(Prisma.sql`
      SELECT v.id, v."articleCount", v."mentionCount" FROM "Venue" v
      WHERE v."articleCount" > 0 ${geocodedOnly ? Prisma.sql`AND v.latitude IS NOT NULL AND v.longitude IS NOT NULL` : Prisma.empty}
      ORDER BY v."articleCount" DESC, v."mentionCount" DESC, v.id ASC LIMIT ${limit}`);
  }
  return db.query<EntityCountRow>(Prisma.sql`
    SELECT av."venueId" AS id, count(*)::int AS "articleCount", sum(av."mentionCount")::int AS "mentionCount"
    FROM "ArticleVenue" av JOIN "Article" a ON a.id = av."articleId"
    ${geocodedOnly ? Prisma.sql`JOIN "Venue" v ON v.id = av."venueId" AND v.latitude IS NOT NULL AND v.longitude IS NOT NULL` : Prisma.empty}
    WHERE ${matching(filter)}
    GROUP BY av."venueId" ORDER BY "articleCount" DESC, "mentionCount" DESC, id ASC LIMIT ${limit}`);
}

/** Persons most often quoted in the matching articles: direct and partial quotes both count. */
export function topSpeakers(db: SqlReader, filter: ArticleFilterValues, limit: number) {
  return db.query<{ id: number; quoteCount: number; directQuoteCount: number; partialQuoteCount: number; articleCount: number }>(Prisma.sql`
    SELECT q."speakerId" AS id, count(*)::int AS "quoteCount",
      (count(*) FILTER (WHERE q.kind = 'DIRECT'))::int AS "directQuoteCount", (count(*) FILTER (WHERE q.kind = 'PARTIAL'))::int AS "partialQuoteCount",
      count(DISTINCT q."articleId")::int AS "articleCount"
    FROM "Quote" q JOIN "Article" a ON a.id = q."articleId"
    WHERE q."speakerId" IS NOT NULL AND ${matching(filter)}
    GROUP BY q."speakerId" ORDER BY "quoteCount" DESC, "articleCount" DESC, id ASC LIMIT ${limit}`);
}

export type { TimelineInterval } from "./filter-values.js";
import type { TimelineInterval } from "./filter-values.js";

/**
 * Matching articles per interval of publication time (UTC), and the mentions of the person
 * or venue filtered on. Intervals without articles are absent; the resolver fills them.
 */
export function timeline(db: SqlReader, filter: ArticleFilterValues, interval: TimelineInterval) {
  // All articles, or those of a date range: from the counts per day the triggers keep.
  if (filtersDatesOnly(filter)) return db.query<{ start: Date; articleCount: number; mentionCount: number | null }>(timelineFromDays(filter, interval));
  const unit = Prisma.raw(`'${interval.toLowerCase()}'`);
  const mentions =
    filter.personId != null
      ? Prisma.sql`sum((SELECT ap."mentionCount" FROM "ArticlePerson" ap WHERE ap."articleId" = a.id AND ap."personId" = ${filter.personId}))::int`
      : filter.venueId != null
        ? Prisma.sql`sum((SELECT av."mentionCount" FROM "ArticleVenue" av WHERE av."articleId" = a.id AND av."venueId" = ${filter.venueId}))::int`
        : Prisma.sql`NULL::int`;
  return db.query<{ start: Date; articleCount: number; mentionCount: number | null }>(Prisma.sql`
    SELECT date_trunc(${unit}, a."publishedAt") AS start, count(*)::int AS "articleCount", ${mentions} AS "mentionCount"
    FROM "Article" a WHERE a."publishedAt" IS NOT NULL AND ${matching(filter)}
    GROUP BY 1 ORDER BY 1`);
}

export interface CoMentionNetworkRows {
  /** The persons with an edge, most matching articles first, with their count of them. */
  nodes: { person: PersonJson; articleCount: number }[];
  /** Heaviest first. */
  edges: { source: number; target: number; weight: number }[];
}

/**
 * The co-occurrence network of the `maxNodes` persons most mentioned in the matching
 * articles: pairs named together in at least `minWeight` of them, and the persons of those
 * pairs with their count of matching articles. One statement, persons included: its rows
 * are the edges, then the nodes. Without a filter the top persons and the pairs come from
 * the counts the triggers keep (Person's counts, PersonCoMention); over some articles they
 * are counted from those articles' mentions.
 */
export async function coMentionNetwork(db: SqlReader, filter: ArticleFilterValues, minWeight: number, maxNodes: number): Promise<CoMentionNetworkRows> {
  const where = articleConditions(filter);
  const matchingOnly = (alias: string) => (where.length ? Prisma.sql`JOIN matching m ON m.id = ${Prisma.raw(alias)}."articleId"` : Prisma.empty);
  // Over all articles, the kept counts; over some, counted from their mentions.
  const top = where.length
    ? Prisma.sql`
      SELECT ap."personId" AS id, count(*)::int AS "articleCount" FROM "ArticlePerson" ap ${matchingOnly("ap")}
      GROUP BY ap."personId" ORDER BY count(*) DESC, sum(ap."mentionCount") DESC, ap."personId" ASC LIMIT ${maxNodes}`
    : Prisma.sql`SELECT most.id, most."articleCount" FROM (${MOST_MENTIONED_PERSONS} LIMIT ${maxNodes}) most`;
  // Over some articles, from each top person's mentions to the other persons of the same
  // articles, by index (half the time of joining the top persons' mentions with themselves);
  // over all, each top person's kept pairs with a later top person, by index (a third again).
  const edges = where.length
    ? Prisma.sql`
      SELECT x."personId" AS source, y."personId" AS target, count(*)::int AS weight
      FROM top s JOIN "ArticlePerson" x ON x."personId" = s.id ${matchingOnly("x")}
        JOIN "ArticlePerson" y ON y."articleId" = x."articleId" AND y."personId" > x."personId"
      WHERE y."personId" IN (SELECT id FROM top)
      GROUP BY x."personId", y."personId" HAVING count(*) >= ${minWeight}`
    : Prisma.sql`
      SELECT m."personId" AS source, m."coMentionedId" AS target, m."sharedArticles" AS weight
      FROM top s JOIN "PersonCoMention" m ON m."personId" = s.id AND m."sharedArticles" >= ${minWeight} AND m."coMentionedId" > s.id
      WHERE m."coMentionedId" IN (SELECT id FROM top)`;
  const rows = await db.query<{ source: number; target: number | null; weight: number; person: PersonJson | null }>(Prisma.sql`
    WITH matching AS (SELECT a.id FROM "Article" a WHERE ${conditions(where)}),
    top AS (${top}),
    edges AS (${edges})
    SELECT * FROM (
      SELECT e.source, e.target, e.weight, NULL::json AS person FROM edges e
      UNION ALL
      -- A node: its key as source, its count of matching articles as weight, no target.
      SELECT node.id, NULL, node."articleCount", ${personJson(Prisma.sql`node.id`)} FROM top node
      WHERE node.id IN (SELECT source FROM edges UNION SELECT target FROM edges)
    ) network ORDER BY target IS NULL, weight DESC, source ASC, target ASC`);
  const network: CoMentionNetworkRows = { nodes: [], edges: [] };
  for (const { source, target, weight, person } of rows) {
    if (target === null) network.nodes.push({ person: person!, articleCount: weight });
    else network.edges.push({ source, target, weight });
  }
  return network;
}

/** The mention tables that relate persons and venues through shared articles. */
const MENTION_TABLES = {
  person: { table: Prisma.raw(`"ArticlePerson"`), key: Prisma.raw(`"personId"`), entity: Prisma.raw(`"Person"`) },
  venue: { table: Prisma.raw(`"ArticleVenue"`), key: Prisma.raw(`"venueId"`), entity: Prisma.raw(`"Venue"`) },
} as const;

export type MentionKind = keyof typeof MENTION_TABLES;
type EntityRow<K extends MentionKind> = K extends "person" ? Db.Person : Db.Venue;

/**
 * For each parent (a person or venue), the persons or venues that share the most articles
 * with it, at most `limit` each and at least `minShared` shared articles, with their rows:
 * one statement. A person's persons are the pairs the triggers keep (PersonCoMention), read
 * in order from its first index entries; the other kinds are counted from the mentions.
 */
export async function relatedByParent<K extends MentionKind>(
  db: SqlReader,
  from: MentionKind,
  to: K,
  parents: readonly number[],
  limit: number,
  minShared: number,
): Promise<Map<number, { row: EntityRow<K>; sharedArticles: number }[]>> {
  const ranked = from === "person" && to === "person" ? keptCoMentions(parents, minShared) : countedRelated(from, to, parents, minShared);
  const rows = await db.query<EntityRow<K> & { parent: number; sharedArticles: number }>(Prisma.sql`
    SELECT ranked.parent, ranked."sharedArticles", e.* FROM (${ranked}) ranked JOIN ${MENTION_TABLES[to].entity} e ON e.id = ranked.id
    WHERE ranked.rank <= ${limit} ORDER BY ranked.parent, ranked.rank`);
  const byParent = new Map<number, { row: EntityRow<K>; sharedArticles: number }[]>(parents.map((p) => [p, []]));
  for (const { parent, sharedArticles, ...row } of rows) byParent.get(parent)?.push({ row: row as unknown as EntityRow<K>, sharedArticles });
  return byParent;
}

/** Ranked (parent, id, sharedArticles, rank) rows: the entities of kind `to` counted from the articles each parent shares with them. */
function countedRelated(from: MentionKind, to: MentionKind, parents: readonly number[], minShared: number): Prisma.Sql {
  const x = MENTION_TABLES[from];
  const y = MENTION_TABLES[to];
  const notSelf = from === to ? Prisma.sql`AND y.${y.key} <> x.${x.key}` : Prisma.empty;
  return Prisma.sql`
    SELECT x.${x.key} AS parent, y.${y.key} AS id, count(*)::int AS "sharedArticles",
      row_number() OVER (PARTITION BY x.${x.key} ORDER BY count(*) DESC, y.${y.key} ASC) AS rank
    FROM ${x.table} x JOIN ${y.table} y ON y."articleId" = x."articleId" ${notSelf}
    WHERE ${keyIn(Prisma.sql`x.${x.key}`, parents)}
    GROUP BY x.${x.key}, y.${y.key} HAVING count(*) >= ${minShared}`;
}

/**
 * Ranked (parent, id, sharedArticles, rank) rows: each person's kept co-mentions in the
 * index's order, so the ranking stops at the limit asked for (the run condition on rank).
 */
function keptCoMentions(parents: readonly number[], minShared: number): Prisma.Sql {
  return Prisma.sql`
    SELECT m."personId" AS parent, m."coMentionedId" AS id, m."sharedArticles",
      row_number() OVER (PARTITION BY m."personId" ORDER BY m."sharedArticles" DESC, m."coMentionedId" ASC) AS rank
    FROM "PersonCoMention" m WHERE ${keyIn(Prisma.sql`m."personId"`, parents)} AND m."sharedArticles" >= ${minShared}`;
}
