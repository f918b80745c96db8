// npm run bench:ingest -- [--count 1000] [--database pglite:memory|pglite:DIR|postgresql://…] [--concurrency 1]
// Ingests a synthetic corpus (extraction included) into a fresh database and prints
// articles per second and the process's peak memory.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import pino from "pino";
import { createDatabase, dropDatabase } from "../src/db/admin.js";
import { openMigratedDatabase } from "../src/db/open.js";
import { ingestInput } from "../src/ingest/pipeline.js";
import { runCli } from "../scripts/run-cli.js";
import { syntheticArticle } from "./synthetic.js";

interface Options { count: string; database: string; concurrency: string; seed: string }

/** A fresh database for the run: a new PostgreSQL database, or an empty PGlite folder. */
async function freshTarget(database: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (database.startsWith("postgres")) {
    const name = `newsgraph_bench_${Date.now()}`;
    return { url: await createDatabase(database, name), drop: () => dropDatabase(database, name) };
  }
  if (database === "pglite:disk") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-bench-"));
    return { url: `pglite:${dir}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  return { url: database, drop: async () => {} };
}

const program = new Command("bench-ingest")
  .option("--count <n>", "articles to ingest", "1000")
  .option("--database <target>", "pglite:memory, pglite:disk (a temporary folder) or a PostgreSQL server URL", "pglite:disk")
  .option("--concurrency <n>", "articles ingested at once (PostgreSQL uses its pool)", "1")
  .option("--seed <n>", "corpus seed", "1")
  .action(async ({ count, database, concurrency, seed }: Options) => {
    const articles = Array.from({ length: Number(count) }, (_, i) => syntheticArticle(i, Number(seed)));
    const target = await freshTarget(database);
    const db = await openMigratedDatabase(target.url, pino({ level: "silent" }));
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    try {
      // Warm-up on other articles, as a running server is warm.
      for (let i = 0; i < 20; i++) await ingestInput(db.prisma, `warm-${i}`, syntheticArticle(i, Number(seed) + 7).content);
      const started = performance.now();
      let next = 0;
      let failed = 0;
      const worker = async () => {
        for (let i = next++; i < articles.length; i = next++) {
          const [outcome] = await ingestInput(db.prisma, articles[i]!.name, articles[i]!.content);
          if (outcome!.status === "failed") failed++;
        }
      };
      await Promise.all(Array.from({ length: Number(concurrency) }, worker));
      const seconds = (performance.now() - started) / 1000;
      const stored = await db.prisma.article.count();
      console.log(
        `ingest: ${count} articles into ${db.target.kind} (${database === "pglite:disk" ? "on disk" : database.startsWith("postgres") ? "PostgreSQL" : "in memory"}),` +
          ` concurrency ${concurrency}: ${(Number(count) / seconds).toFixed(1)} articles/s, ${seconds.toFixed(1)} s,` +
          ` peak RSS ${(Math.max(peakRss, process.memoryUsage().rss) / 1024 / 1024).toFixed(0)} MB, ${stored - 20} stored, ${failed} failed`,
      );
    } finally {
      clearInterval(sampler);
      await db.close();
      await target.drop();
    }
  });

runCli(program);
