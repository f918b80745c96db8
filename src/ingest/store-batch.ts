// Stores several extracted articles in one transaction: a batch ingest's writes, with one
// commit (one WAL flush on PostgreSQL, one transaction's bookkeeping) for the lot instead
// of one per article. Each article's statements are store.ts's, in the same order as one at
// a time, so the database ends the same. They go straight to the driver (raw-transaction.ts)
// where the database offers it: the Prisma client's handling of each statement cost the
// main thread more than the database spent running it.
//
// Each article is still stored whole or not at all: should any statement of the batch fail
// (an article the database refuses, a deadlock with a concurrent ingest), the transaction
// is rolled back whole and every article of the batch is stored again in a transaction of
// its own (storeArticle, with its retries), so only the faulty one fails. Failures are rare,
// so this costs less than a savepoint around every article (two more round trips each).
import type { RawTransactionRunner } from "../db/raw-transaction.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { storeArticle, storeInTransaction, type StoreResult } from "./store.js";
import type { Extraction, RawDocument } from "./types.js";

export interface ArticleToStore {
  doc: RawDocument;
  x: Extraction;
}

/** What became of one article of a batch: stored (or found unchanged), or the error it failed with. */
export type BatchResult = { ok: true; stored: StoreResult } | { ok: false; error: unknown };

/** Where a batch goes: the Prisma client, and the driver's own transactions where there are any (a Database). */
export interface StoreTarget {
  prisma: PrismaClient;
  rawTransaction?: RawTransactionRunner;
}

/** Long enough for a batch on a loaded machine; a stuck batch still ends. */
const BATCH_TIMEOUT_MS = 120_000;

export async function storeArticles(
  { prisma, rawTransaction }: StoreTarget, articles: ArticleToStore[], { reprocess = false } = {},
): Promise<BatchResult[]> {
  // Even one article goes to the driver when it can: the client's overhead is per statement.
  if (articles.length > 1 || (articles.length === 1 && rawTransaction)) {
    try {
      const transaction: RawTransactionRunner = rawTransaction ??
        ((work) => prisma.$transaction((tx) => work(tx), { timeout: BATCH_TIMEOUT_MS, maxWait: BATCH_TIMEOUT_MS }));
      const stored = await transaction(async (tx) => {
        const results: StoreResult[] = [];
        for (const { doc, x } of articles) results.push(await storeInTransaction(tx, doc, x, { reprocess }));
        return results;
      });
      return stored.map((result) => ({ ok: true, stored: result }));
    } catch {
      // Rolled back whole: one by one below finds which article fails, and stores the rest.
    }
  }
  const results: BatchResult[] = [];
  for (const { doc, x } of articles) {
    try {
      results.push({ ok: true, stored: await storeArticle(prisma, doc, x, { reprocess }) });
    } catch (error) {
      results.push({ ok: false, error });
    }
  }
  return results;
}
