// The fast paths that read counts kept by triggers instead of counting rows (the article
// total of all articles and of date ranges, timelines, the venue map) answer what counting
// answers: after ingests, edits of publication dates and deletions, on PGlite and
// PostgreSQL, compared over HTTP with the slow, obvious count on the same small data.
import { Prisma } from "../src/generated/prisma/client.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticArticle } from "../bench/synthetic.js";
import { ingestInput } from "../src/ingest/pipeline.js";
import { dayCover } from "../src/db/queries/day-counts.js";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const ARTICLES = 24;

describe.each(databaseKinds)("counts kept by triggers on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  let server: TestServer;
  const sql = <T>(query: Prisma.Sql) => fresh.current.db.prisma.$queryRaw<T[]>(query);
  const exec = (query: Prisma.Sql) => fresh.current.db.prisma.$executeRaw(query);

  beforeAll(async () => {
    const { prisma } = fresh.current.db;
    for (let i = 0; i < ARTICLES; i++) {
      const a = syntheticArticle(i, 7);
      await ingestInput(prisma, a.name, a.content);
    }
    // Several articles on a few days at different hours (partial days matter), one undated,
    // one deleted: each trigger branch runs (insert, update, delete).
    await exec(Prisma.sql`UPDATE "Article" SET "publishedAt" = timestamp '2021-03-10 00:00' + (id % 5) * interval '5 hours' + (id % 3) * interval '1 day' WHERE id % 2 = 0`);
    await exec(Prisma.sql`UPDATE "Article" SET "publishedAt" = NULL WHERE id = 3`);
    await exec(Prisma.sql`UPDATE "Article" SET title = title || '.' WHERE id = 5`);
    await exec(Prisma.sql`DELETE FROM "Article" WHERE id IN (7, 8)`);
    server = await startTestServer(fresh.current.db);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("keeps the articles per day as counting them does", async () => {
    const kept = await sql<{ day: Date; n: number }>(Prisma.sql`SELECT day, articles AS n FROM "ArticleDayCount" WHERE articles <> 0 ORDER BY day`);
    const counted = await sql<{ day: Date; n: number }>(Prisma.sql`
      SELECT coalesce(date_trunc('day', "publishedAt"), '-infinity') AS day, count(*)::int AS n FROM "Article" GROUP BY 1 ORDER BY 1`);
    expect(kept).toEqual(counted);
    expect(counted.length).toBeGreaterThan(3);
  });

  it("keeps the venues' counts as counting their mentions does", async () => {
    const wrong = await sql<{ id: number }>(Prisma.sql`
      SELECT v.id FROM "Venue" v LEFT JOIN (SELECT "venueId", count(*)::int AS a, sum("mentionCount")::int AS m FROM "ArticleVenue" GROUP BY 1) c
        ON c."venueId" = v.id WHERE v."articleCount" <> coalesce(c.a, 0) OR v."mentionCount" <> coalesce(c.m, 0)`);
    expect(wrong).toEqual([]);
  });

  const ranges: [string | null, string | null][] = [
    [null, null], ["2021-03-10T00:00:00Z", null], [null, "2021-03-11T07:00:00Z"], ["2021-03-10T04:00:00Z", "2021-03-10T16:00:00Z"],
    ["2021-03-10T06:00:00Z", "2021-03-12T11:00:00Z"], ["2021-03-11T00:00:00Z", "2021-03-12T00:00:00Z"], ["2015-01-01T00:00:00Z", "2030-01-01T00:00:00Z"],
    ["2021-03-12T00:00:00Z", "2021-03-10T00:00:00Z"], ["2019-06-30T23:59:59.999Z", "2021-03-10T10:00:00.001Z"],
  ];

  it("answers the totals of all articles and of date ranges as counting does", async () => {
    for (const [after, before] of ranges) {
      const filter = { ...(after && { publishedAfter: after }), ...(before && { publishedBefore: before }) };
      const { body } = await server.graphql(`query($f: ArticleFilter) { articlesConnection(filter: $f, first: 1) { totalCount } }`, { f: filter });
      expect(body.errors).toBeUndefined();
      const [{ n }] = await sql<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM "Article"
        WHERE (${after}::timestamp IS NULL OR "publishedAt" >= ${after}::timestamp) AND (${before}::timestamp IS NULL OR "publishedAt" < ${before}::timestamp)`);
      expect({ filter, total: body.data.articlesConnection.totalCount }).toEqual({ filter, total: n });
    }
  });

  it("draws timelines as counting does", async () => {
    for (const interval of ["DAY", "WEEK", "MONTH"]) {
      for (const [after, before] of ranges.slice(0, 6)) {
        const filter = { ...(after && { publishedAfter: after }), ...(before && { publishedBefore: before }) };
        const { body } = await server.graphql(`query($f: ArticleFilter, $i: TimelineInterval) { mentionTimeline(filter: $f, interval: $i) { start articleCount } }`, { f: filter, i: interval });
        expect(body.errors).toBeUndefined();
        const counted = await sql<{ start: Date; articleCount: number }>(Prisma.sql`
          SELECT date_trunc(${interval.toLowerCase()}, "publishedAt") AS start, count(*)::int AS "articleCount" FROM "Article"
          WHERE "publishedAt" IS NOT NULL AND (${after}::timestamp IS NULL OR "publishedAt" >= ${after}::timestamp) AND (${before}::timestamp IS NULL OR "publishedAt" < ${before}::timestamp)
          GROUP BY 1 ORDER BY 1`);
        const drawn = body.data.mentionTimeline.filter((b: { articleCount: number }) => b.articleCount > 0);
        expect(drawn).toEqual(counted.map((r) => ({ start: r.start.toISOString(), articleCount: r.articleCount })));
      }
    }
  });

  it("puts the venues most named on the map as counting does", async () => {
    const { body } = await server.graphql(`{ venueMap(first: 20) { articleCount mentionCount venue { id } } }`);
    expect(body.errors).toBeUndefined();
    const counted = await sql<{ articleCount: number; mentionCount: number }>(Prisma.sql`
      SELECT count(*)::int AS "articleCount", sum(av."mentionCount")::int AS "mentionCount" FROM "ArticleVenue" av
      JOIN "Venue" v ON v.id = av."venueId" AND v.latitude IS NOT NULL AND v.longitude IS NOT NULL
      GROUP BY av."venueId" ORDER BY 1 DESC, 2 DESC, av."venueId" LIMIT 20`);
    expect(counted.length).toBeGreaterThan(2);
    expect(body.data.venueMap.map((v: { articleCount: number; mentionCount: number }) => ({ articleCount: v.articleCount, mentionCount: v.mentionCount }))).toEqual(counted);
  });
});

describe("dayCover", () => {
  it("splits a range into whole days and the parts of days at its ends", () => {
    const d = (s: string) => new Date(s);
    expect(dayCover(d("2021-03-10T06:00:00Z"), d("2021-03-12T11:00:00Z"))).toEqual({
      days: { from: d("2021-03-11T00:00:00Z"), to: d("2021-03-12T00:00:00Z") },
      edges: [{ from: d("2021-03-10T06:00:00Z"), to: d("2021-03-11T00:00:00Z") }, { from: d("2021-03-12T00:00:00Z"), to: d("2021-03-12T11:00:00Z") }],
    });
    expect(dayCover(d("2021-03-10T06:00:00Z"), d("2021-03-10T09:00:00Z"))).toEqual({ days: null, edges: [{ from: d("2021-03-10T06:00:00Z"), to: d("2021-03-10T09:00:00Z") }] });
    expect(dayCover(null, null)).toEqual({ days: { from: null, to: null }, edges: [] });
  });
});
