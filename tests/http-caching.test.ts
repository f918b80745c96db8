// Caching that frontends and CDNs expect, over real HTTP: Cache-Control on GET queries of
// articles and persons only, and automatic persisted queries shared by two servers through Redis.
import { createHash, randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSettings } from "../src/config.js";
import { openRedisCache, type RedisCache } from "../src/server/redis-cache.js";
import { lisbonVariants } from "./helpers/articles.js";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { REDIS_URL, redisReachable } from "./helpers/redis.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const API_KEY = "caching-test-key-0123456789";

/** A GET request as a CDN would see it: everything in the URL. */
async function get(server: TestServer, params: { query?: string; variables?: object; extensions?: object }, headers: Record<string, string> = {}) {
  const url = new URL(`${server.url}/graphql`);
  if (params.query) url.searchParams.set("query", params.query);
  if (params.variables) url.searchParams.set("variables", JSON.stringify(params.variables));
  if (params.extensions) url.searchParams.set("extensions", JSON.stringify(params.extensions));
  const res = await fetch(url, { headers });
  return { status: res.status, cacheControl: res.headers.get("cache-control"), body: (await res.json()) as { data?: any; errors?: any[] } };
}

async function post(server: TestServer, body: object, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: res.status, cacheControl: res.headers.get("cache-control"), body: (await res.json()) as { data?: any; errors?: any[] } };
}

const ARTICLES = "query Articles($first: Int!) { articles(first: $first) { title } }";

describe.each(databaseKinds)("Cache-Control on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  const servers: TestServer[] = [];
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(fresh.current.db, { access: { apiKey: API_KEY } });
    servers.push(server);
    const [text] = lisbonVariants(1);
    await server.graphql(`mutation($text: String!) { ingestArticle(input: { text: $text }) { status } }`, { text }, { "x-api-key": API_KEY });
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it("lets browsers and CDNs keep a GET query of articles and persons", async () => {
    const articles = await get(server, { query: ARTICLES, variables: { first: 5 } });
    expect(articles.body.data.articles).toHaveLength(1);
    expect(articles.cacheControl).toBe("public, max-age=60");
    const persons = await get(server, { query: "{ persons(first: 2) { name } ...More } fragment More on Query { personsConnection(first: 1) { totalCount } __typename }" });
    expect(persons.body.errors).toBeUndefined();
    expect(persons.cacheControl).toBe("public, max-age=60");
  });

  it("says no-store for POST, mutations, errors and other root fields", async () => {
    expect((await post(server, { query: ARTICLES, variables: { first: 5 } })).cacheControl).toBe("no-store");
    const mutation = await post(server, { query: `mutation { deleteArticle(id: "QXJ0aWNsZTo5OTk5OQ==") { deletedId } }` }, { "x-api-key": API_KEY });
    expect(mutation.cacheControl).toBe("no-store");
    const mutationByGet = await get(server, { query: `mutation { deleteArticle(id: "x") { deletedId } }` });
    expect(mutationByGet.status).toBe(405);
    expect(mutationByGet.cacheControl).toBe("no-store");
    const failed = await get(server, { query: `{ article(id: "not-an-id") { title } }` });
    expect(failed.body.errors?.length).toBeGreaterThan(0);
    expect(failed.cacheControl).toBe("no-store");
    const invalid = await get(server, { query: "{ articles { noSuchField } }" });
    expect(invalid.cacheControl).toBe("no-store");
    // One root field that is not an article or a person makes the whole answer uncacheable.
    const mixed = await get(server, { query: "{ articles(first: 1) { title } topVenues { articleCount } }" });
    expect(mixed.body.errors).toBeUndefined();
    expect(mixed.cacheControl).toBe("no-store");
  });

  it("says private when reads need the key, and nothing is cacheable with a max age of 0", async () => {
    const privateServer = await startTestServer(fresh.current.db, { access: { apiKey: API_KEY, readsRequireKey: true } });
    servers.push(privateServer);
    expect((await get(privateServer, { query: ARTICLES, variables: { first: 1 } }, { "x-api-key": API_KEY })).cacheControl).toBe("private, max-age=60");
    const noCache = await startTestServer(fresh.current.db, { httpCache: { maxAgeSeconds: 0, scope: "public" } });
    servers.push(noCache);
    expect((await get(noCache, { query: ARTICLES, variables: { first: 1 } })).cacheControl).toBe("no-store");
  });
});

describe("the CACHE_MAX_AGE_SECONDS setting", () => {
  it("is 60 unless set, takes 0 to turn caching off, and names itself when wrong", () => {
    expect(readSettings({}).cacheMaxAgeSeconds).toBe(60);
    expect(readSettings({ CACHE_MAX_AGE_SECONDS: "0" }).cacheMaxAgeSeconds).toBe(0);
    expect(readSettings({ CACHE_MAX_AGE_SECONDS: "300" }).cacheMaxAgeSeconds).toBe(300);
    for (const bad of ["-1", "1.5", "a minute"]) expect(() => readSettings({ CACHE_MAX_AGE_SECONDS: bad })).toThrow(/CACHE_MAX_AGE_SECONDS must be a whole number/);
  });
});

const hasRedis = await redisReachable();
if (!hasRedis) console.warn(`[newsgraph tests] no Redis at ${REDIS_URL}: the persisted-query suite is skipped (set TEST_REDIS_URL)`);

describe.skipIf(!hasRedis)("automatic persisted queries across servers", () => {
  const fresh = useFreshDatabase(databaseKinds.at(-1)!);
  const prefix = `newsgraph-test-${randomUUID()}:`;
  const caches: RedisCache[] = [];
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const c of caches) await c.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it("runs by hash on server B a query registered on server A, and a CDN can fetch it by URL", async () => {
    // Each server has its own Redis connection, as separate processes would.
    for (let i = 0; i < 2; i++) {
      caches.push(await openRedisCache(REDIS_URL, prefix));
      servers.push(await startTestServer(fresh.current.db, { cache: caches.at(-1)! }));
    }
    const [a, b] = servers as [TestServer, TestServer];
    const query = `query PersistedArticles($first: Int!) { articles(first: $first) { title } } # ${randomUUID()}`;
    const persistedQuery = { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") };

    const unknown = await get(b, { variables: { first: 1 }, extensions: { persistedQuery } });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    // Apollo's own answer for an unknown hash: a CDN must not keep it.
    expect(unknown.cacheControl).toBe("private, no-cache, must-revalidate");

    const registered = await post(a, { query, variables: { first: 1 }, extensions: { persistedQuery } });
    expect(registered.body.errors).toBeUndefined();

    // Apollo writes the registration without waiting for it: allow it a moment to land.
    let byHash = await get(b, { variables: { first: 1 }, extensions: { persistedQuery } });
    for (let i = 0; i < 20 && byHash.body.errors; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      byHash = await get(b, { variables: { first: 1 }, extensions: { persistedQuery } });
    }
    expect(byHash.body.errors).toBeUndefined();
    expect(byHash.body.data.articles).toEqual([]);
    expect(byHash.cacheControl).toBe("public, max-age=60");

    // A server with only its own in-memory cache does not know the hash.
    const alone = await startTestServer(fresh.current.db);
    servers.push(alone);
    expect((await get(alone, { variables: { first: 1 }, extensions: { persistedQuery } })).body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("answers when Redis is unreachable: a lookup misses, the full query still runs", async () => {
    const cache = await openRedisCache(REDIS_URL, prefix);
    caches.push(cache);
    const server = await startTestServer(fresh.current.db, { cache });
    servers.push(server);
    await cache.close();
    const query = "query AfterRedis { articles(first: 1) { title } }";
    const persistedQuery = { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") };
    expect((await get(server, { extensions: { persistedQuery } })).body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const full = await get(server, { query, extensions: { persistedQuery } });
    expect(full.body.errors).toBeUndefined();
    expect(full.body.data.articles).toEqual([]);
  });
});
