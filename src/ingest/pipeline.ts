// The whole ingest, one document at a time: read -> segment -> extract -> (resolve, store).
import type { PrismaClient } from "../generated/prisma/client.js";
import { EXTRACTOR_VERSION } from "./extract.js";
import { prepareDocument, preparedFailure, type PreparedArticle, type PreparedFailure } from "./prepare.js";
import { readDocuments, readInput, type InputHints } from "./read.js";
import { reported, type IngestOutcome } from "./outcomes.js";
import { storeArticle, type StoreResult } from "./store.js";
import { IngestError, type Extraction, type RawDocument } from "./types.js";

export { onIngestOutcome, reportedAfter, type IngestListener, type IngestOutcome } from "./outcomes.js";

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
  const prepared = prepareDocument(doc);
  if (prepared.kind === "failed") return reported(failedOutcome(prepared), startedAt);
  try {
    return reported(storedOutcome(prepared, await storeArticle(prisma, doc, prepared.x, options)), startedAt);
  } catch (error) {
    return reported(failure(doc.origin, error), startedAt);
  }
}

/** The outcome of a prepared article once stored. */
export function storedOutcome({ doc, x }: PreparedArticle, stored: StoreResult): IngestOutcome {
  return {
    origin: doc.origin, status: stored.status, articleId: stored.articleId, personIds: stored.personIds, venueIds: stored.venueIds,
    counts: counts(x), notes: x.notes,
  };
}

/** The outcome of a document (or input) that failed before the database. */
export function failedOutcome({ origin, error, retryable, cause }: PreparedFailure): IngestOutcome {
  return { origin, status: "failed", error, notes: [], ...(retryable ? { retryable, cause } : {}) };
}

/** The outcome of an input that could not even be read as a document, reported like any other. */
export function unreadableInput(origin: string, error: unknown): IngestOutcome {
  return reported(failure(origin, error), performance.now());
}

export function failure(origin: string, error: unknown): IngestOutcome {
  return failedOutcome(preparedFailure(origin, error));
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

/** Stored articles read per query by reprocess: their raw inputs in memory at once, at most. */
const REPROCESS_PAGE = 100;

/** Re-extracts stored articles from their raw input (all, or those from an older extractor), in id order, a page at a time. */
export async function reprocessArticles(prisma: PrismaClient, { all = false, ids }: { all?: boolean; ids?: number[] } = {}): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  for (let after = 0; ;) {
    const rows = await prisma.article.findMany({
      where: { id: { gt: after, ...(ids ? { in: ids } : {}) }, ...(ids || all ? {} : { extractorVersion: { lt: EXTRACTOR_VERSION } }) },
      select: { id: true, rawInput: true, format: true, url: true, inputHints: true },
      orderBy: { id: "asc" },
      take: REPROCESS_PAGE,
    });
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
    if (rows.length < REPROCESS_PAGE) return outcomes;
    after = rows.at(-1)!.id;
  }
}
