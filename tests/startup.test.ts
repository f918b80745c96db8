// The server as the README starts it: sample data on first start, data kept across a
// restart, clean SIGTERM, and one clear line when the database setting is wrong.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { killServerProcesses, runFailingStart, startServerProcess } from "./helpers/process.js";

// Whatever a test's outcome, no server outlives it.
afterEach(killServerProcesses);

const query = async (url: string) => {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ articles { id title quotes { text speaker { name } } } }" }),
  });
  return ((await res.json()) as { data: { articles: unknown } }).data.articles as { id: string; title: string; quotes: { speaker: { name: string } | null }[] }[];
};

describe("starting the server on the embedded database", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-start-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("loads the sample articles on first start and keeps them across a restart", { timeout: 600_000 }, async () => {
    const env = { DATABASE_URL: `pglite:${dataDir}` };
    const first = await startServerProcess(env);
    const before = await query(first.url);
    expect(before.length).toBe(3);
    expect(before.flatMap((a) => a.quotes).filter((q) => q.speaker).length).toBeGreaterThan(3);
    // SIGTERM stops it at once: no open connection, so no drain grace period to wait out.
    const stopping = Date.now();
    expect(await first.stop()).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(5_000);

    const second = await startServerProcess(env);
    expect(await query(second.url)).toEqual(before);
    expect(await second.stop()).toBe(0);
  });

  it("loads nothing when SAMPLE_DATA=false", { timeout: 300_000 }, async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-empty-"));
    try {
      const server = await startServerProcess({ DATABASE_URL: `pglite:${empty}`, SAMPLE_DATA: "false" });
      expect(await query(server.url)).toEqual([]);
      await server.stop();
    } finally {
      await killServerProcesses();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe("a wrong database setting", () => {
  const cases: [string, string, RegExp][] = [
    ["an unsupported scheme", "mysql://root@localhost/news", /DATABASE_URL uses the unsupported scheme "mysql:"/],
    ["a malformed URL", "not a url", /DATABASE_URL is not a valid URL/],
    ["a database server that is down", "postgresql://postgres@127.0.0.1:1/newsgraph", /cannot connect to PostgreSQL 127\.0\.0\.1:1\/newsgraph: connection refused/],
  ];
  it.each(cases)("with %s gives one clear line and exit code 1", async (_name, url, message) => {
    const { code, stderr, stdout } = await runFailingStart({ DATABASE_URL: url });
    expect(code).toBe(1);
    const lines = stderr.split("\n").filter((l) => l.trim() && !/npm warn/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(stderr + stdout).not.toMatch(/\n\s+at /);
  });

  it("with a pool size that is not a whole number gives one clear line and exit code 1", async () => {
    const { code, stderr } = await runFailingStart({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/newsgraph", DATABASE_POOL_SIZE: "lots" });
    expect(code).toBe(1);
    const lines = stderr.split("\n").filter((l) => l.trim() && !/npm warn/.test(l));
    expect(lines).toEqual([expect.stringMatching(/DATABASE_POOL_SIZE must be a whole number above 0, got "lots"/)]);
  });
});
