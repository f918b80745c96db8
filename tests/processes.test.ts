// The README's commands as processes: SIGTERM to the PID `npm start` or `npm run ingest`
// gives stops everything they started, the server after draining (exit 0), the ingest
// between articles (none half-written, exit 143); and a JSON Lines file's bad lines fail
// one by one, the good ones stored. Each test starts real processes (a build, node, PGlite
// migrations): long timeouts for a loaded machine.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { syntheticArticle } from "../bench/synthetic.js";
import { openMigratedDatabase } from "../src/db/open.js";
import { quietLog } from "./helpers/databases.js";
import { descendantsOf, isRunning, killRun, npm as runNpm, type NpmRun, waitForOutput } from "./helpers/npm.js";

const tempDirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
};
const runs: NpmRun[] = [];
const npm = (...args: Parameters<typeof runNpm>) => {
  const run = runNpm(...args);
  runs.push(run);
  return run;
};
afterAll(() => {
  runs.forEach(killRun);
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Waits until none of the pids runs any more (a process may take a moment to be reaped). */
async function expectAllGone(pids: number[]): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (pids.some(isRunning) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(pids.filter(isRunning)).toEqual([]);
}

async function withDatabase<T>(url: string, work: (db: Awaited<ReturnType<typeof openMigratedDatabase>>) => Promise<T>): Promise<T> {
  const db = await openMigratedDatabase(url, quietLog);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

describe("npm start", () => {
  it("runs the server as node itself; SIGTERM to npm's PID drains it and everything exits 0", { timeout: 300_000 }, async () => {
    const run = npm(["start"], { DATABASE_URL: `pglite:${tempDir("newsgraph-npm-start-")}`, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info" });
    const [, url] = await waitForOutput(run, /"url":"(http:\/\/[^"]+)\/graphql"[^\n]*newsgraph is ready/);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const below = descendantsOf(run.child.pid!);
    // npm runs the start script through `sh -c exec …`: the shell is replaced by node.
    const commands = below.map((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" "));
    expect(commands).toEqual([expect.stringMatching(/^node dist\/src\/main\.js$/)]);

    run.child.kill("SIGTERM");
    expect(await run.exited, run.output()).toEqual({ code: 0, signal: null });
    expect(run.output()).toMatch(/"signal":"SIGTERM"[^\n]*shutting down/);
    await expectAllGone(below);
  });
});

describe("npm run ingest", () => {
  it("stops between articles on SIGTERM to npm's PID: none half-written, exit 143, nothing left running", { timeout: 300_000 }, async () => {
    const folder = tempDir("newsgraph-npm-batch-");
    const articles = 120;
    for (let i = 0; i < articles; i++) {
      const article = syntheticArticle(i, 7);
      fs.writeFileSync(path.join(folder, article.name), article.content);
    }
    const url = `pglite:${tempDir("newsgraph-npm-ingest-")}`;
    const run = npm(["run", "ingest", "--", folder], { DATABASE_URL: url, LOG_LEVEL: "silent" });
    // The progress bar (a line a second off a terminal) shows files done: mid-batch.
    await waitForOutput(run, /[1-9]\d*\/\d+ files/);
    const below = descendantsOf(run.child.pid!);
    run.child.kill("SIGTERM");
    const { code } = await run.exited;
    expect(code, run.output()).toBe(143);
    const [, stored] = /articles: (\d+) new, 0 updated, 0 unchanged, 0 failed/.exec(run.output()) ?? [];
    expect(run.output()).toMatch(new RegExp(`stopped by SIGTERM after ${stored} of ${articles} files`));
    expect(Number(stored)).toBeLessThan(articles);
    await expectAllGone(below);

    await withDatabase(url, async ({ prisma }) => {
      expect(await prisma.article.count()).toBe(Number(stored));
      // Whole: every stored article has its search vector, quotes, mentions and places.
      const partial = await prisma.$queryRaw<{ id: number }[]>`
        SELECT a.id FROM "Article" a WHERE a."searchVector" IS NULL
          OR NOT EXISTS (SELECT 1 FROM "Quote" q WHERE q."articleId" = a.id)
          OR NOT EXISTS (SELECT 1 FROM "ArticlePerson" m WHERE m."articleId" = a.id)
          OR NOT EXISTS (SELECT 1 FROM "ArticleVenue" v WHERE v."articleId" = a.id)`;
      expect(partial).toEqual([]);
    });
  });

  it("stores a JSON Lines file's good lines and reports each bad one by line number", { timeout: 300_000 }, async () => {
    const folder = tempDir("newsgraph-npm-jsonl-");
    const good = (i: number) => JSON.stringify({ url: `https://example.com/feed/${i}`, text: syntheticArticle(i, 11).content });
    const lines = [good(1), "{not json", JSON.stringify({ title: "no body" }), "", good(2), JSON.stringify({ text: "x", url: 42 })];
    const file = path.join(folder, "feed.jsonl");
    fs.writeFileSync(file, lines.join("\n"));
    const url = `pglite:${tempDir("newsgraph-npm-jsonl-db-")}`;
    const run = npm(["run", "ingest", "--", file], { DATABASE_URL: url, LOG_LEVEL: "silent" });
    const { code } = await run.exited;
    const output = run.output();
    expect(code, output).toBe(1);
    expect(output).toMatch(/articles: 2 new, 0 updated, 0 unchanged, 3 failed/);
    expect(output).toMatch(/failed: \S*feed\.jsonl:2: line is not valid JSON/);
    expect(output).toMatch(/failed: \S*feed\.jsonl:3: a record needs a non-empty "text" or "html" string/);
    expect(output).toMatch(/failed: \S*feed\.jsonl:6: "url" must be a string/);
    await withDatabase(url, async ({ prisma }) => {
      const urls = (await prisma.article.findMany({ select: { url: true }, orderBy: { id: "asc" } })).map((a) => a.url);
      expect(urls).toEqual(["https://example.com/feed/1", "https://example.com/feed/2"]);
    });
  });
});
