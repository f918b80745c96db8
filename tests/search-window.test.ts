// A search for words in most articles of a large archive is ranked among the newest
// articles (src/db/queries/search-window.ts): the answer is what ranking the matches of
// those articles by hand answers, its totalCountEstimate the planner's estimate of all
// matches; a search for rare words is ranked in full and counted exactly. The window is
// made small here so that two dozen articles are "large", on PGlite and PostgreSQL.
import { Prisma } from "../src/generated/prisma/client.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticArticle } from "../bench/synthetic.js";
import { SEARCH_WINDOW } from "../src/db/queries/search-window.js";
import { ingestInput } from "../src/ingest/pipeline.js";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const SEARCH = `query($q: String!, $first: Int) { search(query: $q, first: $first) { totalCount totalCountEstimate pageInfo { hasNextPage } edges { rank node { id } } } }`;
const dbId = (id: string) => Number(Buffer.from(id, "base64url").toString().split(":")[1]);

describe.each(databaseKinds)("searches ranked among the newest articles on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  const saved = { ...SEARCH_WINDOW };
  let server: TestServer;
  const sql = <T>(query: Prisma.Sql) => fresh.current.db.prisma.$queryRaw<T[]>(query);

  beforeAll(async () => {
    for (let i = 0; i < 24; i++) {
      const a = syntheticArticle(i, 3);
      await ingestInput(fresh.current.db.prisma, a.name, a.content);
    }
    await fresh.current.db.prisma.$executeRawUnsafe("ANALYZE");
    Object.assign(SEARCH_WINDOW, { articles: 7, share: 0.5 });
    server = await startTestServer(fresh.current.db);
  });
  afterAll(async () => {
    Object.assign(SEARCH_WINDOW, saved);
    await server?.close();
  });

  /** Ranking by hand: the matches among the `newest` newest articles (all without), best first. */
  const rankedByHand = (search: string, newest: number | null) => sql<{ id: number; rank: number }>(Prisma.sql`
    SELECT a.id, ts_rank_cd(a."searchVector", websearch_to_tsquery('english', ${search}))::float8 AS rank
    FROM (SELECT * FROM "Article" ORDER BY "publishedAt" DESC NULLS LAST, id DESC LIMIT ${newest ?? 1_000_000}::int) a
    WHERE a."searchVector" @@ websearch_to_tsquery('english', ${search})
    ORDER BY 2 DESC, a."publishedAt" DESC NULLS LAST, a.id DESC`);

  it("ranks words found in most articles among the newest ones", async () => {
    const { body } = await server.graphql(SEARCH, { q: "parliament approval", first: 4 });
    expect(body.errors).toBeUndefined();
    const expected = await rankedByHand("parliament approval", 7);
    const [{ all }] = await sql<{ all: number }>(Prisma.sql`SELECT count(*)::int AS all FROM "Article" WHERE "searchVector" @@ websearch_to_tsquery('english', 'parliament approval')`);
    expect(all).toBeGreaterThan(12);
    const search = body.data.search;
    expect(search.edges.map((e: { node: { id: string } }) => dbId(e.node.id))).toEqual(expected.slice(0, 4).map((r) => r.id));
    expect(search.edges.map((e: { rank: number }) => e.rank)).toEqual(expected.slice(0, 4).map((r) => expect.closeTo(r.rank, 5)));
    expect(search.totalCount).toBe(expected.length);
    expect(search.pageInfo.hasNextPage).toBe(expected.length > 4);
    // The planner's estimate of all matches, not the window's.
    expect(search.totalCountEstimate).toBeGreaterThan(expected.length);
    expect(Math.abs(search.totalCountEstimate - all)).toBeLessThanOrEqual(all / 2);
  });

  it("ranks rare words among all articles and counts them exactly", async () => {
    const [{ title }] = await sql<{ title: string }>(Prisma.sql`SELECT title FROM "Article" ORDER BY "publishedAt" ASC NULLS LAST LIMIT 1`);
    const q = `"${title.replace(/"/g, "")}"`;
    const { body } = await server.graphql(SEARCH, { q, first: 10 });
    expect(body.errors).toBeUndefined();
    const expected = await rankedByHand(q, null);
    expect(expected.length).toBeGreaterThanOrEqual(1);
    expect(body.data.search.edges.map((e: { node: { id: string } }) => dbId(e.node.id))).toEqual(expected.slice(0, 10).map((r) => r.id));
    expect(body.data.search.totalCount).toBe(expected.length);
    expect(body.data.search.totalCountEstimate).toBe(expected.length);
  });
});
