// newsgraph worker [--concurrency N] [--workers N] [--until-empty]
// Works on the queued ingest jobs (newsgraph ingest --queue PATH…) of DATABASE_URL's
// PostgreSQL database. Start as many as the machines allow, anywhere the database is
// reachable: each job is one file, stored by exactly one of them.
import { Command } from "commander";
import { openMigratedDatabase } from "../../src/db/open.js";
import { createExtractionPool, defaultExtractionWorkers } from "../../src/ingest/extract-pool.js";
import { openQueue, unfinishedJobs, workIngestJobs } from "../../src/ingest/queue.js";
import { createLogger } from "../../src/logger.js";
import { wholeNumber } from "../../src/setting-values.js";

export const workerCommand = () => new Command("worker")
  .description("ingest queued articles into the newsgraph database (DATABASE_URL, PostgreSQL)")
  .option("--concurrency <n>", "jobs worked on at once in this process", "2")
  .option("--workers <n>", "extraction worker threads (default INGEST_WORKERS, else one per core; 0: extract on the main thread)")
  .option("--until-empty", "exit once no job is left unfinished (for batch runs)")
  .option("--maintenance-seconds <s>", "how often to look for jobs whose worker died", "30")
  .action(async (options: { concurrency: string; workers?: string; untilEmpty?: boolean; maintenanceSeconds: string }) => {
    const log = createLogger(process.env.LOG_LEVEL ?? "info");
    const workers = wholeNumber({ INGEST_WORKERS: options.workers ?? process.env.INGEST_WORKERS }, "INGEST_WORKERS", defaultExtractionWorkers());
    const db = await openMigratedDatabase(process.env.DATABASE_URL, log);
    const boss = await openQueue(process.env.DATABASE_URL, { maintenanceSeconds: Number(options.maintenanceSeconds) }).catch(async (error) => {
      await db.close();
      throw error;
    });
    const totals = { new: 0, updated: 0, unchanged: 0, failed: 0 };
    const pool = createExtractionPool(workers);
    await workIngestJobs(boss, db, {
      concurrency: Number(options.concurrency),
      pool,
      onOutcomes: (outcomes) => {
        for (const o of outcomes) {
          totals[o.status]++;
          if (o.status === "failed") log.warn({ origin: o.origin, error: o.error, retryable: !!o.retryable }, "ingest failed");
          else log.info({ origin: o.origin, status: o.status, articleId: o.articleId }, "ingested");
        }
      },
    });
    log.info({ concurrency: Number(options.concurrency), extractionWorkers: pool.size }, "worker started");

    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      // Graceful: jobs in hand are finished before the process exits.
      await boss.stop({ graceful: true, wait: true, timeout: 60_000 });
      await pool.close();
      await db.close();
      log.info(totals, "worker stopped");
      process.exit(0);
    };
    process.on("SIGTERM", () => void stop());
    process.on("SIGINT", () => void stop());
    if (options.untilEmpty) {
      const poll = setInterval(async () => {
        if (!stopping && (await unfinishedJobs(boss).catch(() => 1)) === 0) {
          clearInterval(poll);
          await stop();
        }
      }, 1_000);
    }
  });
