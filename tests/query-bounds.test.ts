// The cost of a query bounds its work: every list returns at most its cap (or the size asked
// for), the estimate prices lists by those caps, and requests that would make the server
// recurse without end or fill a timeline with empty years are refused with a clear error.
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { loadSampleDataIfEmpty } from "../src/ingest/sample-data.js";
import { ingestInput } from "../src/ingest/pipeline.js";
import { LIST_CAPS } from "../src/resolvers/list-caps.js";
import { lisbonVariants } from "./helpers/articles.js";
import { databaseKinds, quietLog, useFreshDatabase } from "./helpers/databases.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

/** More articles naming Lisbon than a list of them returns by default. */
const LISBON_ARTICLES = LIST_CAPS["Venue.articles"].default + 5;

/** A JSON value nested `depth` arrays deep. */
const nestedArrays = (depth: number): string => "[".repeat(depth) + "]".repeat(depth);
/** A JSON input object nested `depth` objects deep. */
const nestedObjects = (depth: number): string => '{"a":'.repeat(depth) + "1" + "}".repeat(depth);

describe.each(databaseKinds)("query bounds on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  let server: TestServer;
  let lisbon: string;
  beforeAll(async () => {
    await loadSampleDataIfEmpty(fresh.current.db, quietLog);
    for (const [i, text] of lisbonVariants(LISBON_ARTICLES).entries()) await ingestInput(fresh.current.db.prisma, `lisbon-${i}.txt`, text);
    server = await startTestServer(fresh.current.db);
    const { body } = await server.graphql(`{ venues(filter: { name: "Lisbon" }) { id } }`);
    lisbon = body.data.venues[0].id;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it("refuses the nested venue-article query that once filled the heap, quickly", async () => {
    const started = performance.now();
    const { status, body } = await server.graphql(`{ venues(first: 38) { articles { venues { articles { id } } } } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX" });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("answers a plain nested list with at most its default, or the size asked up to its cap", async () => {
    const { body } = await server.graphql(`query($id: ID!) { venue(id: $id) { articleCount byDefault: articles { id } more: articles(first: 23) { id } mentions(first: 3) { mentionCount } } }`, { id: lisbon });
    expect(body.errors).toBeUndefined();
    expect(body.data.venue.articleCount).toBeGreaterThan(LIST_CAPS["Venue.articles"].default);
    expect(body.data.venue.byDefault).toHaveLength(LIST_CAPS["Venue.articles"].default);
    expect(body.data.venue.more).toHaveLength(23);
    expect(body.data.venue.mentions).toHaveLength(3);
  });

  it("caps the children of every article of a page, per article, preloaded or batched", async () => {
    const { body } = await server.graphql(`{
      articlesConnection(first: 5) { nodes { persons(first: 1) { id } quotes(first: 1) { id } venues(first: 1) { id } all: persons { id } } }
      articles(first: 5) { persons(first: 1) { id } quotes(first: 1) { id } venues(first: 1) { id } comments(first: 1) { id } personMentions(first: 1) { mentions(first: 1) { start } } }
    }`);
    expect(body.errors).toBeUndefined();
    const articles = [...body.data.articlesConnection.nodes, ...body.data.articles];
    expect(articles.some((a: any) => a.all?.length > 1)).toBe(true);
    for (const article of articles) {
      for (const list of ["persons", "quotes", "venues", "comments", "personMentions"]) expect(article[list]?.length ?? 0).toBeLessThanOrEqual(1);
    }
  });

  it("refuses a size over a list's cap, naming the argument", async () => {
    const { body } = await server.graphql(`query($id: ID!) { venue(id: $id) { articles(first: 101) { id } } }`, { id: lisbon });
    expect(body.errors?.[0]).toMatchObject({ message: "first must be between 0 and 100, got 101", extensions: { code: "BAD_USER_INPUT", argumentName: "first" } });
  });

  it("refuses variables nested 100,000 deep with a 400, over POST and GET", async () => {
    const query = `query($s: String, $f: ArticleFilter) { articles(source: $s, filter: $f) { id } }`;
    for (const variables of [`{"s":${nestedArrays(100_000)}}`, `{"f":${nestedObjects(100_000)}}`]) {
      const post = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: `{"query":${JSON.stringify(query)},"variables":${variables}}`,
      });
      expect(post.status).toBe(400);
      const posted = (await post.json()) as any;
      expect(posted.errors?.[0]).toMatchObject({ message: expect.stringMatching(/nested more than \d+ levels deep/), extensions: { code: "BAD_USER_INPUT" } });
    }

    // A URL holds less: as deep as its header limit lets through.
    const params = new URLSearchParams({ query, variables: `{"s":${nestedArrays(1_000)}}` });
    const get = await fetch(`${server.url}/graphql?${params}`, { headers: { "apollo-require-preflight": "1" } });
    expect(get.status).toBe(400);
    expect(((await get.json()) as any).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    // As deep as the document's token limit allows, written into the query itself.
    const literal = await server.graphql(`{ articles(source: ${nestedArrays(4_900)}) { id } }`);
    expect(literal.status).toBe(400);
    expect(literal.body.errors?.[0]?.extensions?.code).not.toBe("INTERNAL_SERVER_ERROR");

    // The server still answers.
    const { body } = await server.graphql(`{ articles(first: 1) { id } }`);
    expect(body.data.articles).toHaveLength(1);
  });

  it("holds subscriptions to the same limits: over-costly selections and deep variables are refused", async () => {
    const client = createClient({ url: `${server.url.replace("http", "ws")}/graphql`, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
    const firstError = (query: string, variables: Record<string, unknown>) =>
      new Promise<any>((resolve) => client.subscribe({ query, variables }, { next: () => {}, error: resolve, complete: () => resolve(null) }));
    try {
      const costly = await firstError(`subscription { articleIngested { venues(first: 100) { articles(first: 100) { venues(first: 100) { name } } } } }`, {});
      expect(costly?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX" });
      const deep = await firstError(`subscription($p: ID) { articleIngested(person: $p) { title } }`, { p: JSON.parse(nestedArrays(1_000)) });
      expect(deep?.[0]).toMatchObject({ message: expect.stringMatching(/nested more than \d+ levels deep/), extensions: { code: "BAD_USER_INPUT" } });
    } finally {
      await client.dispose();
    }
  });

  it("refuses a timeline that needs more buckets than its cap, instead of cutting it short", async () => {
    const { db } = fresh.current;
    const [oldest] = await db.prisma.$queryRaw<{ id: number }[]>`SELECT id FROM "Article" ORDER BY id LIMIT 1`;
    await db.prisma.$executeRaw`UPDATE "Article" SET "publishedAt" = '0001-06-01T00:00:00Z' WHERE id = ${oldest!.id}`;
    try {
      const wide = await server.graphql(`{ mentionTimeline(interval: DAY) { start articleCount } }`);
      expect(wide.body.data).toBeNull();
      expect(wide.body.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/more than 5000 DAY buckets: narrow the range .* or choose a coarser interval/),
        extensions: { code: "BAD_USER_INPUT" },
      });
      const narrowed = await server.graphql(`{ mentionTimeline(interval: DAY, filter: { publishedAfter: "2000-01-01T00:00:00Z" }) { start articleCount } }`);
      expect(narrowed.body.errors).toBeUndefined();
      expect(narrowed.body.data.mentionTimeline.length).toBeGreaterThan(0);
    } finally {
      await db.prisma.$executeRaw`UPDATE "Article" SET "publishedAt" = now() WHERE id = ${oldest!.id}`;
    }
  });
});
