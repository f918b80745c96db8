// The database goes away and comes back: /health says so, requests get a clean error, and
// the server recovers by itself, without a restart. PostgreSQL only (the embedded database
// lives in the server's own process).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/connection.js";
import { openMigratedDatabase } from "../src/db/open.js";
import { createPostgresDatabase, quietLog } from "./helpers/databases.js";
import { sampleText } from "./helpers/articles.js";
import { ingestInput } from "../src/ingest/pipeline.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import { startTcpProxy, type TcpProxy } from "./helpers/tcp-proxy.js";

const serverUrl = process.env.TEST_DATABASE_URL;
const API_KEY = "outage-test-key-0123456789";
if (!serverUrl) console.warn("[newsgraph tests] TEST_DATABASE_URL is unset: the database outage suite is skipped");

describe.skipIf(!serverUrl)("a PostgreSQL outage", () => {
  let created: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let proxy: TcpProxy;
  let db: Database;
  let server: TestServer;

  beforeAll(async () => {
    created = await createPostgresDatabase(serverUrl!);
    const target = new URL(created.url);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    target.hostname = "127.0.0.1";
    target.port = String(proxy.port);
    db = await openMigratedDatabase(target.toString(), quietLog);
    await ingestInput(db.prisma, "ports.txt", sampleText("001_northern-ports.txt"));
    server = await startTestServer(db, { production: true, access: { apiKey: API_KEY } });
  });
  afterAll(async () => {
    await server?.close();
    await proxy?.restore().catch(() => {});
    await db?.close();
    await proxy?.close();
    await created?.drop();
  });

  const health = async () => {
    const res = await fetch(`${server.url}/health`);
    return { status: res.status, body: (await res.json()) as any };
  };

  it("reports it at /health, answers a clean error, and recovers without a restart", async () => {
    expect((await health()).status).toBe(200);
    expect((await server.graphql(`{ articles { title } }`)).body.data.articles).toHaveLength(1);

    await proxy.cut();
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: "degraded", database: { status: "down" } });
    // In production the driver's words (hosts, ports, ECONNREFUSED) stay in the log.
    expect(down.body.database.error).toBe("the database does not answer");
    const failed = await server.graphql(`{ articles { title } }`);
    expect(failed.body.errors?.[0]).toMatchObject({
      message: "the database is not reachable right now: try again shortly",
      extensions: { code: "SERVICE_UNAVAILABLE" },
    });
    // A write that fails for the outage is not the input's fault: not BAD_USER_INPUT.
    const ingest = await server.graphql(
      `mutation($text: String!) { ingestArticle(input: { text: $text }) { status } }`,
      { text: sampleText("002_lisbon-night-market.txt") },
      { "x-api-key": API_KEY },
    );
    expect(ingest.body.errors?.[0]).toMatchObject({
      message: "the database is not reachable right now: try again shortly",
      extensions: { code: "SERVICE_UNAVAILABLE" },
    });
    expect(JSON.stringify([down.body, failed.body, ingest.body])).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|Can't reach|Code: /);

    await proxy.restore();
    await expect.poll(async () => (await health()).status, { timeout: 15_000, interval: 250 }).toBe(200);
    await expect.poll(async () => (await server.graphql(`{ articles { title } }`)).body.data?.articles?.length, { timeout: 15_000, interval: 250 }).toBe(1);
  }, 60_000);
});
