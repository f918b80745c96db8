// npm run eval: scores the extractor against ../shared/eval and prints a table.
//   seeds-gold.json   persons, direct quotes (spans overlapping >= 80% of the longer), speakers,
//                     venues, comments
//   polnear-dev.jsonl direct and partial quotes and their speakers (overlap with the gold
//                     speaker span, or the same person)
//   throughput        extraction alone, and ingest into the embedded database
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openMigratedDatabase } from "../src/db/open.js";
import { extract } from "../src/ingest/extract.js";
import { normalizeName } from "../src/ingest/normalize.js";
import { ingestDocument } from "../src/ingest/pipeline.js";
import { readInput } from "../src/ingest/read.js";
import type { Extraction, RawDocument } from "../src/ingest/types.js";
import { goldNormalize } from "./gold-match.js";

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = path.resolve(PROJECT, "../shared");
if (!fs.existsSync(path.join(SHARED, "eval"))) {
  console.error(`eval: ${SHARED}/eval is absent: nothing to score`);
  process.exit(1);
}

const norm = goldNormalize;

interface Score { tp: number; fp: number; fn: number }
const prf = ({ tp, fp, fn }: Score) => {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
const overlaps80 = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) >= 0.8 * Math.max(a.end - a.start, b.end - b.start);

// ---- seeds against the gold annotation ----
const gold = JSON.parse(fs.readFileSync(path.join(SHARED, "eval/seeds-gold.json"), "utf8")).documents as any[];
const persons: Score = { tp: 0, fp: 0, fn: 0 };
const quotes: Score = { tp: 0, fp: 0, fn: 0 };
const venues: Score = { tp: 0, fp: 0, fn: 0 };
const comments: Score = { tp: 0, fp: 0, fn: 0 };
let speakersRight = 0;
let goldQuotes = 0;
for (const doc of gold) {
  const file = path.join(SHARED, doc.path);
  const x = extract(readInput(file, fs.readFileSync(file))[0]!);
  const names = (p: { name: string; aliases: string[] }) => [p.name, ...p.aliases].map(norm);
  const optionalPersons = [...doc.person_optional_surfaces, ...doc.persons.filter((p: any) => p.optional).flatMap((p: any) => p.aliases_in_text)].map(norm);
  for (const g of doc.persons.filter((p: any) => !p.optional)) {
    if (x.persons.some((p) => names(p).some((n) => g.aliases_in_text.map(norm).includes(n)))) persons.tp++;
    else persons.fn++;
  }
  for (const p of x.persons) {
    const matched = doc.persons.some((g: any) => !g.optional && g.aliases_in_text.map(norm).some((s: string) => names(p).includes(s)));
    if (!matched && !names(p).some((n) => optionalPersons.includes(n))) persons.fp++;
  }
  const goldSpans = doc.quotes.map((q: any) => ({ start: q.char_start, end: q.char_start + q.text.length, speaker: q.speaker }));
  goldQuotes += goldSpans.length;
  for (const g of goldSpans) {
    const hit = x.quotes.find((q) => overlaps80(q, g));
    if (hit) {
      quotes.tp++;
      if (norm(hit.speakerPerson ?? "") === norm(g.speaker)) speakersRight++;
    } else quotes.fn++;
  }
  quotes.fp += x.quotes.filter((q) => !goldSpans.some((g: any) => overlaps80(q, g))).length;
  const scored = doc.venues.filter((v: any) => v.scored);
  const optionalPlaces = [...doc.place_optional_surfaces, ...doc.venues.filter((v: any) => !v.scored).flatMap((v: any) => v.surfaces_in_text)].map(norm);
  const gv = (v: any) => [v.canonical, ...v.surfaces_in_text].map(norm);
  for (const g of scored) (x.venues.some((v) => names(v).some((n) => gv(g).includes(n))) ? venues.tp++ : venues.fn++);
  for (const v of x.venues) {
    if (!scored.some((g: any) => gv(g).some((s: string) => names(v).includes(s))) && !names(v).every((n) => optionalPlaces.includes(n))) venues.fp++;
  }
  for (const g of doc.comments) (x.comments.some((c) => c.text === g.text && c.author === g.author) ? comments.tp++ : comments.fn++);
  comments.fp += x.comments.filter((c) => !doc.comments.some((g: any) => g.text === c.text)).length;
}

// ---- PolNeAR dev: direct and partial quotes, and their speakers ----
const polnear = fs.readFileSync(path.join(SHARED, "eval/polnear-dev.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
const pq: Score = { tp: 0, fp: 0, fn: 0 };
let pSpeakerRight = 0;
let pMatched = 0;
const polnearDocs: RawDocument[] = polnear.map((r: any) => readInput(`polnear:${r.id}`, r.text, { format: "text" })[0]!);
polnear.forEach((r: any, i: number) => {
  const x: Extraction = extract(polnearDocs[i]!);
  const goldQ = r.quotes.filter((q: any) => q.type === "direct" || q.type === "partial");
  for (const g of goldQ) {
    const hit = x.quotes.find((q) => overlaps80(q, g));
    if (!hit) {
      pq.fn++;
      continue;
    }
    pq.tp++;
    pMatched++;
    const person = x.persons.find((p) => p.name === hit.speakerPerson);
    const spans = person?.mentions ?? [];
    const goldSpeaker = { start: g.speaker_mention_start, end: g.speaker_mention_end };
    const overlapsGold = (s: { start: number; end: number }) => s.start < goldSpeaker.end && goldSpeaker.start < s.end;
    const samePerson = person && normalizeName(g.speaker ?? "").includes(normalizeName(person.name.split(" ").pop()!));
    const speakerText = hit.speaker && normalizeName(g.speaker_mention ?? "").includes(normalizeName(hit.speaker));
    if (spans.some(overlapsGold) || samePerson || speakerText) pSpeakerRight++;
  }
  pq.fp += x.quotes.filter((q) => !goldQ.some((g: any) => overlaps80(q, g))).length;
});

// ---- throughput ----
const sample = polnearDocs.filter((d) => d.text.length > 2000);
const start = performance.now();
let extracted = 0;
while (performance.now() - start < 3000) for (const d of sample) (extract(d), extracted++);
const extractionRate = extracted / ((performance.now() - start) / 1000);
const avgKb = sample.reduce((n, d) => n + d.text.length, 0) / sample.length / 1000;

/** Articles that are not in the timed set: the seeds and the committed samples. */
const warmUpDocs: RawDocument[] = [
  ...gold.map((doc: any) => path.join(SHARED, doc.path)),
  ...fs.readdirSync(path.join(PROJECT, "prisma/sample-articles")).filter((f) => f.endsWith(".txt")).map((f) => path.join(PROJECT, "prisma/sample-articles", f)),
].map((file) => readInput(file, fs.readFileSync(file))[0]!);

/** An article with a line added: nearly the same text to extract, another content hash to store. */
const copyOf = (d: RawDocument, line: string): RawDocument => ({ ...d, text: `${d.text}\n\n(${line})`, raw: `${d.raw}\n\n(${line})` });

/**
 * Articles per second into an embedded database, extraction included. The database is
 * warmed up first, as a running server's is: PGlite's WebAssembly runs several times slower
 * until V8 has optimised it, which takes a few hundred statements. The warm-up articles are
 * the seeds, the samples and a copy of each PolNeAR article with a line added (another
 * content hash, so the timed ones are still new).
 */
async function ingestRate(target: string): Promise<number> {
  const db = await openMigratedDatabase(target);
  try {
    for (const d of warmUpDocs) await ingestDocument(db.prisma, d);
    for (const d of polnearDocs) await ingestDocument(db.prisma, copyOf(d, "warm-up copy"));
    // Timed: the articles and a second copy of each, for a span long enough to time.
    const timed = [...polnearDocs, ...polnearDocs.map((d) => copyOf(d, "second copy"))];
    const started = performance.now();
    for (const d of timed) await ingestDocument(db.prisma, d);
    return timed.length / ((performance.now() - started) / 1000);
  } finally {
    await db.close();
  }
}
const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-eval-"));
const ingestRates = { memory: await ingestRate("pglite:memory"), disk: await ingestRate(`pglite:${scratchDir}`) };
fs.rmSync(scratchDir, { recursive: true, force: true });

const pct = (n: number) => `${(100 * n).toFixed(1)}%`;
const row = (name: string, s: Score, extra = "") => {
  const { p, r, f1 } = prf(s);
  return `| ${name.padEnd(34)} | ${pct(p).padStart(6)} | ${pct(r).padStart(6)} | ${f1.toFixed(3).padStart(5)} | ${extra}`;
};
console.log(`| ${"measure".padEnd(34)} | ${"P".padStart(6)} | ${"R".padStart(6)} | ${"F1".padStart(5)} | notes`);
console.log(`|${"-".repeat(36)}|--------|--------|-------|------`);
console.log(row("seeds: persons", persons, `tp ${persons.tp} fp ${persons.fp} fn ${persons.fn}`));
console.log(row("seeds: direct quotes (80% overlap)", quotes, `speaker right ${speakersRight}/${goldQuotes} = ${pct(speakersRight / goldQuotes)}`));
console.log(row("seeds: venues (scored)", venues, `tp ${venues.tp} fp ${venues.fp} fn ${venues.fn}`));
console.log(row("seeds: comments", comments, `${comments.tp}/${comments.tp + comments.fn}`));
console.log(row("polnear-dev: direct+partial quotes", pq, `speaker right ${pSpeakerRight}/${pMatched} = ${pct(pSpeakerRight / Math.max(1, pMatched))} of matched quotes, ${pct(pSpeakerRight / Math.max(1, pq.tp + pq.fn))} of all gold quotes`));
console.log(`\nthroughput: extraction ${extractionRate.toFixed(0)} articles/s on one core (${avgKb.toFixed(1)} KB average, ${sample.length} PolNeAR articles);` +
  ` ingest into embedded PGlite ${ingestRates.disk.toFixed(1)} articles/s on disk, ${ingestRates.memory.toFixed(1)} in memory (${2 * polnearDocs.length} articles after ${polnearDocs.length + warmUpDocs.length} to warm up)`);
