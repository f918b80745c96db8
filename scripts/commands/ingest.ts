// newsgraph ingest PATH… [--workers N] [--batch-size N]   ingest files, folders or globs of scraped text, HTML or JSON Lines
//                                    (extraction on worker threads, writes in batches: src/ingest/bulk.ts)
// newsgraph ingest --reprocess       re-extract stored articles (all with --all) after the extractor changed
// newsgraph ingest --queue PATH…     queue the files for worker processes (newsgraph worker) instead (PostgreSQL)
// The summary goes to stdout; the progress bar, skipped files and the reasons for stopping
// go to stderr, so `newsgraph ingest DIR > report.txt` keeps only the summary.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import cliProgress from "cli-progress";
import { Command } from "commander";
import { glob } from "tinyglobby";
import { openMigratedDatabase } from "../../src/db/open.js";
import { DEFAULT_BATCH_SIZE, ingestBulk } from "../../src/ingest/bulk.js";
import { createExtractionPool, defaultExtractionWorkers } from "../../src/ingest/extract-pool.js";
import { reprocessArticles, type IngestOutcome } from "../../src/ingest/pipeline.js";
import { enqueueFiles, openQueue } from "../../src/ingest/queue.js";
import { positiveInteger, wholeNumber } from "../../src/setting-values.js";
import { IngestTally } from "../../src/ingest/tally.js";

const INPUT_EXTENSIONS = /\.(txt|text|html?|jsonl)$/i;
const SKIP_REASON = "not scraped text, HTML or JSON Lines (.txt, .text, .html, .htm, .jsonl)";

export interface ExpandedInputs {
  files: string[];
  /** Paths and globs that matched nothing. */
  missing: string[];
  /** Files found in folders whose extension is not an input format: named, not read. */
  skipped: string[];
}

/**
 * Expands paths, folders and globs into a sorted list of input files. A folder contributes
 * only its files of the input formats; a file or glob named outright is read whatever its
 * extension, as the person asked for it.
 */
export async function expandInputs(inputs: string[]): Promise<ExpandedInputs> {
  const files = new Set<string>();
  const skipped = new Set<string>();
  const missing: string[] = [];
  for (const input of inputs) {
    if (fs.existsSync(input) && fs.statSync(input).isDirectory()) {
      for (const f of await glob("**/*", { cwd: input, absolute: true })) (INPUT_EXTENSIONS.test(f) ? files : skipped).add(f);
    } else if (fs.existsSync(input)) files.add(path.resolve(input));
    else {
      const matched = await glob(input, { absolute: true });
      if (matched.length) for (const f of matched) files.add(f);
      else missing.push(input);
    }
  }
  for (const f of files) skipped.delete(f);
  return { files: [...files].sort(), missing, skipped: [...skipped].sort() };
}

/** The summary of a list of outcomes (see IngestTally). */
export function summarize(outcomes: IngestOutcome[], skipped = 0): string {
  const tally = new IngestTally();
  for (const outcome of outcomes) tally.add(outcome);
  return tally.summary(skipped);
}

interface IngestOptions {
  reprocess?: boolean;
  all?: boolean;
  queue?: boolean;
  jobTimeout: string;
  workers?: string;
  batchSize?: string;
}

export const ingestCommand = () => new Command("ingest")
  .description("ingest news articles into the newsgraph database (DATABASE_URL, default the embedded one)")
  .argument("[paths...]", "files, folders or globs")
  .option("--reprocess", "re-extract stored articles made by an older extractor")
  .option("--all", "with --reprocess: re-extract every stored article")
  .option("--workers <n>", "extraction worker threads (default INGEST_WORKERS, else one per core; 0: extract on the main thread)")
  .option("--batch-size <n>", `articles written per transaction (default INGEST_BATCH_SIZE, else ${DEFAULT_BATCH_SIZE})`)
  .option("--queue", "queue one job per file for `newsgraph worker` processes instead of ingesting here (needs PostgreSQL)")
  .option("--job-timeout <seconds>", "with --queue: seconds a worker may hold a job before another retries it", "300")
  .action(async (paths: string[], options: IngestOptions) => {
    if (!paths.length && !options.reprocess) throw new Error("name at least one file, folder or glob (or --reprocess)");
    if (options.queue) return queueFiles(paths, Number(options.jobTimeout));
    const workers = wholeNumber({ INGEST_WORKERS: options.workers ?? process.env.INGEST_WORKERS }, "INGEST_WORKERS", defaultExtractionWorkers());
    const batchSize = positiveInteger({ INGEST_BATCH_SIZE: options.batchSize ?? process.env.INGEST_BATCH_SIZE }, "INGEST_BATCH_SIZE", DEFAULT_BATCH_SIZE);
    const db = await openMigratedDatabase(process.env.DATABASE_URL);
    try {
      if (options.reprocess) {
        const outcomes = await reprocessArticles(db.prisma, { all: options.all });
        console.log(summarize(outcomes));
        if (outcomes.some((o) => o.status === "failed")) process.exitCode = 1;
        return;
      }
      const stopping = stopOnSignals();
      const { files, missing, skipped } = await expandInputs(paths);
      for (const file of skipped) console.error(`skipped: ${path.relative(process.cwd(), file)}: ${SKIP_REASON}`);
      const tally = new IngestTally();
      for (const m of missing) tally.add({ origin: m, status: "failed", error: "no such file, folder or matching glob", notes: [] });
      const pool = createExtractionPool(Math.min(workers, files.length));
      const progress = progressBar(files.length, tally);
      let done = 0;
      try {
        done = await ingestBulk(db, files.map((file) => ({ origin: path.relative(process.cwd(), file), read: () => fs.readFileSync(file) })), pool, {
          batchSize,
          signal: stopping.signal,
          onInput: (outcomes) => {
            for (const outcome of outcomes) tally.add(outcome);
            progress.increment();
          },
        });
      } finally {
        progress.stop();
        await pool.close();
      }
      console.log(tally.summary(skipped.length));
      if (tally.byStatus.failed) process.exitCode = 1;
      if (stopping.signal.aborted) {
        console.error(`stopped by ${stopping.signal.reason} after ${done} of ${files.length} files, the articles in hand stored whole: the same command again ingests the rest`);
        // 128 + the signal's number, as a shell reports a process the signal stopped: a batch
        // cut short is not a success to whatever runs it.
        process.exitCode = 128 + os.constants.signals[stopping.signal.reason as NodeJS.Signals];
      }
    } finally {
      await db.close();
    }
  });

/**
 * The progress bar on stderr: files done, articles stored per second over the last ten
 * seconds, and the time left at the recent pace. Off a terminal, a line a second.
 */
function progressBar(total: number, tally: IngestTally): { increment(): void; stop(): void } {
  const bar = new cliProgress.SingleBar({
    format: "ingest [{bar}] {value}/{total} files | {rate} articles/s | ETA {eta_formatted}",
    hideCursor: true, noTTYOutput: true, notTTYSchedule: 1_000, stream: process.stderr, etaBuffer: 200, fps: 5,
  }, cliProgress.Presets.shades_classic);
  // (time, articles) at each input done, the last ten seconds' worth: the recent rate.
  const recent: { at: number; articles: number }[] = [{ at: performance.now(), articles: tally.total }];
  const rate = () => {
    const now = { at: performance.now(), articles: tally.total };
    recent.push(now);
    while (recent.length > 2 && now.at - recent[0]!.at > 10_000) recent.shift();
    const first = recent[0]!;
    return ((now.articles - first.articles) / Math.max((now.at - first.at) / 1000, 1e-3)).toFixed(0);
  };
  bar.start(total, 0, { rate: "0" });
  return {
    increment: () => bar.increment({ rate: rate() }),
    stop: () => bar.stop(),
  };
}

/**
 * Turns the first SIGTERM or SIGINT into an aborted signal (its reason the signal's name),
 * so that the batch stops between articles and closes the database. Later ones are ignored:
 * Ctrl-C reaches the process twice under npm, from the terminal and forwarded by npm.
 */
function stopOnSignals(): AbortController {
  const controller = new AbortController();
  for (const name of ["SIGTERM", "SIGINT"] as const) {
    process.on(name, () => {
      if (!controller.signal.aborted) controller.abort(name);
    });
  }
  return controller;
}

/** Queues the files for the workers: every file is read first, so the batch is queued whole or not at all. */
async function queueFiles(paths: string[], jobTimeoutSeconds: number): Promise<void> {
  if (!(jobTimeoutSeconds > 0)) throw new Error("--job-timeout must be a positive number of seconds");
  const { files, missing, skipped } = await expandInputs(paths);
  for (const file of skipped) console.error(`skipped: ${path.relative(process.cwd(), file)}: ${SKIP_REASON}`);
  if (missing.length) throw new Error(`no such file, folder or matching glob: ${missing.join(", ")}`);
  const boss = await openQueue(process.env.DATABASE_URL, { jobTimeoutSeconds });
  try {
    const queued = await enqueueFiles(boss, files.map((file) => ({ origin: path.relative(process.cwd(), file), content: fs.readFileSync(file) })));
    console.log(`queued ${queued} files for ingest: run \`npm run worker\` on any machine that reaches the database`);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
