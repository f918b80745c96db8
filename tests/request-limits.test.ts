// Time limits and a busy pool (issue 16, item 4): a request past its deadline, or whose
// client went away, has its statement cancelled in PostgreSQL; statement_timeout stops a
// statement by itself; a request that finds every connection busy is told "busy, retry",
// while /health keeps answering "up". Every check runs over real HTTP against the real
// pool. The slow statement is a real pg_sleep sent through the server's own reader before
// the request's read, so that a test does not depend on how long some query takes.
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/connection.js";
import { openMigratedDatabase } from "../src/db/open.js";
import { Prisma } from "../src/generated/prisma/client.js";
import { ingestInput } from "../src/ingest/pipeline.js";
import { sampleText } from "./helpers/articles.js";
import { createPostgresDatabase, quietLog } from "./helpers/databases.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) console.warn("[newsgraph tests] TEST_DATABASE_URL is unset: the PostgreSQL time-limit suite is skipped");

const QUERY = `{ articles { title } }`;

/** `db`, with every read preceded by a real `pg_sleep(seconds)` through the same pool while `slow()` says so. */
function sleepy(db: Database, seconds: number, slow: () => boolean = () => true): Database {
  return {
    ...db,
    async query<T>(sql: Prisma.Sql): Promise<T[]> {
      if (slow()) await db.query(Prisma.sql`SELECT pg_sleep(${seconds}::float8)`);
      return db.query<T>(sql);
    },
  };
}

describe.skipIf(!serverUrl)("request time limits on PostgreSQL", () => {
  let created: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let db: Database;
  let timedDb: Database;
  let monitor: pg.Client;
  const servers: TestServer[] = [];
  const poolSize = process.env.DATABASE_POOL_SIZE;

  beforeAll(async () => {
    created = await createPostgresDatabase(serverUrl!);
    // Two connections: two slow requests (one connection each, half the pool) fill it.
    process.env.DATABASE_POOL_SIZE = "2";
    db = await openMigratedDatabase(created.url, quietLog);
    timedDb = await openMigratedDatabase(created.url, quietLog, { statementTimeoutMs: 400 });
    if (poolSize === undefined) delete process.env.DATABASE_POOL_SIZE;
    else process.env.DATABASE_POOL_SIZE = poolSize;
    await ingestInput(db.prisma, "ports.txt", sampleText("001_northern-ports.txt"));
    monitor = new pg.Client({ connectionString: created.url });
    await monitor.connect();
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await monitor?.end();
    await db?.close();
    await timedDb?.close();
    await created?.drop();
  });

  const serve = async (database: Database, options: Parameters<typeof startTestServer>[1] = {}) => {
    const server = await startTestServer(database, { production: true, ...options });
    servers.push(server);
    return server;
  };

  /** The pg_sleep statements PostgreSQL is running in the test's database right now. */
  const sleeping = async () => {
    const { rows } = await monitor.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND state = 'active' AND query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()`,
    );
    return rows[0]!.n;
  };

  const post = (server: TestServer, query: string, signal?: AbortSignal) =>
    fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }), signal });

  it("cancels the running statement in PostgreSQL when the client goes away", async () => {
    const server = await serve(sleepy(db, 30), { requestTimeoutMs: 60_000 });
    const client = new AbortController();
    const request = post(server, QUERY, client.signal).catch(() => null);
    await expect.poll(sleeping, { timeout: 5_000, interval: 50 }).toBe(1);
    client.abort();
    await request;
    await expect.poll(sleeping, { timeout: 3_000, interval: 50 }).toBe(0);
  }, 20_000);

  it("answers TIMEOUT at the request's deadline and cancels its statement in PostgreSQL", async () => {
    const server = await serve(sleepy(db, 30), { requestTimeoutMs: 800 });
    const started = Date.now();
    const res = await post(server, QUERY);
    const body = (await res.json()) as any;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: "TIMEOUT" }, message: expect.stringMatching(/time limit/) })]);
    await expect.poll(sleeping, { timeout: 3_000, interval: 50 }).toBe(0);
  }, 20_000);

  it("stops a statement past DATABASE_STATEMENT_TIMEOUT_MS, answered as TIMEOUT without PostgreSQL's words", async () => {
    const server = await serve(sleepy(timedDb, 5), { requestTimeoutMs: 60_000 });
    const started = Date.now();
    const { body } = await server.graphql(QUERY);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: "TIMEOUT" } });
    expect(JSON.stringify(body)).not.toMatch(/canceling|statement timeout|57014/i);
  }, 20_000);

  it("tells a request that finds every connection busy to retry, while /health stays up", async () => {
    let slow = true;
    const server = await serve(sleepy(db, 20, () => slow), { requestTimeoutMs: 60_000 });
    const holders = new AbortController();
    const held = [post(server, QUERY, holders.signal).catch(() => null), post(server, QUERY, holders.signal).catch(() => null)];
    try {
      await expect.poll(sleeping, { timeout: 5_000, interval: 50 }).toBe(2);
      slow = false;

      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", database: { status: "up", pool: { max: 2, inUse: 2 } } });

      const res = await post(server, QUERY);
      const body = (await res.json()) as any;
      expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: "SERVICE_UNAVAILABLE" }, message: expect.stringMatching(/busy/) })]);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("1");
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      holders.abort();
      await Promise.all(held);
    }
    // The held connections' statements were cancelled with their requests: the pool serves again.
    await expect.poll(sleeping, { timeout: 3_000, interval: 50 }).toBe(0);
    expect((await server.graphql(QUERY)).body.data?.articles).toHaveLength(1);
  }, 30_000);

  it("lets one request of many statements hold only half the pool, so others are served beside it", async () => {
    const server = await serve(sleepy(db, 1), { requestTimeoutMs: 60_000 });
    // Twelve aliases: twelve statements of a second each, one connection at a time.
    const greedy = post(server, `{ ${Array.from({ length: 12 }, (_, i) => `a${i}: articles { title }`).join(" ")} }`);
    try {
      await expect.poll(sleeping, { timeout: 5_000, interval: 50 }).toBe(1);
      const started = Date.now();
      const { body } = await server.graphql(QUERY);
      expect(body.data?.articles).toHaveLength(1);
      // Its own one-second statement, not a place behind the greedy request's eleven.
      expect(Date.now() - started).toBeLessThan(3_500);
    } finally {
      await greedy;
    }
  }, 40_000);

  it("never shows the database's words for an error that is nobody's input, in production or not", async () => {
    const failing: Database = { ...db, query: () => db.query(Prisma.sql`SELECT ${"secret_value"}::int AS n`) };
    for (const production of [true, false]) {
      const server = await serve(failing, { production });
      const { body } = await server.graphql(QUERY);
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: "INTERNAL_SERVER_ERROR", errorId: expect.any(String) } });
      expect(body.errors?.[0]?.message).toBe(`Internal server error (id ${body.errors![0]!.extensions!.errorId})`);
      expect(JSON.stringify(body)).not.toMatch(/secret_value|invalid input|integer|22P02/);
    }
  }, 20_000);
});

describe("request time limits on the embedded database", () => {
  let db: Database;
  let server: TestServer;
  beforeAll(async () => {
    db = await openMigratedDatabase("pglite:memory", quietLog);
    await ingestInput(db.prisma, "ports.txt", sampleText("001_northern-ports.txt"));
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it("answers TIMEOUT at the deadline and sends no statement for the request after it", async () => {
    // PGlite runs inside the server's process and cannot stop a statement halfway: what the
    // deadline can do there is answer at once and refuse the request's later statements.
    const late: Database = { ...db, query: async (sql) => { await sleep(400); return db.query(sql); } };
    server = await startTestServer(late, { requestTimeoutMs: 100 });
    const sent: string[] = [];
    const stop = db.onStatement((sql) => sent.push(sql));
    try {
      const started = Date.now();
      const { body } = await server.graphql(QUERY);
      expect(Date.now() - started).toBeLessThan(350);
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: "TIMEOUT" } });
      await sleep(600);
      expect(sent).toEqual([]);
    } finally {
      stop();
    }
  });
});
