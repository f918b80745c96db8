// What one document's ingest came to, and who hears of it. Apart from the pipeline so that
// the server can count outcomes for /metrics without loading the extractor (HTML parser,
// date parser, name tagger) before the first article arrives.
import type { StoreStatus } from "./store.js";

export interface IngestOutcome {
  origin: string;
  status: StoreStatus | "failed";
  articleId?: number;
  /** Persons and venues the stored article links to (for the articleIngested event). */
  personIds?: number[];
  venueIds?: number[];
  error?: string;
  /**
   * Set on failures that are not the input's fault (the database went away, a bug): the
   * same input may well succeed later. The job queue retries these.
   */
  retryable?: boolean;
  /** The error behind a failure that is not the input's fault, for the API to classify (never to show). */
  cause?: unknown;
  counts?: { persons: number; quotes: number; venues: number; comments: number };
  notes: string[];
}

/** Hears every document's outcome and how long it took; the server counts them for /metrics. */
export type IngestListener = (outcome: IngestOutcome, seconds: number) => void;
const listeners = new Set<IngestListener>();

/** Calls `listener` with every ingest outcome in this process until the returned function is called. */
export function onIngestOutcome(listener: IngestListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells the listeners of one outcome, timed from `startedAt` (performance.now()). */
export function reported(outcome: IngestOutcome, startedAt: number): IngestOutcome {
  return reportedAfter(outcome, (performance.now() - startedAt) / 1000);
}

/** Tells the listeners of an outcome that took `seconds` (the batch ingest measures its own). */
export function reportedAfter(outcome: IngestOutcome, seconds: number): IngestOutcome {
  for (const listener of listeners) listener(outcome, seconds);
  return outcome;
}
