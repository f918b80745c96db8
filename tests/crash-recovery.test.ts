// kill -9 during a batch ingest, then the same batch again: every article exactly once and
// none partial. The ingest CLI runs as a real process (node --import tsx, no wrapper process
// that could outlive the kill).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { syntheticArticle } from "../bench/synthetic.js";
import { openMigratedDatabase } from "../src/db/open.js";
import { createPostgresDatabase, quietLog } from "./helpers/databases.js";
import { PROJECT_ROOT } from "./helpers/shared.js";

const ARTICLES = 150;

function runIngest(databaseUrl: string, folder: string, killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", folder], {
    cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
  });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  // Kill a moment after the progress bar (a line a second off a terminal) shows files
  // done: mid-batch, and most likely mid-article.
  if (killAfterMs !== undefined) {
    const watch = setInterval(() => {
      if ([...output.matchAll(/(\d+)\/\d+ files/g)].some((m) => Number(m[1]) > 0)) {
        clearInterval(watch);
        setTimeout(() => child.kill("SIGKILL"), killAfterMs);
      }
    }, 20);
    child.once("exit", () => clearInterval(watch));
  }
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal, output })));
}

const targets: { name: string; available: boolean; create(): Promise<{ url: string; drop(): Promise<void> }> }[] = [
  {
    name: "pglite",
    available: true,
    async create() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-crash-"));
      return { url: `pglite:${dir}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
  },
  { name: "postgres", available: !!process.env.TEST_DATABASE_URL, create: () => createPostgresDatabase(process.env.TEST_DATABASE_URL!) },
];

describe.each(targets)("kill -9 during a batch ingest on $name", (target) => {
  it.skipIf(!target.available)("then the same batch again: every article exactly once, none partial", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-batch-"));
    for (let i = 0; i < ARTICLES; i++) {
      const article = syntheticArticle(i, 42);
      fs.writeFileSync(path.join(folder, article.name), article.content);
    }
    const database = await target.create();
    try {
      const killed = await runIngest(database.url, folder, 100);
      expect(killed.signal, killed.output).toBe("SIGKILL");
      const again = await runIngest(database.url, folder);
      expect(again.code, again.output).toBe(0);
      // The kill came mid-batch: the rerun found some articles stored and stored the rest.
      const [, added, kept] = /articles: (\d+) new, 0 updated, (\d+) unchanged, 0 failed/.exec(again.output) ?? [];
      expect(Number(added), again.output).toBeGreaterThan(0);
      expect(Number(kept), `${killed.output}\n---\n${again.output}`).toBeGreaterThan(0);

      const db = await openMigratedDatabase(database.url, quietLog);
      try {
        const p = db.prisma;
        expect(await p.article.count()).toBe(ARTICLES);
        const [{ distinct }] = await p.$queryRaw<{ distinct: number }[]>`SELECT count(DISTINCT title)::int AS distinct FROM "Article"`;
        expect(distinct).toBe(ARTICLES);
        // Whole: every article has its search vector, quotes, mentions and places.
        const partial = await p.$queryRaw<{ id: number }[]>`
          SELECT a.id FROM "Article" a WHERE a."searchVector" IS NULL
            OR NOT EXISTS (SELECT 1 FROM "Quote" q WHERE q."articleId" = a.id)
            OR NOT EXISTS (SELECT 1 FROM "ArticlePerson" m WHERE m."articleId" = a.id)
            OR NOT EXISTS (SELECT 1 FROM "ArticleVenue" v WHERE v."articleId" = a.id)`;
        expect(partial).toEqual([]);
      } finally {
        await db.close();
      }
    } finally {
      await database.drop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
