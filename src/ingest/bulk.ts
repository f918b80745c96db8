// Batch ingest of many inputs: extraction on worker threads (extract-pool.ts) ahead of the
// writes, which go to the database in batches of articles (store-batch.ts), while the workers
// go on extracting the next inputs. Inputs are stored and reported in the order given, so
// the database and the report end as with one input at a time (pipeline.ts's ingestInput).
//
// Memory stays flat whatever the count: only a bounded window of inputs is read and
// extracted ahead of the writes, and each input's outcomes go to the caller as soon as they
// are stored, to count and let go of.
import type { ExtractionPool } from "./extract-pool.js";
import { failedOutcome, failure, reportedAfter, storedOutcome, type IngestOutcome } from "./pipeline.js";
import { preparedFailure, type Prepared, type PreparedArticle } from "./prepare.js";
import type { InputHints } from "./read.js";
import { storeArticles, type StoreTarget } from "./store-batch.js";

/** One input of a batch ingest: read when its turn to be extracted comes. */
export interface BulkInput {
  origin: string;
  read(): string | Uint8Array;
  hints?: InputHints;
}

export interface BulkOptions {
  /** Articles written per transaction, at most. */
  batchSize?: number;
  /** Inputs read and extracted ahead of the writes, at most (default: twice the batch size). */
  window?: number;
  /** Bytes of input read ahead of the writes, at most (a window of large JSON Lines files). */
  windowBytes?: number;
  /** Once aborted, no further input is started; the batch in hand is stored whole. */
  signal?: AbortSignal;
  /** Each input's outcomes, in input order, once stored. */
  onInput?(outcomes: IngestOutcome[], input: BulkInput): void;
}

export const DEFAULT_BATCH_SIZE = 25;
const DEFAULT_WINDOW_BYTES = 64 * 1024 * 1024;

interface Pending {
  input: BulkInput;
  bytes: number;
  settled: boolean;
  prepared: Promise<Prepared[]>;
}

/** Ingests the inputs in order; answers how many were ingested (all, unless stopped). */
export async function ingestBulk(db: StoreTarget, inputs: Iterable<BulkInput>, pool: ExtractionPool, options: BulkOptions = {}): Promise<number> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const window = Math.max(1, options.window ?? 2 * batchSize);
  const windowBytes = options.windowBytes ?? DEFAULT_WINDOW_BYTES;
  const source = inputs[Symbol.iterator]();
  const ahead: Pending[] = [];
  let bytesAhead = 0;
  let exhausted = false;
  let done = 0;

  const fill = () => {
    while (!exhausted && !options.signal?.aborted && ahead.length < window && (bytesAhead < windowBytes || !ahead.length)) {
      const next = source.next();
      if (next.done) {
        exhausted = true;
        return;
      }
      ahead.push(start(pool, next.value));
      bytesAhead += ahead.at(-1)!.bytes;
    }
  };

  fill();
  while (ahead.length) {
    // A batch: the next input, waited for, then those already extracted behind it, up to the
    // batch size. Writes never wait for an extraction they could do without.
    const batch: { input: BulkInput; prepared: Prepared[] }[] = [];
    let articles = 0;
    while (ahead.length && articles < batchSize && (!batch.length || ahead[0]!.settled)) {
      const next = ahead.shift()!;
      bytesAhead -= next.bytes;
      const prepared = await next.prepared;
      batch.push({ input: next.input, prepared });
      articles += prepared.filter((p) => p.kind === "article").length;
      fill();
    }
    for (const [index, outcomes] of (await storePrepared(db, batch.map((b) => b.prepared))).entries()) {
      options.onInput?.(outcomes, batch[index]!.input);
      done++;
    }
    if (options.signal?.aborted) break;
    fill();
  }
  return done;
}

/** Starts reading and extracting one input; a read or extraction that throws becomes its failure. */
function start(pool: ExtractionPool, input: BulkInput): Pending {
  let content: string | Uint8Array;
  try {
    content = input.read();
  } catch (error) {
    const item: Pending = { input, bytes: 0, settled: true, prepared: Promise.resolve([preparedFailure(input.origin, error)]) };
    return item;
  }
  const item: Pending = { input, bytes: content.length, settled: false, prepared: Promise.resolve([]) };
  item.prepared = pool.prepare(input.origin, content, input.hints)
    .catch((error: unknown) => [preparedFailure(input.origin, error)])
    .finally(() => (item.settled = true));
  return item;
}

/**
 * Stores the articles of several inputs' prepared documents as one batch; answers each
 * input's outcomes, in order, and tells the ingest listeners (metrics) of each.
 */
export async function storePrepared(db: StoreTarget, inputs: Prepared[][], { reprocess = false } = {}): Promise<IngestOutcome[][]> {
  const articles = inputs.flat().filter((p): p is PreparedArticle => p.kind === "article");
  const startedAt = performance.now();
  const results = await storeArticles(db, articles, { reprocess });
  // The batch's write time, shared evenly among its articles.
  const writeSeconds = articles.length ? (performance.now() - startedAt) / 1000 / articles.length : 0;
  let next = 0;
  return inputs.map((prepared) => prepared.map((p) => {
    if (p.kind === "failed") return reportedAfter(failedOutcome(p), p.seconds);
    const result = results[next++]!;
    const outcome = result.ok ? storedOutcome(p, result.stored) : failure(p.doc.origin, result.error);
    return reportedAfter(outcome, p.seconds + writeSeconds);
  }));
}
