// Batch ingest spread over worker processes, on any number of machines, through a job queue
// in the PostgreSQL database the articles go to (pg-boss). One job per input file:
//   - none lost: a job stays in the database until a worker finishes it; one whose worker
//     died (kill -9, a lost machine) expires and is retried by another worker;
//   - none duplicated: a retried job ingests the same content again, which the content hash
//     makes a no-op ("unchanged"), and each article is stored in one transaction.
// The queue needs PostgreSQL: the embedded PGlite lives inside one process.
import PgBoss from "pg-boss";
import { DatabaseConfigError, resolveDatabaseTarget } from "../db/target.js";
import { storePrepared } from "./bulk.js";
import type { StoreTarget } from "./store-batch.js";
import { createExtractionPool, type ExtractionPool } from "./extract-pool.js";
import type { IngestOutcome } from "./pipeline.js";

export const INGEST_QUEUE = "newsgraph-ingest";

/** One input file to ingest; the bytes travel as base64 so binary input fails the same way as from disk. */
export interface IngestJob {
  origin: string;
  content: string;
}

export interface QueueOptions {
  /** Seconds a worker may hold a job before it counts as lost and is retried. */
  jobTimeoutSeconds?: number;
  /** How often expired jobs are looked for (pg-boss maintenance). */
  maintenanceSeconds?: number;
}

/** Tries a job this many times before it is left failed (a database outage, a crash loop). */
const RETRY_LIMIT = 5;

export async function openQueue(databaseUrl: string | undefined, { jobTimeoutSeconds = 300, maintenanceSeconds = 30 }: QueueOptions = {}): Promise<PgBoss> {
  const target = resolveDatabaseTarget(databaseUrl);
  if (target.kind !== "postgres") {
    throw new DatabaseConfigError(`the ingest queue needs PostgreSQL (DATABASE_URL=postgresql://…), not ${target.label}`);
  }
  const boss = new PgBoss({
    connectionString: target.url,
    application_name: "newsgraph-queue",
    max: 4,
    maintenanceIntervalSeconds: maintenanceSeconds,
    // Finished jobs are kept a week, with what each ingested, for anyone checking a batch.
    deleteAfterDays: 7,
  });
  boss.on("error", () => {}); // reported by the calls that fail; keeps a lost connection from crashing the process
  await boss.start();
  await boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, expireInSeconds: jobTimeoutSeconds, retryLimit: RETRY_LIMIT, retryDelay: 1 });
  return boss;
}

/** Queues one job per file; answers how many were queued. */
export async function enqueueFiles(boss: PgBoss, files: { origin: string; content: Buffer }[]): Promise<number> {
  const jobs = files.map((file) => ({ name: INGEST_QUEUE, data: { origin: file.origin, content: file.content.toString("base64") } satisfies IngestJob }));
  // insert() writes every job in one statement: a batch is queued whole or not at all.
  if (jobs.length) await boss.insert(jobs);
  return jobs.length;
}

/** Jobs not finished yet: waiting, being retried, or held by a worker. */
export function unfinishedJobs(boss: PgBoss): Promise<number> {
  return boss.getQueueSize(INGEST_QUEUE, { before: "completed" });
}

/** Jobs a worker takes per fetch: pg-boss waits its polling interval between fetches. */
const JOBS_PER_FETCH = 10;

/**
 * Works on ingest jobs until stopped: `concurrency` batches at a time in this process. A
 * fetched batch's files are extracted at once on the extraction pool's worker threads (when
 * given; without one, on this thread), then each job's articles are written in one
 * transaction on the driver (store-batch.ts), job after job, each reported as soon as it is
 * stored. Input the extractor rejects (binary, empty …) completes its job with the reason;
 * errors of the database or the process fail the batch, whose jobs are retried (those done
 * already come back unchanged).
 */
export async function workIngestJobs(
  boss: PgBoss,
  db: StoreTarget,
  { concurrency = 2, onOutcomes, pool = createExtractionPool(0) }: { concurrency?: number; onOutcomes?: (outcomes: IngestOutcome[]) => void; pool?: ExtractionPool } = {},
): Promise<void> {
  for (let i = 0; i < concurrency; i++) {
    await boss.work<IngestJob>(INGEST_QUEUE, { batchSize: JOBS_PER_FETCH, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      const extracted = jobs.map((job) => pool.prepare(job.data.origin, Buffer.from(job.data.content, "base64")));
      // Settled whatever happens below, so no rejection is left unheard.
      for (const p of extracted) p.catch(() => {});
      const results = [];
      for (const prepared of extracted) {
        const [outcomes] = await storePrepared(db, [await prepared]);
        onOutcomes?.(outcomes!);
        const retryable = outcomes!.find((outcome) => outcome.retryable);
        // Thrown, the batch goes back to the queue.
        if (retryable) throw new Error(`${retryable.origin}: ${retryable.error}`);
        results.push(...outcomes!.map(({ origin, status, error }) => ({ origin, status, error })));
      }
      return results;
    });
  }
}
