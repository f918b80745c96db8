// Queries run compiled (graphql-jit) from a document's second request on: every answer must
// be the one graphql-js gave the first time, data and errors alike.
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { parse } from "graphql";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestInput } from "../src/ingest/pipeline.js";
import { DocumentCache, documentHeapEstimate } from "../src/server/document-cache.js";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { lisbonVariants, sampleText } from "./helpers/articles.js";
import { PROJECT_ROOT } from "./helpers/shared.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const example = (name: string) => fs.readFileSync(path.join(PROJECT_ROOT, "examples/operations", `${name}.graphql`), "utf8");

describe.each(databaseKinds)("compiled queries on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  const logLines: { msg: string; operationName?: string }[] = [];
  let server: TestServer;
  let personId: string;
  beforeAll(async () => {
    const { db } = fresh.current;
    for (const text of [...lisbonVariants(3), sampleText("001_northern-ports.txt")]) await ingestInput(db.prisma, "sample.txt", text);
    const log = pino({ level: "debug" }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
    server = await startTestServer(db, { log });
    const { body } = await server.graphql(`{ persons(first: 1, orderBy: { field: ARTICLE_COUNT, direction: DESC }) { id } }`);
    personId = body.data.persons[0].id;
  });
  afterAll(async () => {
    await server?.close();
  });

  const cases: [string, string, () => object][] = [
    ["the article page", example("ArticlePage"), () => ({ first: 3 })],
    ["the next article page, filtered", example("ArticlePage"), () => ({ first: 2, after: "cG9zOjE", filter: { search: "Lisbon" } })],
    ["the person page", example("PersonPage"), () => ({ id: personId })],
    ["a search", example("Search"), () => ({ query: "market" })],
    ["the co-mention network", example("CoMentionNetwork"), () => ({})],
    ["the dashboard", example("Dashboard"), () => ({})],
    ["a node by ID, with fragments on its type", `query($id: ID!) { node(id: $id) { __typename id ... on Person { name quotes { text article { title } } } ... on Article { title } } }`, () => ({ id: personId })],
    ["aliases, directives and totals read backwards", `query($withBody: Boolean!) {
      newest: articlesConnection(last: 2) { totalCount pageInfo { hasPreviousPage hasNextPage startCursor } edges { cursor node { title body @include(if: $withBody) } } }
      persons(first: 2) { name roles __typename }
    }`, () => ({ withBody: false })],
    ["an error: a malformed ID", `{ article(id: "not-an-id") { title } }`, () => ({})],
    ["an error: RELEVANCE without a search", `{ articlesConnection(first: 1, orderBy: { field: RELEVANCE }) { totalCount } }`, () => ({})],
    ["an input object and an enum as variables, with defaults", `query($order: ArticleOrder = { field: INGESTED_AT }, $first: Int = 2) {
      articlesConnection(first: $first, orderBy: $order) { edges { node { title ingestedAt } } } }`, () => ({ order: { field: "TITLE", direction: "ASC" } })],
    ["introspection", `{ __schema { queryType { name } types { name kind } } __type(name: "Quote") { fields { name type { name kind ofType { name } } } } }`, () => ({})],
  ];

  it.each(cases)("answers %s the same when compiled", async (name, query, variables) => {
    const interpreted = await server.graphql(query, variables());
    expect(interpreted.body.errors !== undefined, JSON.stringify(interpreted.body.errors)).toBe(name.startsWith("an error"));
    for (let run = 0; run < 2; run++) expect(await server.graphql(query, variables())).toEqual(interpreted);
  });

  it("compiles each query document it answered twice, and no mutation", async () => {
    // A mutation's fields run one after the other, which graphql-js does and a compiled query need not.
    const rename = `mutation Rename($id: ID!) { renamePerson(id: $id, name: "Someone Else") { name } }`;
    for (let run = 0; run < 3; run++) {
      const { body } = await server.graphql(rename, { id: personId });
      expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN"); // this server has no API key: writes are off
    }
    const compiled = logLines.filter((line) => line.msg === "query compiled").map((line) => line.operationName);
    expect(compiled).toEqual(expect.arrayContaining(["ArticlePage", "PersonPage", "Search", "CoMentionNetwork", "Dashboard"]));
    expect(compiled).not.toContain("Rename");
    expect(compiled).toHaveLength(new Set(cases.map(([, query]) => query)).size);
    expect(logLines.filter((line) => line.msg.includes("cannot compile"))).toEqual([]);
  });
});

describe("compiled query memory", () => {
  const fresh = useFreshDatabase(databaseKinds[0]!);
  const kept = 5;
  const logLines: { msg: string; operationName?: string; compiledDocuments?: number }[] = [];
  let server: TestServer;
  beforeAll(async () => {
    await ingestInput(fresh.current.db.prisma, "sample.txt", sampleText("001_northern-ports.txt"));
    const log = pino({ level: "debug" }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
    server = await startTestServer(fresh.current.db, { log, compiledQueriesKept: kept });
  });
  afterAll(async () => {
    await server?.close();
  });
  const distinct = (i: number) => `query Q${i} { a${i}: articles(first: 2) { title persons { name } } }`;

  it("keeps at most its stated number of compiled documents, answering the same as graphql-js", async () => {
    const queries = 30;
    for (let i = 0; i < queries; i++) {
      const interpreted = await server.graphql(distinct(i));
      expect(interpreted.body.data[`a${i}`].length).toBeGreaterThan(0);
      for (let run = 0; run < 2; run++) expect(await server.graphql(distinct(i))).toEqual(interpreted);
    }
    const compiled = logLines.filter((line) => line.msg === "query compiled");
    expect(compiled.map((line) => line.operationName)).toEqual(Array.from({ length: queries }, (_, i) => `Q${i}`));
    expect(Math.max(...compiled.map((line) => line.compiledDocuments!))).toBe(kept);

    // The first query's compiled form was dropped (least recently used): asked again, it is compiled again.
    const again = await server.graphql(distinct(0));
    expect(again.body.data.a0.length).toBeGreaterThan(0);
    expect(logLines.filter((line) => line.msg === "query compiled").map((line) => line.operationName).at(-1)).toBe("Q0");
  });
});

describe("parsed document memory", () => {
  it("estimates no less heap for a parsed document than it takes", () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const shapes: [string, (i: number) => string][] = [
      ["a small query", (i) => `query Q${i} { a${i}: articles(first: 2) { id title persons { name } } }`],
      ["a long string argument", (i) => `query S${i} { search(query: "${"word ".repeat(200)}${i}") { totalCount } }`],
      ...["ArticlePage", "PersonPage", "Search", "Dashboard", "CoMentionNetwork"].map((name): [string, (i: number) => string] => [
        name, (i) => example(name).replace(/query (\w+)/, `query $1${i}`),
      ]),
    ];
    for (const [name, text] of shapes) {
      const documents = 1_000;
      gc();
      const before = process.memoryUsage().heapUsed;
      const kept = Array.from({ length: documents }, (_, i) => parse(text(i)));
      gc();
      const perDocument = (process.memoryUsage().heapUsed - before) / documents;
      const estimate = kept.reduce((sum, document) => sum + documentHeapEstimate(document), 0) / documents;
      expect(estimate, `${name}: ${Math.round(perDocument)} bytes in the heap`).toBeGreaterThanOrEqual(perDocument);
    }
  });

  describe("the server's document store", () => {
    const fresh = useFreshDatabase(databaseKinds[0]!);
    const maxBytes = 200_000;
    const documentCache = new DocumentCache(maxBytes);
    let server: TestServer;
    beforeAll(async () => {
      await ingestInput(fresh.current.db.prisma, "sample.txt", sampleText("001_northern-ports.txt"));
      server = await startTestServer(fresh.current.db, { documentCache });
    });
    afterAll(async () => {
      await server?.close();
    });

    it("keeps parsed documents up to its stated heap, dropping the least recently used", async () => {
      const queries = 100;
      for (let i = 0; i < queries; i++) {
        const { body } = await server.graphql(`query Q${i} { a${i}: articles(first: 1) { title } }`);
        expect(body.data[`a${i}`]).toHaveLength(1);
      }
      const { documents, bytes } = documentCache.stats;
      expect(bytes).toBeLessThanOrEqual(maxBytes);
      expect(documents).toBeGreaterThan(0); // the server keeps its documents here
      expect(documents).toBeLessThan(queries);
    });
  });
});
