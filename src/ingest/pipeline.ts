// The whole ingest, one document at a time: read -> segment -> extract -> (resolve, store).
import type { PrismaClient } from "../generated/prisma/client.js";
import { admitDocument, admitExtraction } from "./admit.js";
import { EXTRACTOR_VERSION, extract } from "./extract.js";
import { readDocuments, readInput, type InputHints } from "./read.js";
import { reported, type IngestOutcome } from "./outcomes.js";
import { storeArticle } from "./store.js";
import { IngestError, type Extraction, type RawDocument } from "./types.js";

export { onIngestOutcome, type IngestListener, type IngestOutcome } from "./outcomes.js";

function counts(x: Extraction) {
  return { persons: x.persons.length, quotes: x.quotes.length, venues: x.venues.length, comments: x.comments.length };
}

/**
 * Lets timers and I/O run between articles. With the embedded database every await of an
 * ingest can resolve without real I/O, so a long batch would otherwise hold the event loop
 * (no progress output, no HTTP answers) until it ends.
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Ingests every document of one input; a bad document (or JSON Lines line) fails alone.
 * Once `signal` is aborted no further document is started (the one in hand is finished).
 */
export async function ingestInput(
  prisma: PrismaClient, origin: string, input: string | Uint8Array, hints: InputHints = {}, { signal }: { signal?: AbortSignal } = {},
): Promise<IngestOutcome[]> {
  let documents: (RawDocument | IngestError)[];
  try {
    documents = readDocuments(origin, input, hints);
  } catch (error) {
    return [unreadableInput(origin, error)];
  }
  const outcomes: IngestOutcome[] = [];
  for (const doc of documents) {
    if (signal?.aborted) break;
    outcomes.push(doc instanceof IngestError ? failure(origin, doc) : await ingestDocument(prisma, doc));
    await yieldToEventLoop();
  }
  return outcomes;
}

export async function ingestDocument(prisma: PrismaClient, doc: RawDocument, options: { reprocess?: boolean } = {}): Promise<IngestOutcome> {
  const startedAt = performance.now();
  try {
    admitDocument(doc);
    const x = extract(doc);
    admitExtraction(doc.origin, x);
    const stored = await storeArticle(prisma, doc, x, options);
    return reported({
      origin: doc.origin, status: stored.status, articleId: stored.articleId, personIds: stored.personIds, venueIds: stored.venueIds,
      counts: counts(x), notes: x.notes,
    }, startedAt);
  } catch (error) {
    return reported(failure(doc.origin, error), startedAt);
  }
}

/** The outcome of an input that could not even be read as a document, reported like any other. */
export function unreadableInput(origin: string, error: unknown): IngestOutcome {
  return reported(failure(origin, error), performance.now());
}

function failure(origin: string, error: unknown): IngestOutcome {
  const reason = error instanceof IngestError ? error.reason : `${(error as Error).message ?? error}`.split("\n").filter(Boolean).pop()!;
  if (error instanceof IngestError) return { origin: error.origin, status: "failed", error: reason, notes: [] };
  return { origin, status: "failed", error: reason, retryable: true, cause: error, notes: [] };
}

/** The hints stored with an article's raw input, as the reader takes them. */
function storedHints(row: { inputHints: unknown; format: string; url: string | null }): InputHints & { format: "text" | "html" } {
  const saved = (row.inputHints ?? {}) as { format?: string; url?: string; source?: string; title?: string; publishedAt?: string };
  // Articles stored before hints were kept: the format tells HTML from text; the url was kept.
  const format = saved.format === "html" || (!saved.format && row.format === "html") ? "html" : "text";
  return {
    format,
    url: saved.url ?? (row.inputHints ? undefined : row.url ?? undefined),
    source: saved.source,
    title: saved.title,
    publishedAt: saved.publishedAt ? new Date(saved.publishedAt) : undefined,
  };
}

/** Re-extracts stored articles from their raw input (all, or those from an older extractor). */
export async function reprocessArticles(prisma: PrismaClient, { all = false, ids }: { all?: boolean; ids?: number[] } = {}): Promise<IngestOutcome[]> {
  const rows = await prisma.article.findMany({
    where: ids ? { id: { in: ids } } : all ? {} : { extractorVersion: { lt: EXTRACTOR_VERSION } },
    select: { id: true, rawInput: true, format: true, url: true, inputHints: true },
    orderBy: { id: "asc" },
  });
  const outcomes: IngestOutcome[] = [];
  for (const row of rows) {
    const origin = `article ${row.id}`;
    try {
      const [doc] = readInput(origin, row.rawInput, storedHints(row));
      outcomes.push(await ingestDocument(prisma, { ...doc!, format: row.format as RawDocument["format"] }, { reprocess: true }));
    } catch (error) {
      outcomes.push(unreadableInput(origin, error));
    }
    await yieldToEventLoop();
  }
  return outcomes;
}
