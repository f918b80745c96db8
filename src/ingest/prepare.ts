// Everything of an ingest before the database: read an input into documents, admit each,
// extract it. Pure (no database, no shared state), so it runs the same on the main thread
// and in the extraction workers (extract-pool.ts), and its results cross between threads as
// plain data (structured clone): documents and extractions, or failures as strings.
import { admitDocument, admitExtraction } from "./admit.js";
import { extract } from "./extract.js";
import { readDocuments, type InputHints } from "./read.js";
import { IngestError, type Extraction, type RawDocument } from "./types.js";

/** A document ready to store. */
export interface PreparedArticle {
  kind: "article";
  doc: RawDocument;
  x: Extraction;
  /** Time spent reading and extracting it, for the ingest metrics. */
  seconds: number;
}

/** A document (or a whole input) that cannot be stored, with the reason shown to a person. */
export interface PreparedFailure {
  kind: "failed";
  origin: string;
  error: string;
  /** Not the input's fault (a bug, the process): the same input may well succeed later. */
  retryable?: boolean;
  /** The error behind a retryable failure (an Error survives the trip between threads). */
  cause?: unknown;
  seconds: number;
}

export type Prepared = PreparedArticle | PreparedFailure;

/** The failure of `origin`: an IngestError names its own origin and reason; anything else is retryable. */
export function preparedFailure(origin: string, error: unknown, seconds = 0): PreparedFailure {
  if (error instanceof IngestError) return { kind: "failed", origin: error.origin, error: error.reason, seconds };
  const reason = `${(error as Error)?.message ?? error}`.split("\n").filter(Boolean).pop() ?? "unknown error";
  return { kind: "failed", origin, error: reason, retryable: true, cause: error, seconds };
}

/** Admits and extracts one document. */
export function prepareDocument(doc: RawDocument): Prepared {
  const startedAt = performance.now();
  try {
    admitDocument(doc);
    const x = extract(doc);
    admitExtraction(doc.origin, x);
    return { kind: "article", doc, x, seconds: (performance.now() - startedAt) / 1000 };
  } catch (error) {
    return preparedFailure(doc.origin, error, (performance.now() - startedAt) / 1000);
  }
}

/**
 * Every document of one input, prepared, in order. A bad document (or JSON Lines line) fails
 * alone; an input that cannot be read at all is one failure.
 */
export function prepareInput(origin: string, input: string | Uint8Array, hints: InputHints = {}): Prepared[] {
  let documents: (RawDocument | IngestError)[];
  try {
    documents = readDocuments(origin, input, hints);
  } catch (error) {
    return [preparedFailure(origin, error)];
  }
  return documents.map((doc) => (doc instanceof IngestError ? preparedFailure(origin, doc) : prepareDocument(doc)));
}
