// npx tsx bench/extract-speed.ts [seconds per set, default 5] [--fingerprint] [--polnear-only]
// Extraction speed on one core: the name tagger's model load timed alone (the first call, as
// a new process pays it), then repeated passes over the PolNeAR dev articles and over
// synthetic 5 KB articles (bench/synthetic.ts). Prints articles per wall-clock second and
// per CPU second (the latter holds better on a shared machine). --fingerprint also prints a
// hash of every PolNeAR extraction, to check that a change leaves the output alone.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extract } from "../src/ingest/extract.js";
import { getModel } from "../src/ingest/ner/model.js";
import { readInput } from "../src/ingest/read.js";
import type { RawDocument } from "../src/ingest/types.js";
import { polnearDocument, readPolnear } from "./eval/polnear.js";
import { syntheticArticle } from "./synthetic.js";

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = path.resolve(PROJECT, "../shared/eval");
const seconds = Number(process.argv.find((a) => /^\d+(\.\d+)?$/.test(a)) ?? 5);

const loadStarted = performance.now();
getModel();
console.log(`model load: ${(performance.now() - loadStarted).toFixed(0)} ms`);

const dev = readPolnear(path.join(SHARED, "polnear-dev.jsonl"));
// The rest of start-up: the gazetteer, the lexicons and the tagger's feature index are made
// on the first article.
const firstStarted = performance.now();
extract(polnearDocument(dev[0]!));
console.log(`first extraction (gazetteer, lexicons, tagger index): ${(performance.now() - firstStarted).toFixed(0)} ms`);
const polnear = dev.map(polnearDocument).filter((d) => d.text.length > 2000);
const synthetic = Array.from({ length: 200 }, (_, k) => syntheticArticle(k))
  .filter((a) => a.format === "text")
  .map((a) => readInput(a.name, a.content, { format: "text" })[0]!);

function rate(label: string, docs: RawDocument[]): void {
  for (const d of docs) extract(d); // warm-up pass
  const cpu = process.cpuUsage();
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < seconds * 1000) for (const d of docs) {
    extract(d);
    n++;
  }
  const wall = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const kb = docs.reduce((s, d) => s + d.text.length, 0) / docs.length / 1000;
  console.log(`${label}: ${(n / wall).toFixed(0)} articles/s wall, ${(n / cpuSeconds).toFixed(0)} per CPU second (${docs.length} articles, ${kb.toFixed(1)} KB average, ${n} extracted)`);
}

rate("polnear-dev > 2 KB", polnear);
if (!process.argv.includes("--polnear-only")) rate("synthetic", synthetic);

if (process.argv.includes("--fingerprint")) {
  const hash = crypto.createHash("sha256");
  const train = fs.existsSync(path.join(SHARED, "polnear-train.jsonl")) ? readPolnear(path.join(SHARED, "polnear-train.jsonl")) : [];
  for (const r of [...dev, ...train]) hash.update(JSON.stringify(extract(polnearDocument(r))));
  console.log(`fingerprint of ${dev.length + train.length} PolNeAR extractions: ${hash.digest("hex").slice(0, 16)}`);
}
