// Several server processes on one database: a subscriber on one server hears an article
// ingested through another, because subscription events travel through Redis.
import { randomUUID } from "node:crypto";
import { createClient } from "graphql-ws";
import { afterAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { inProcessEvents, redisEvents, type Events } from "../src/events.js";
import { sampleText } from "./helpers/articles.js";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { REDIS_URL, redisReachable } from "./helpers/redis.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const API_KEY = "scale-out-key-0123456789";

const hasRedis = await redisReachable();
if (!hasRedis) console.warn(`[newsgraph tests] no Redis at ${REDIS_URL}: the scale-out suite is skipped (set TEST_REDIS_URL)`);

describe.skipIf(!hasRedis)("two servers on one database", () => {
  const kind = databaseKinds.at(-1)!; // PostgreSQL when configured: what several processes share
  const fresh = useFreshDatabase(kind);
  const events: Events[] = [];
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
    for (const e of events) await e.close();
  });

  /** Subscribes to articleIngested on a server; returns the titles heard and a stop. */
  function listen(server: TestServer) {
    const titles: string[] = [];
    const client = createClient({ url: `${server.url.replace("http", "ws")}/graphql`, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
    const stop = client.subscribe({ query: "subscription { articleIngested { title } }" }, {
      next: (result) => titles.push((result.data as any)?.articleIngested?.title), error: () => {}, complete: () => {},
    });
    return { titles, stop: () => { stop(); void client.dispose(); } };
  }

  async function ingestThrough(server: TestServer, title: string) {
    const text = [title, ...sampleText("002_lisbon-night-market.txt").split("\n").slice(1)].join("\n");
    const { body } = await server.graphql(`mutation($text: String!) { ingestArticle(input: { text: $text }) { status } }`, { text }, { "x-api-key": API_KEY });
    expect(body.data.ingestArticle.status).toBe("NEW");
  }

  it("delivers an article ingested on server B to a subscriber of server A through Redis", async () => {
    for (let i = 0; i < 2; i++) {
      events.push(await redisEvents(REDIS_URL));
      servers.push(await startTestServer(fresh.current.db, { access: { apiKey: API_KEY }, events: events.at(-1)! }));
    }
    const [a, b] = servers as [TestServer, TestServer];
    const onA = listen(a);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const title = `Night Market Opens Again ${randomUUID().slice(0, 8)}`;
    await ingestThrough(b, title);
    await expect.poll(() => onA.titles, { timeout: 5_000 }).toContain(title);
    onA.stop();
  });

  it("does not, as a control, when each server keeps its events in-process", async () => {
    const [c, d] = [await startTestServer(fresh.current.db, { access: { apiKey: API_KEY }, events: inProcessEvents() }),
      await startTestServer(fresh.current.db, { access: { apiKey: API_KEY }, events: inProcessEvents() })];
    servers.push(c, d);
    const onC = listen(c);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const title = `Night Market Closes ${randomUUID().slice(0, 8)}`;
    await ingestThrough(d, title);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(onC.titles).not.toContain(title);
    onC.stop();
  });
});

describe("events configuration", () => {
  it("names an unreachable Redis in one line", async () => {
    await expect(redisEvents("redis://127.0.0.1:1")).rejects.toThrow(/^cannot connect to Redis at redis:\/\/127\.0\.0\.1:1: /);
  });
});
