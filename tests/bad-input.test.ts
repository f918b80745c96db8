// Bad input is refused with BAD_USER_INPUT naming the argument, never an internal error or
// a database message: control characters and over-long text in any argument, IDs and
// cursors no row can have, dates outside the archive's range. At ingest, publication dates
// are checked for format and range, and an article with no prose is refused with a reason,
// by every path alike (mutations, JSON Lines, files through the command line).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestInput } from "../src/ingest/pipeline.js";
import { sampleText } from "./helpers/articles.js";
import { openMigratedDatabase } from "../src/db/open.js";
import { createPostgresDatabase, databaseKinds, quietLog, useFreshDatabase } from "./helpers/databases.js";
import { startTestServer, type GraphQLResponse, type TestServer } from "./helpers/server.js";
import { PROJECT_ROOT } from "./helpers/shared.js";

const API_KEY = "bad-input-test-key";
const WRITE = { "x-api-key": API_KEY };
const NUL = "\u0000";
const id = (raw: string) => Buffer.from(raw).toString("base64url");

/** Expects the request refused before it ran: HTTP 400, BAD_USER_INPUT naming `argumentName`. */
function expectRefused(response: GraphQLResponse, argumentName: string, message: RegExp) {
  expect(response.body.errors?.[0], JSON.stringify(response.body).slice(0, 500)).toMatchObject({
    message: expect.stringMatching(message),
    extensions: { code: "BAD_USER_INPUT", argumentName },
  });
  expect(response.body.errors?.[0]?.message).not.toMatch(/\b(?:22021|22P05|22003|22008|invalid byte sequence|out of range|index row)\b/);
}

describe.each(databaseKinds)("bad arguments over GraphQL on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  let server: TestServer;
  let personId: string;
  beforeAll(async () => {
    await ingestInput(fresh.current.db.prisma, "lisbon.txt", sampleText("002_lisbon-night-market.txt"));
    server = await startTestServer(fresh.current.db, { access: { apiKey: API_KEY } });
    const { body } = await server.graphql(`{ persons(first: 1) { id } }`);
    personId = body.data.persons[0].id;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("refuses a NUL byte in any text argument, literal or variable, naming it", async () => {
    const cases: [string, object, string][] = [
      [`query($q: String!) { search(query: $q) { totalCount } }`, { q: `Lisbon${NUL}` }, "query"],
      [`query($q: String) { quotesConnection(filter: { search: $q }) { totalCount } }`, { q: `"${NUL}market"` }, "filter.search"],
      [`query($f: ArticleFilter) { articlesConnection(filter: $f) { totalCount } }`, { f: { source: `Sput${NUL}nik` } }, "filter.source"],
      [`query($f: ArticleFilter) { articles(filter: $f) { id } }`, { f: { tag: NUL } }, "filter.tag"],
      [`query($s: String) { articles(source: $s) { id } }`, { s: NUL }, "source"],
      [`query($n: String) { persons(name: $n) { id } }`, { n: `Car${NUL}doso` }, "name"],
      [`query($n: String) { venuesConnection(filter: { name: $n }) { totalCount } }`, { n: NUL }, "filter.name"],
      // Arguments of nested fields are checked too.
      [`query($q: String) { persons(first: 1) { articlesConnection(filter: { search: $q }) { totalCount } } }`, { q: NUL }, "filter.search"],
      // A literal in the document: JSON's \u0000 escape inside the GraphQL string.
      [`{ search(query: "a\\u0000b") { totalCount } }`, {}, "query"],
    ];
    for (const [query, variables, argumentName] of cases) {
      const response = await server.graphql(query, variables);
      expect(response.status).toBe(400);
      expectRefused(response, argumentName, /control character \(U\+0000 at character \d+\)/);
    }
    const rename = await server.graphql(`mutation($id: ID!, $name: String!) { renamePerson(id: $id, name: $name) { name } }`, { id: personId, name: `Rui${NUL}Cardoso` }, WRITE);
    expectRefused(rename, "name", /renamePerson: name contains a control character/);
    // Tab and line breaks are text, not control characters to refuse.
    const tabbed = await server.graphql(`query($q: String!) { search(query: $q) { totalCount } }`, { q: "night\tmarket\r\n" });
    expect(tabbed.body.errors).toBeUndefined();
    // A document is checked anew with each request's variables, also once it has run before.
    const again = `query Again($f: PersonFilter) { personsConnection(filter: $f) { totalCount } }`;
    expect((await server.graphql(again, { f: { role: "mayor" } })).body.errors).toBeUndefined();
    expectRefused(await server.graphql(again, { f: { role: `may${NUL}or` } }), "filter.role", /personsConnection: filter.role contains a control character/);
  });

  it("caps the length of text arguments: a name at 300 characters, other text at 1,000, IDs at 100", async () => {
    const started = performance.now();
    const longSearch = await server.graphql(`query($q: String!) { search(query: $q) { totalCount } }`, { q: "said ".repeat(580_000) });
    expectRefused(longSearch, "query", /is 2900000 characters long, over the limit of 1000/);
    const quoteSearches = await server.graphql(
      `query($q: String) { a: quotesConnection(filter: { search: $q }) { totalCount } b: quotesConnection(filter: { search: $q }) { totalCount } }`,
      { q: `"${"market ".repeat(15_000)}"` },
    );
    expectRefused(quoteSearches, "filter.search", /over the limit of 1000/);
    const longName = await server.graphql(`mutation($id: ID!, $name: String!) { renamePerson(id: $id, name: $name) { name } }`, { id: personId, name: "R".repeat(1_000_000) }, WRITE);
    expectRefused(longName, "name", /is 1000000 characters long, over the limit of 300/);
    const longId = await server.graphql(`query($id: ID!) { article(id: $id) { id } }`, { id: "A".repeat(101) });
    expectRefused(longId, "id", /over the limit of 100/);
    expect(performance.now() - started).toBeLessThan(3_000);

    // At the limits, the same arguments are taken.
    const atLimit = await server.graphql(`query($q: String!) { search(query: $q) { totalCount } }`, { q: "m".repeat(1_000) });
    expect(atLimit.body.errors).toBeUndefined();
    const renamed = await server.graphql(`mutation($id: ID!, $name: String!) { renamePerson(id: $id, name: $name) { name } }`, { id: personId, name: `Rui ${"C".repeat(296)}` }, WRITE);
    expect(renamed.body.errors).toBeUndefined();
    expect(renamed.body.data.renamePerson.name).toHaveLength(300);
  });

  it("refuses IDs no row can have, naming the argument", async () => {
    const bad = ["Article:2147483648", "Article:99999999999", "Article:-1", "Article:1.5", "Article:01", "Article:0", "Article:1e3", "Person:1", "Nonsense:1", "not base64 at all"];
    for (const raw of bad) {
      const response = await server.graphql(`query($id: ID!) { article(id: $id) { id } }`, { id: raw.includes(":") ? id(raw) : raw });
      expectRefused(response, "id", /is not a Article ID/);
    }
    const filtered = await server.graphql(`query($f: ArticleFilter) { articlesConnection(filter: $f) { totalCount } }`, { f: { person: id("Person:2147483648") } });
    expectRefused(filtered, "filter.person", /is not a Person ID/);
    const deleted = await server.graphql(`mutation { deleteArticle(id: "${id("Article:4294967296")}") { deletedId } }`, {}, WRITE);
    expectRefused(deleted, "id", /is not a Article ID/);
    // The largest key int4 holds is a well-formed ID of nothing.
    const largest = await server.graphql(`query($id: ID!) { article(id: $id) { id } }`, { id: id("Article:2147483647") });
    expect(largest.body).toEqual({ data: { article: null } });
    // node(id:) answers null for any ID that is not one of ours, as before.
    const node = await server.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: id("Article:2147483648") });
    expect(node.body).toEqual({ data: { node: null } });
  });

  it("refuses cursors no page can have, naming the argument", async () => {
    for (const raw of ["pos:2147483648", "pos:-1", "pos:1.5", "pos:9999999999"]) {
      const after = await server.graphql(`query($c: String) { articlesConnection(after: $c) { totalCount } }`, { c: id(raw) });
      expectRefused(after, "after", /is not a cursor from this API/);
      const before = await server.graphql(`query($c: String) { quotesConnection(before: $c, last: 2) { totalCount } }`, { c: id(raw) });
      expectRefused(before, "before", /is not a cursor from this API/);
    }
  });

  it("refuses date bounds outside 1800 to 9999, naming the argument", async () => {
    const cases: [string, object, string][] = [
      [`query($f: ArticleFilter) { articlesConnection(filter: $f) { totalCount } }`, { f: { publishedAfter: "0001-01-01T00:00:00Z" } }, "filter.publishedAfter"],
      [`query($f: ArticleFilter) { mentionTimeline(filter: $f) { start } }`, { f: { publishedBefore: "1799-12-31T23:59:59Z" } }, "filter.publishedBefore"],
      [`{ quotesConnection(filter: { publishedBefore: "0500-06-01T00:00:00Z" }) { totalCount } }`, {}, "filter.publishedBefore"],
    ];
    for (const [query, variables, argumentName] of cases) {
      expectRefused(await server.graphql(query, variables), argumentName, /outside the range this API takes \(1800-01-01 to 9999-12-31\)/);
    }
    const wide = await server.graphql(`{ articlesConnection(filter: { publishedAfter: "1800-01-01T00:00:00Z", publishedBefore: "9999-12-31T00:00:00Z" }) { totalCount } }`);
    expect(wide.body).toEqual({ data: { articlesConnection: { totalCount: 0 } } });
  });
});

/** A text article whose dateline line is `dateline`. */
function articleWithDateline(title: string, dateline: string): string {
  const [, ...body] = sampleText("002_lisbon-night-market.txt").split("\n");
  return [title, dateline, ...body].join("\n");
}

function lisbonBody(title: string): string {
  const [, ...body] = sampleText("002_lisbon-night-market.txt").split("\n");
  return [title, ...body].join("\n");
}

/** Texts with nothing to store, and why. */
const NO_PROSE: [string, string][] = [
  ["control characters only", "\u0001\u0002\u0003\n\u0004\u0005\u0006\n\u0007\u0008"],
  ["punctuation only", "!!!\n\n???"],
  ["one 1.9 MB token", `Headline\n\n${"a".repeat(1_900_000)}`],
  ["digits only", "2024\n\n1 2 3 4 5"],
];

describe.each(databaseKinds)("dates and empty articles at ingest on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(fresh.current.db, { access: { apiKey: API_KEY } });
  });
  afterAll(async () => {
    await server?.close();
  });
  const articleCount = () => fresh.current.db.prisma.article.count();

  it("refuses a publication time before 1800 or in the future in the mutation, naming publishedAt", async () => {
    const mutation = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { status } }`;
    const before = await articleCount();
    for (const publishedAt of ["0001-01-01T00:00:00Z", "1799-12-31T23:59:59Z", new Date(Date.now() + 3 * 86_400_000).toISOString()]) {
      const response = await server.graphql(mutation, { input: { text: lisbonBody(`Market ${publishedAt}`), publishedAt } }, WRITE);
      expectRefused(response, "input", /"publishedAt" \S+ is (before 1800-01-01|more than a day after this server's clock)/);
    }
    expect(await articleCount()).toBe(before);
    const fine = await server.graphql(mutation, { input: { text: lisbonBody("Market of 1801"), publishedAt: "1801-05-01T12:00:00Z" } }, WRITE);
    expect(fine.body.data?.ingestArticle.status).toBe("NEW");
  });

  it("refuses articles with no prose in a batch with a reason, storing the others whole", async () => {
    const before = await articleCount();
    const inputs = [
      { text: lisbonBody("Market in a batch") },
      ...NO_PROSE.map(([, text]) => ({ text })),
      { text: lisbonBody("Market of year one"), publishedAt: "0001-01-01T00:00:00Z" },
      { text: lisbonBody("Market with a NUL title"), title: `Market${NUL}` },
      { text: lisbonBody("Market with a long source"), source: "S".repeat(301) },
    ];
    const { body } = await server.graphql(`mutation($inputs: [IngestArticleInput!]!) { ingestArticles(inputs: $inputs) { index status error } }`, { inputs }, WRITE);
    expect(body.errors).toBeUndefined();
    const results = body.data.ingestArticles as { index: number; status: string; error: string | null }[];
    expect(results[0]).toMatchObject({ status: "NEW", error: null });
    for (const result of results.slice(1, 1 + NO_PROSE.length)) {
      expect(result, NO_PROSE[result.index - 1]![0]).toMatchObject({ status: "FAILED", error: expect.stringMatching(/body holds no words once cleaned/) });
    }
    expect(results.slice(-3)).toMatchObject([
      { status: "FAILED", error: expect.stringMatching(/"publishedAt" 0001-01-01T00:00:00.000Z is before 1800-01-01/) },
      { status: "FAILED", error: expect.stringMatching(/"title" contains a control character \(U\+0000 at character 7\)/) },
      { status: "FAILED", error: expect.stringMatching(/"source" is 301 characters long, over the limit of 300/) },
    ]);
    expect(await articleCount()).toBe(before + 1);
  });

  it("reads JSON Lines dates strictly as ISO 8601 and refuses impossible ones", async () => {
    const record = (publishedAt: unknown) => `${JSON.stringify({ text: lisbonBody(`Market dated ${JSON.stringify(publishedAt)}`), publishedAt })}\n`;
    for (const [publishedAt, reason] of [
      ["1", /must be an ISO 8601 date or date-time/],
      ["March 2017", /must be an ISO 8601 date or date-time/],
      ["2017-02-30", /must be an ISO 8601 date or date-time/],
      [20170330, /must be an ISO 8601 date or date-time/],
      ["0001-01-01", /is before 1800-01-01/],
      ["+275760-09-13T00:00:00Z", /must be an ISO 8601/],
      ["2999-01-01T00:00:00Z", /more than a day after this server's clock/],
    ] as const) {
      const [outcome] = await ingestInput(fresh.current.db.prisma, "dated.jsonl", record(publishedAt));
      expect(outcome, String(publishedAt)).toMatchObject({ status: "failed", origin: "dated.jsonl:1", error: expect.stringMatching(reason) });
    }
    const accepted: [string, string][] = [
      ["2017-03-30", "2017-03-30T00:00:00.000Z"],
      ["2017-03-30T19:40:00+03:00", "2017-03-30T16:40:00.000Z"],
      ["2017-03-30T19:40Z", "2017-03-30T19:40:00.000Z"],
      ["2017-03-30T19:40:00.5", "2017-03-30T19:40:00.500Z"],
    ];
    for (const [publishedAt, stored] of accepted) {
      const [outcome] = await ingestInput(fresh.current.db.prisma, "dated.jsonl", record(publishedAt));
      expect(outcome, publishedAt).toMatchObject({ status: "new" });
      const article = await fresh.current.db.prisma.article.findUniqueOrThrow({ where: { id: outcome!.articleId! }, select: { publishedAt: true } });
      expect(article.publishedAt?.toISOString()).toBe(stored);
    }
  });

  it("leaves out an impossible date found in a dateline or an HTML meta tag, with a note, and stores the article", async () => {
    const [dateline] = await ingestInput(fresh.current.db.prisma, "old.txt", articleWithDateline("Market Dated 1200", "Published 01.01.1200"));
    // chrono-node alone would read this one as 2001-03-30.
    const [yearOne] = await ingestInput(fresh.current.db.prisma, "one.txt", articleWithDateline("Market Dated Year One", "19:40 GMT+3 30.03.0001"));
    const [meta] = await ingestInput(
      fresh.current.db.prisma,
      "old.html",
      `<!doctype html><html><head><title>Market at the Harbour</title><meta property="article:published_time" content="0001-01-01T00:00:00Z"></head><body><article><h1>Market at the Harbour</h1>${lisbonBody("x").split("\n").slice(1).map((p) => `<p>${p}</p>`).join("")}</article></body></html>`,
    );
    const [lenient] = await ingestInput(
      fresh.current.db.prisma,
      "one.html",
      `<!doctype html><html><head><title>Market by the River</title><meta property="article:published_time" content="1"></head><body><article><h1>Market by the River</h1>${lisbonBody("x").split("\n").slice(1).map((p) => `<p>${p} River.</p>`).join("")}</article></body></html>`,
    );
    for (const [outcome, note] of [
      [dateline, /publication date found in the article \(1200-01-01T12:00:00.000Z is before 1800-01-01\) cannot be right: left out/],
      [yearOne, /the dateline "19:40 GMT\+3 30.03.0001" gives no date with its year written out/],
      [meta, /publication date found in the article/], [lenient, /publication date "1" is not a date: left out/]] as const) {
      expect(outcome).toMatchObject({ status: "new", notes: expect.arrayContaining([expect.stringMatching(note)]) });
      const article = await fresh.current.db.prisma.article.findUniqueOrThrow({ where: { id: outcome!.articleId! }, select: { publishedAt: true } });
      expect(article.publishedAt).toBeNull();
    }
  });
});

const cliTargets: { name: string; available: boolean; create(): Promise<{ url: string; drop(): Promise<void> }> }[] = [
  {
    name: "pglite",
    available: true,
    async create() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-empty-db-"));
      return { url: `pglite:${dir}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
  },
  { name: "postgres", available: !!process.env.TEST_DATABASE_URL, create: () => createPostgresDatabase(process.env.TEST_DATABASE_URL!) },
];

describe.each(cliTargets)("files with no prose through the command line on $name", (target) => {
  it.skipIf(!target.available)("are refused, each named with its reason, and the good file stored", async () => {
    const database = await target.create();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-empty-"));
    try {
      NO_PROSE.forEach(([, text], i) => {
        fs.writeFileSync(path.join(dir, `empty-${i}.txt`), text);
      });
      fs.writeFileSync(path.join(dir, "good.txt"), lisbonBody("Market through the CLI"));
      const { code, output } = await runIngestCli(database.url, dir);
      expect(code, output).toBe(1);
      expect(output).toMatch(/1 new, 0 updated, 0 unchanged, 4 failed/);
      for (let i = 0; i < NO_PROSE.length; i++) {
        expect(output).toMatch(new RegExp(`failed: \\S*empty-${i}\\.txt: (the article's body holds no words once cleaned|the file looks binary)`));
      }
      const db = await openMigratedDatabase(database.url, quietLog);
      try {
        expect(await db.prisma.article.findMany({ select: { title: true } })).toEqual([{ title: "Market through the CLI" }]);
      } finally {
        await db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await database.drop();
    }
    // A child process that opens its own database, on a machine that may be busy.
  }, 300_000);
});

function runIngestCli(databaseUrl: string, folder: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", folder], {
    cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
  });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}
