// Hostile and concurrent use: bombs and oversized requests are refused fast and the server
// stays responsive; concurrent ingests of one article store it once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestInput } from "../src/ingest/pipeline.js";
import { lisbonVariants, sampleText } from "./helpers/articles.js";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

describe.each(databaseKinds)("hostile requests on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  let server: TestServer;
  beforeAll(async () => {
    for (const [i, text] of lisbonVariants(5).entries()) await ingestInput(fresh.current.db.prisma, `v${i}.txt`, text);
    server = await startTestServer(fresh.current.db);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A normal query still answers quickly. */
  async function expectResponsive() {
    const started = performance.now();
    const { body } = await server.graphql(`{ articles(first: 2) { title } }`);
    expect(body.data.articles).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(1_000);
  }

  it("refuses an alias bomb by its cost", async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: articlesConnection(first: 100) { nodes { title body } }`).join(" ");
    const started = performance.now();
    const { status, body } = await server.graphql(`{ ${aliases} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(performance.now() - started).toBeLessThan(2_000);
    await expectResponsive();
  });

  it("prices one document by its variables, each time it is asked", async () => {
    const query = `query($n: Int!) { articlesConnection(first: $n) { nodes { title quotes { text } persons { name } } } }`;
    for (let round = 0; round < 2; round++) {
      const over = await server.graphql(query, { n: 100_000 });
      expect(over.status).toBe(400);
      expect(over.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
      const small = await server.graphql(query, { n: 2 });
      expect(small.body.errors).toBeUndefined();
      expect(small.body.data.articlesConnection.nodes).toHaveLength(2);
    }
  });

  it("refuses a fragment bomb and an over-long document", async () => {
    // Each fragment spreads the one before it twice: 2^30 fields once expanded.
    const fragments = [`fragment F0 on Article { title }`];
    for (let i = 1; i <= 30; i++) fragments.push(`fragment F${i} on Article { ...F${i - 1} persons { name } quotes { text } ...F${i - 1} }`);
    const started = performance.now();
    const bomb = await server.graphql(`{ articles { ...F30 } } ${fragments.join(" ")}`);
    expect(bomb.status).toBe(400);
    expect(bomb.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/expands to more than 10000 fields/), extensions: { code: "QUERY_TOO_COMPLEX" } });
    expect(performance.now() - started).toBeLessThan(2_000);

    const long = await server.graphql(`{ ${Array.from({ length: 6_000 }, (_, i) => `f${i}: __typename`).join(" ")} }`);
    expect(long.status).toBe(400);
    expect(long.body.errors?.[0]?.message).toMatch(/Document contains more .*10000 tokens/);
    await expectResponsive();
  });

  it("refuses an oversized body with 413 and a malformed one with 400", async () => {
    const huge = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ articles { title } }", variables: { pad: "x".repeat(4 * 1024 * 1024) } }),
    });
    expect(huge.status).toBe(413);
    const malformed = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{ not json" });
    expect(malformed.status).toBe(400);
    await expectResponsive();
  });
});

describe.each(databaseKinds)("concurrent ingests on $name", (kind) => {
  const fresh = useFreshDatabase(kind);

  it("stores one article when eight ingests of it run at once", async () => {
    const text = sampleText("001_northern-ports.txt");
    const outcomes = (await Promise.all(Array.from({ length: 8 }, (_, i) => ingestInput(fresh.current.db.prisma, `copy-${i}.txt`, text)))).flat();
    expect(outcomes.map((o) => o.status).sort()).toEqual(["new", ...Array(7).fill("unchanged")]);
    expect(new Set(outcomes.map((o) => o.articleId)).size).toBe(1);
    const p = fresh.current.db.prisma;
    expect(await p.article.count()).toBe(1);
    expect(await p.quote.count()).toBe(3);
    expect(await p.person.count()).toBe(outcomes.find((o) => o.status === "new")!.counts!.persons);
  });

  it("shares persons and venues between different articles ingested at once", async () => {
    const before = await fresh.current.db.prisma.person.count();
    const outcomes = (await Promise.all(lisbonVariants(8).map((text, i) => ingestInput(fresh.current.db.prisma, `lisbon-${i}.txt`, text)))).flat();
    expect(outcomes.map((o) => o.status)).toEqual(Array(8).fill("new"));
    // The eight variants name the same two persons: stored once each.
    expect(await fresh.current.db.prisma.person.count()).toBe(before + 2);
  });
});
