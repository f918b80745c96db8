// npm run bench:ingest -- [--count 3000] [--workers N] [--batch-size 25] [--postgres postgresql://…] [--no-pglite] [--one-at-a-time]
// The batch ingest against its bound, in one run so that the machine's drift cancels:
//   1. extraction alone on the same worker threads, no database (before and after the
//      ingests, averaged): the rate no ingest on these cores can beat;
//   2. `npm run ingest`'s path (src/ingest/bulk.ts) into a fresh PostgreSQL database, and the
//      ratio of its rate to extraction alone;
//   3. the same into a fresh PGlite folder (the embedded default);
//   4. with --one-at-a-time, the old path too (ingestInput, one article per transaction, on
//      the main thread) into PostgreSQL.
// During each ingest the process's RSS (main thread, workers and PGlite alike) is sampled
// against the count ingested: flat means no growth with the count.
//
// On a machine shared with other work, wall-clock rates measure the share of the cores this
// run got as much as the run. So each phase also counts the CPU seconds it used: this
// process's (all its threads) plus, for PostgreSQL, its server processes serving the
// benchmark database (from /proc). CPU seconds per article, e for extraction alone and i for
// an ingest, give a ratio that holds under load: on otherwise idle cores that keep every
// thread busy, an ingest runs at e / i of extraction's rate.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import pino from "pino";
import { createDatabase, dropDatabase } from "../src/db/admin.js";
import { openMigratedDatabase } from "../src/db/open.js";
import type { SqlReader } from "../src/db/sql-reader.js";
import { Prisma } from "../src/generated/prisma/client.js";
import { DEFAULT_BATCH_SIZE, ingestBulk, type BulkInput } from "../src/ingest/bulk.js";
import { createExtractionPool, defaultExtractionWorkers, type ExtractionPool } from "../src/ingest/extract-pool.js";
import { ingestInput } from "../src/ingest/pipeline.js";
import { runCli } from "../scripts/run-cli.js";
import { syntheticArticle } from "./synthetic.js";

interface Options { count: string; workers?: string; batchSize: string; postgres: string; pglite: boolean; oneAtATime?: boolean; seed: string }

const MB = 1024 * 1024;
const rss = () => process.memoryUsage().rss;
const processCpuSeconds = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
};

/** Linux clock ticks per second (/proc's CPU times): 100 on every usual kernel. */
const CLOCK_TICKS = 100;

/**
 * CPU seconds used by the PostgreSQL server processes connected to one database, read from
 * /proc (the server must run on this machine): each process's last reading is kept, so one
 * that ends during the run still counts. Zero where /proc cannot be read.
 */
function postgresCpu(db: SqlReader | null) {
  const seen = new Map<number, number>();
  const read = async () => {
    if (!db) return;
    const rows = await db.query<{ pid: number }>(Prisma.sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`).catch(() => []);
    for (const { pid } of rows) {
      try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
        seen.set(pid, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
      } catch {
        // Gone, or another machine's: its last reading stands.
      }
    }
  };
  return { read, total: () => [...seen.values()].reduce((a, b) => a + b, 0) };
}

/** Runs `work` while sampling the RSS against the articles done; answers the rate and the RSS at fixed shares of the run. */
async function measured(count: number, work: (done: () => void) => Promise<void>, server: ReturnType<typeof postgresCpu> = postgresCpu(null)) {
  let done = 0;
  const samples: { done: number; rss: number }[] = [];
  await server.read();
  const serverCpuBefore = server.total();
  const sampler = setInterval(() => {
    samples.push({ done, rss: rss() });
    void server.read();
  }, 100);
  const cpuBefore = processCpuSeconds();
  const started = performance.now();
  try {
    await work(() => done++);
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  await server.read();
  const cpuSeconds = processCpuSeconds() - cpuBefore + server.total() - serverCpuBefore;
  samples.push({ done, rss: rss() });
  // The highest RSS seen while the first share of the articles was ingested, for each share.
  const upTo = (share: number) => Math.max(...samples.filter((s) => s.done <= count * share).map((s) => s.rss), 0);
  return { rate: count / seconds, seconds, cpuMsPerArticle: (cpuSeconds * 1000) / count, rss: { q1: upTo(0.25), half: upTo(0.5), end: upTo(1), peak: Math.max(...samples.map((s) => s.rss)) } };
}

const describeRss = (r: Awaited<ReturnType<typeof measured>>["rss"]) =>
  `RSS highest by 25% ${(r.q1 / MB).toFixed(0)} MB, by 50% ${(r.half / MB).toFixed(0)} MB, by 100% ${(r.end / MB).toFixed(0)} MB` +
  ` (growth over the last 75%: ${((r.end - r.q1) / MB).toFixed(0)} MB)`;

async function extractionAlone(pool: ExtractionPool, inputs: BulkInput[]) {
  return measured(inputs.length, async (done) => {
    // As the ingest does: a bounded window of inputs in flight.
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < inputs.length; i = next++) {
        await pool.prepare(inputs[i]!.origin, inputs[i]!.read());
        done();
      }
    };
    await Promise.all(Array.from({ length: Math.max(2, pool.size * 2) }, lane));
  });
}

/** A fresh database: a new PostgreSQL database on the server, or an empty PGlite folder. */
async function freshDatabase(kind: "postgres" | "pglite", serverUrl: string) {
  if (kind === "postgres") {
    const name = `newsgraph_bench_${Date.now()}`;
    const url = await createDatabase(serverUrl, name);
    return { url, drop: () => dropDatabase(serverUrl, name) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-bench-"));
  return { url: `pglite:${dir}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function ingestInto(kind: "postgres" | "pglite", serverUrl: string, inputs: BulkInput[], pool: ExtractionPool | null, batchSize: number) {
  const target = await freshDatabase(kind, serverUrl);
  const db = await openMigratedDatabase(target.url, pino({ level: "silent" }));
  try {
    let failed = 0;
    const server = postgresCpu(kind === "postgres" ? db : null);
    const result = await measured(inputs.length, async (done) => {
      if (pool) {
        await ingestBulk(db, inputs, pool, { batchSize, onInput: (outcomes) => { failed += outcomes.filter((o) => o.status === "failed").length; done(); } });
      } else {
        for (const input of inputs) {
          const outcomes = await ingestInput(db.prisma, input.origin, input.read());
          failed += outcomes.filter((o) => o.status === "failed").length;
          done();
        }
      }
    }, server);
    const stored = await db.prisma.article.count();
    return { ...result, stored, failed };
  } finally {
    await db.close();
    await target.drop();
  }
}

const program = new Command("bench-ingest")
  .option("--count <n>", "articles per measurement", "3000")
  .option("--workers <n>", "extraction worker threads (default: one per core)")
  .option("--batch-size <n>", "articles per transaction", String(DEFAULT_BATCH_SIZE))
  .option("--postgres <url>", "PostgreSQL server to create the benchmark database on", "postgresql://postgres@127.0.0.1:5432/postgres")
  .option("--no-pglite", "leave out the PGlite ingest")
  .option("--one-at-a-time", "also ingest the old way (one article per transaction, extraction on the main thread) into PostgreSQL")
  .option("--seed <n>", "corpus seed", "1")
  .action(async (options: Options) => {
    const count = Number(options.count);
    const workers = options.workers === undefined ? defaultExtractionWorkers() : Number(options.workers);
    const batchSize = Number(options.batchSize);
    const inputs: BulkInput[] = Array.from({ length: count }, (_, i) => {
      const article = syntheticArticle(i, Number(options.seed));
      return { origin: article.name, read: () => article.content };
    });
    const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");
    console.log(`${count} synthetic articles, ${workers} extraction workers on ${os.availableParallelism()} cores, batches of ${batchSize}; load average at start ${load()}`);
    const pool = createExtractionPool(workers);
    try {
      // Warm-up: every worker loads its model and gazetteer before anything is timed.
      await Promise.all(Array.from({ length: Math.max(4, workers * 4) }, (_, i) => pool.prepare(`warm-${i}`, syntheticArticle(i, Number(options.seed) + 7).content)));

      const before = await extractionAlone(pool, inputs);
      const cpu = (m: { cpuMsPerArticle: number }) => `${m.cpuMsPerArticle.toFixed(1)} ms CPU per article`;
      console.log(`extraction alone (before): ${before.rate.toFixed(0)} articles/s, ${cpu(before)}`);
      const pg = await ingestInto("postgres", options.postgres, inputs, pool, batchSize);
      console.log(`ingest into PostgreSQL: ${pg.rate.toFixed(0)} articles/s, ${cpu(pg)} (this process and its PostgreSQL server processes), ${pg.stored} stored, ${pg.failed} failed; ${describeRss(pg.rss)}`);
      const lite = options.pglite ? await ingestInto("pglite", options.postgres, inputs, pool, batchSize) : null;
      if (lite) console.log(`ingest into PGlite (a folder on disk): ${lite.rate.toFixed(0)} articles/s, ${cpu(lite)}, ${lite.stored} stored, ${lite.failed} failed; ${describeRss(lite.rss)}`);
      const old = options.oneAtATime ? await ingestInto("postgres", options.postgres, inputs, null, batchSize) : null;
      if (old) console.log(`one at a time into PostgreSQL (the old path): ${old.rate.toFixed(0)} articles/s, ${cpu(old)}, ${old.stored} stored`);
      const after = await extractionAlone(pool, inputs);
      console.log(`extraction alone (after): ${after.rate.toFixed(0)} articles/s, ${cpu(after)}`);

      const bound = (before.rate + after.rate) / 2;
      console.log(`ratio to extraction alone (${bound.toFixed(0)} articles/s, the mean of before and after): PostgreSQL ${(pg.rate / bound).toFixed(2)}` +
        (lite ? `, PGlite ${(lite.rate / bound).toFixed(2)}` : "") + (old ? `, one at a time ${(old.rate / bound).toFixed(2)}` : "") +
        ` (target ≥ 0.7 for PostgreSQL); load average at end ${load()}`);
      const e = (before.cpuMsPerArticle + after.cpuMsPerArticle) / 2;
      console.log(`ratio of CPU per article, extraction alone to ingest (${e.toFixed(1)} ms): PostgreSQL ${(e / pg.cpuMsPerArticle).toFixed(2)}` +
        (lite ? `, PGlite ${(e / lite.cpuMsPerArticle).toFixed(2)}` : "") + (old ? `, one at a time ${(e / old.cpuMsPerArticle).toFixed(2)}` : ""));
    } finally {
      await pool.close();
    }
  });

runCli(program);
