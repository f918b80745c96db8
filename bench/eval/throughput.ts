// Throughput: extraction alone, and ingest into the embedded database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openMigratedDatabase } from "../../src/db/open.js";
import { extract } from "../../src/ingest/extract.js";
import { ingestDocument } from "../../src/ingest/pipeline.js";
import { readInput } from "../../src/ingest/read.js";
import type { RawDocument } from "../../src/ingest/types.js";

/** Articles per second through `extract` on one core, over articles of more than 2 KB, for three seconds. */
export function extractionRate(docs: RawDocument[]): { rate: number; averageKb: number; articles: number } {
  const sample = docs.filter((d) => d.text.length > 2000);
  const start = performance.now();
  let extracted = 0;
  while (performance.now() - start < 3000) for (const d of sample) {
    extract(d);
    extracted++;
  }
  return {
    rate: extracted / ((performance.now() - start) / 1000),
    averageKb: sample.reduce((n, d) => n + d.text.length, 0) / sample.length / 1000,
    articles: sample.length,
  };
}

/** An article with a line added: nearly the same text to extract, another content hash to store. */
const copyOf = (d: RawDocument, line: string): RawDocument => ({ ...d, text: `${d.text}\n\n(${line})`, raw: `${d.raw}\n\n(${line})` });

/**
 * Articles per second into an embedded database, extraction included. The database is
 * warmed up first, as a running server's is: PGlite's WebAssembly runs several times slower
 * until V8 has optimised it, which takes a few hundred statements. The warm-up articles are
 * the seeds, the samples and a copy of each timed article with a line added (another
 * content hash, so the timed ones are still new).
 */
async function ingestRate(target: string, docs: RawDocument[], warmUpDocs: RawDocument[]): Promise<number> {
  const db = await openMigratedDatabase(target);
  try {
    for (const d of warmUpDocs) await ingestDocument(db.prisma, d);
    for (const d of docs) await ingestDocument(db.prisma, copyOf(d, "warm-up copy"));
    // Timed: the articles and a second copy of each, for a span long enough to time.
    const timed = [...docs, ...docs.map((d) => copyOf(d, "second copy"))];
    const started = performance.now();
    for (const d of timed) await ingestDocument(db.prisma, d);
    return timed.length / ((performance.now() - started) / 1000);
  } finally {
    await db.close();
  }
}

export async function ingestRates(project: string, seedFiles: string[], docs: RawDocument[]): Promise<{ memory: number; disk: number; timed: number; warmUp: number }> {
  const samples = path.join(project, "prisma/sample-articles");
  const warmUpDocs = [...seedFiles, ...fs.readdirSync(samples).filter((f) => f.endsWith(".txt")).map((f) => path.join(samples, f))]
    .map((file) => readInput(file, fs.readFileSync(file))[0]!);
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-eval-"));
  try {
    const memory = await ingestRate("pglite:memory", docs, warmUpDocs);
    const disk = await ingestRate(`pglite:${scratchDir}`, docs, warmUpDocs);
    return { memory, disk, timed: 2 * docs.length, warmUp: docs.length + warmUpDocs.length };
  } finally {
    fs.rmSync(scratchDir, { recursive: true, force: true });
  }
}
