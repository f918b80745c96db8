// Operators' signals over real HTTP: /metrics in Prometheus's format after real requests and
// ingests, with operation labels that clients cannot grow without bound, the METRICS access
// setting, and one structured log line per request without the variables.
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSettings, SettingError } from "../src/config.js";
import { MAX_OPERATION_LABELS } from "../src/server/metrics.js";
import { lisbonVariants } from "./helpers/articles.js";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const API_KEY = "metrics-test-key-0123456789";

async function scrape(server: TestServer, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/metrics`, { headers });
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

/** The value of one sample, e.g. sample(text, 'newsgraph_ingest_articles_total{status="new"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(databaseKinds)("/metrics on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  const logLines: Record<string, unknown>[] = [];
  let server: TestServer;
  beforeAll(async () => {
    const sink = new Writable({ write(chunk, _encoding, done) { logLines.push(JSON.parse(String(chunk))); done(); } });
    server = await startTestServer(fresh.current.db, { access: { apiKey: API_KEY }, log: pino({ level: "info" }, sink) });
  });
  afterAll(() => server?.close());

  const ingest = (text: string) =>
    server.graphql(`mutation Ingest($text: String!) { ingestArticle(input: { text: $text }) { status } }`, { text }, { "x-api-key": API_KEY });

  it("counts requests by operation and outcome, latencies, ingests and extraction errors", async () => {
    const [article] = lisbonVariants(1);
    expect((await ingest(article!)).body.data.ingestArticle.status).toBe("NEW");
    expect((await ingest(article!)).body.data.ingestArticle.status).toBe("UNCHANGED");
    const failed = await ingest("   ");
    expect(failed.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    for (let i = 0; i < 3; i++) expect((await server.graphql("query ArticleList { articles { title } }")).body.errors).toBeUndefined();
    expect((await server.graphql(`query OneArticle { article(id: "not-an-id") { title } }`)).body.errors).toBeDefined();
    // A document that fails validation never lends its name to a label.
    await server.graphql("query RefusedName { noSuchField }");

    const { status, type, text } = await scrape(server);
    expect(status).toBe(200);
    expect(type).toContain("text/plain");
    expect(sample(text, 'newsgraph_graphql_requests_total{operation="ArticleList",type="query",outcome="ok"}')).toBe(3);
    expect(sample(text, 'newsgraph_graphql_request_duration_seconds_count{operation="ArticleList",type="query"}')).toBe(3);
    expect(sample(text, 'newsgraph_graphql_requests_total{operation="Ingest",type="mutation",outcome="ok"}')).toBe(2);
    expect(sample(text, 'newsgraph_graphql_requests_total{operation="Ingest",type="mutation",outcome="BAD_USER_INPUT"}')).toBe(1);
    expect(text).toMatch(/newsgraph_graphql_requests_total\{operation="OneArticle",type="query",outcome="(BAD_USER_INPUT|NOT_FOUND)"\} 1/);
    expect(sample(text, 'newsgraph_graphql_requests_total{operation="unresolved",type="unresolved",outcome="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(text).not.toContain("RefusedName");
    expect(sample(text, 'newsgraph_ingest_articles_total{status="new"}')).toBe(1);
    expect(sample(text, 'newsgraph_ingest_articles_total{status="unchanged"}')).toBe(1);
    expect(sample(text, 'newsgraph_ingest_articles_total{status="failed"}')).toBe(1);
    expect(sample(text, 'newsgraph_ingest_failures_total{kind="extraction"}')).toBe(1);
    expect(sample(text, "newsgraph_ingest_duration_seconds_count")).toBe(2);
    // Node's process metrics.
    expect(sample(text, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect(text).toContain("nodejs_eventloop_lag_seconds");
    if (kind.name === "postgres") {
      expect(sample(text, 'newsgraph_db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'newsgraph_db_pool_connections{state="in_use"}')).toBeGreaterThanOrEqual(0);
      expect(sample(text, "newsgraph_db_pool_waiting")).toBe(0);
    } else {
      expect(text).not.toMatch(/^newsgraph_db_pool_connections\{/m);
    }
  });

  it("keeps operation labels bounded when clients send a thousand distinct names", async () => {
    const names = Array.from({ length: 1_000 }, (_, i) => `Probe${i}`);
    for (let i = 0; i < names.length; i += 50) {
      await Promise.all(names.slice(i, i + 50).map((name) => server.graphql(`query ${name} { __typename }`)));
    }
    await server.graphql(`query ${"L".repeat(500)} { __typename }`);
    const { text } = await scrape(server);
    const series = text.split("\n").filter((l) => l.startsWith("newsgraph_graphql_requests_total{"));
    expect(series.length).toBeLessThanOrEqual(MAX_OPERATION_LABELS + 10);
    const probes = series.filter((l) => l.includes('operation="Probe')).length;
    expect(probes).toBeLessThan(MAX_OPERATION_LABELS);
    expect(probes).toBeGreaterThan(100);
    expect(sample(text, 'newsgraph_graphql_requests_total{operation="other",type="query",outcome="ok"}')).toBeGreaterThanOrEqual(1_000 - MAX_OPERATION_LABELS);
    expect(text).not.toContain("L".repeat(65));
  });

  it("logs one line per request with operation, outcome and duration, never the variables", async () => {
    logLines.length = 0;
    const [article] = lisbonVariants(2).slice(1);
    await ingest(article!);
    await server.graphql("query LoggedList { articles(first: 1) { title } }");
    const requests = logLines.filter((l) => l.msg === "graphql request");
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ operation: "Ingest", type: "mutation", outcome: "ok", method: "POST" });
    expect(requests[1]).toMatchObject({ operation: "LoggedList", type: "query", outcome: "ok" });
    expect(typeof requests[1]!.ms).toBe("number");
    const everything = JSON.stringify(logLines);
    expect(everything).not.toContain("Evening 2");
    expect(everything).not.toContain(API_KEY);
  });
});

describe("METRICS access", () => {
  const fresh = useFreshDatabase(databaseKinds[0]!);
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
  });
  const start = async (options: Parameters<typeof startTestServer>[1]) => {
    servers.push(await startTestServer(fresh.current.db, options));
    return servers.at(-1)!;
  };

  it("needs the API key with METRICS=key, and by default when reads need the key", async () => {
    for (const server of [
      await start({ access: { apiKey: API_KEY }, metrics: "key" }),
      await start({ access: { apiKey: API_KEY, readsRequireKey: true } }),
    ]) {
      expect((await scrape(server)).status).toBe(401);
      expect((await scrape(server, { "x-api-key": "wrong-key-0123456789" })).status).toBe(401);
      const withKey = await scrape(server, { authorization: `Bearer ${API_KEY}` });
      expect(withKey.status).toBe(200);
      expect(withKey.text).toContain("newsgraph_graphql_requests_total");
    }
  });

  it("is open by default when reads are open, and answers 404 with METRICS=off", async () => {
    expect((await scrape(await start({ access: { apiKey: API_KEY } }))).status).toBe(200);
    const off = await scrape(await start({ metrics: "off" }));
    expect(off.status).toBe(404);
    expect(off.text).toContain("METRICS=off");
  });
});

describe("the METRICS setting", () => {
  it("follows READS_REQUIRE_KEY by default and names itself when wrong", () => {
    expect(readSettings({}).metrics).toBe("open");
    expect(readSettings({ API_KEY: API_KEY, READS_REQUIRE_KEY: "on" }).metrics).toBe("key");
    expect(readSettings({ API_KEY: API_KEY, READS_REQUIRE_KEY: "on", METRICS: "open" }).metrics).toBe("open");
    expect(readSettings({ METRICS: "OFF" }).metrics).toBe("off");
    expect(() => readSettings({ METRICS: "public" })).toThrow(/METRICS must be off, open or key, got "public"/);
    expect(() => readSettings({ METRICS: "key" })).toThrow(SettingError);
  });
});
