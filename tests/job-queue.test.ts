// Batch ingest across worker processes through the job queue (pg-boss on PostgreSQL): one
// worker is killed with -9 while it holds jobs; the others finish the batch. Every article
// is stored exactly once and whole, duplicates in the batch add nothing, no job is lost.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { syntheticArticle } from "../bench/synthetic.js";
import { openMigratedDatabase } from "../src/db/open.js";
import { createPostgresDatabase, quietLog } from "./helpers/databases.js";
import { PROJECT_ROOT } from "./helpers/shared.js";

if (!process.env.TEST_DATABASE_URL) console.warn("[newsgraph tests] TEST_DATABASE_URL is unset: the job queue suite (pg-boss needs PostgreSQL) is skipped");

const ARTICLES = 120;
const DUPLICATES = 20;

function run(script: string, args: string[], databaseUrl: string) {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "info" },
  });
  const state = { output: "", child, exit: new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal }))) };
  child.stdout.on("data", (c) => (state.output += c));
  child.stderr.on("data", (c) => (state.output += c));
  return state;
}

const ingestedLines = (output: string) => output.split("\n").filter((line) => line.includes('"msg":"ingested"')).length;

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("batch ingest through the job queue", () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)("survives a worker killed with -9: every article once and whole, no job lost", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-queue-"));
    for (let i = 0; i < ARTICLES; i++) {
      const article = syntheticArticle(i, 99);
      fs.writeFileSync(path.join(folder, article.name), article.content);
      // The same content again under another name: the same article.
      if (i < DUPLICATES) fs.writeFileSync(path.join(folder, `copy-of-${article.name}`), article.content);
    }
    const database = await createPostgresDatabase(process.env.TEST_DATABASE_URL!);
    const workers: ReturnType<typeof run>[] = [];
    try {
      // The schema first, as a deployment migrates before it starts workers.
      await (await openMigratedDatabase(database.url, quietLog)).close();
      const queued = run("scripts/ingest.ts", ["--queue", folder, "--job-timeout", "3"], database.url);
      expect((await queued.exit).code, queued.output).toBe(0);
      expect(queued.output).toContain(`queued ${ARTICLES + DUPLICATES} files`);

      for (let i = 0; i < 3; i++) workers.push(run("scripts/worker.ts", ["--concurrency", "1", "--workers", "1", "--until-empty", "--maintenance-seconds", "1"], database.url));
      const [victim, ...survivors] = workers;
      // Killed once it has stored a few articles: it holds the rest of its fetched jobs.
      // Each worker starts an extraction thread that loads the name tagger's model and the
      // gazetteer before its first article: on a loaded machine that takes a while.
      await until(() => ingestedLines(victim!.output) >= 3, 150_000, `the first worker to ingest:\n${victim!.output}`);
      victim!.child.kill("SIGKILL");
      expect((await victim!.exit).signal).toBe("SIGKILL");
      for (const survivor of survivors) expect((await survivor.exit).code, survivor.output).toBe(0);

      const client = new pg.Client(database.url);
      await client.connect();
      try {
        const count = async (sql: string) => (await client.query<{ n: number }>(sql)).rows[0]!.n;
        expect(await count(`SELECT count(*)::int AS n FROM "Article"`)).toBe(ARTICLES);
        expect(await count(`SELECT count(DISTINCT title)::int AS n FROM "Article"`)).toBe(ARTICLES);
        expect(await count(`SELECT count(*)::int AS n FROM "Article" a WHERE a."searchVector" IS NULL
          OR NOT EXISTS (SELECT 1 FROM "Quote" q WHERE q."articleId" = a.id)
          OR NOT EXISTS (SELECT 1 FROM "ArticlePerson" m WHERE m."articleId" = a.id)`)).toBe(0);
        // Every job finished; those the killed worker held were retried by the others.
        const states = (await client.query<{ state: string; n: number }>(`SELECT state::text, count(*)::int AS n FROM pgboss.job GROUP BY 1`)).rows;
        expect(states).toEqual([{ state: "completed", n: ARTICLES + DUPLICATES }]);
        expect(await count(`SELECT count(*)::int AS n FROM pgboss.job WHERE retry_count > 0`)).toBeGreaterThan(0);
      } finally {
        await client.end();
      }
    } finally {
      for (const worker of workers) (worker.child as ChildProcess).kill("SIGKILL");
      await database.drop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 300_000);
});
