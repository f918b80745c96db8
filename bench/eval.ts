// npm run eval: scores the extractor against ../shared/eval and prints a table.
//   seeds-gold.json      persons, direct quotes (spans overlapping >= 80% of the longer),
//                        speakers, venues, comments
//   polnear-dev.jsonl    direct and partial quotes and their speakers; persons and
//   polnear-train.jsonl  organisations against the silver entities (bench/eval/silver.ts);
//                        train also on its held-out fifth, the articles the name tagger
//                        does not learn from
//   gum-news.jsonl       named persons and organisations, human gold (bench/eval/gum.ts)
//   pronouns             he/she pronouns of named persons resolved to them: PolNeAR against
//                        CoreNLP's silver chains, GUM's gold where it has such mentions
//                        (bench/eval/coref.ts)
//   throughput           extraction alone, and ingest into the embedded database
//                        (--no-ingest leaves the database out)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getModel, MODEL_PATH } from "../src/ingest/ner/model.js";
import { isHeldOut } from "../scripts/train-ner/split.js";
import { scorePronounsGum, scorePronounsSilver, type PronounScore } from "./eval/coref.js";
import { readGum, scoreGum } from "./eval/gum.js";
import { polnearDocument, readPolnear, scorePolnear, type PolnearResult } from "./eval/polnear.js";
import { prf, type Score } from "./eval/score.js";
import { scoreSeeds } from "./eval/seeds.js";
import { extractionRate, ingestRates } from "./eval/throughput.js";

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = path.resolve(PROJECT, "../shared");
if (!fs.existsSync(path.join(SHARED, "eval"))) {
  console.error(`eval: ${SHARED}/eval is absent: nothing to score`);
  process.exit(1);
}

const pct = (n: number) => `${(100 * n).toFixed(1)}%`;
const row = (name: string, s: Score | null, extra = "") => {
  if (!s) return `| ${name.padEnd(50)} | ${"n/a".padStart(6)} | ${"n/a".padStart(6)} | ${"n/a".padStart(5)} | ${extra}`;
  const { p, r, f1 } = prf(s);
  return `| ${name.padEnd(50)} | ${pct(p).padStart(6)} | ${pct(r).padStart(6)} | ${f1.toFixed(3).padStart(5)} | ${extra}`;
};
const counts = (s: Score) => `tp ${s.tp} fp ${s.fp} fn ${s.fn}`;
const share = (right: number, of: number) => `${right}/${of} = ${pct(right / Math.max(1, of))}`;

const lines: string[] = [];
const pronounRow = (label: string, s: PronounScore, note: string) =>
  lines.push(row(label, null, s.gold ? `${share(s.right, s.gold)} of ${note}; ${s.resolved} resolved to someone` : `no pronoun mentions of named persons in the gold (${note})`));
const polnearRows = (label: string, r: PolnearResult) => {
  lines.push(row(`${label}: direct+partial quotes`, r.quotes, `${r.articles} articles; speaker right ${share(r.allSpeakers.right, r.allSpeakers.matched)} of matched`));
  lines.push(row(`${label}: direct quotes (kind DIRECT)`, r.direct, counts(r.direct)));
  lines.push(row(`${label}: partial quotes (kind PARTIAL)`, r.partial, counts(r.partial)));
  lines.push(row(`${label}: quote kind right, matched quotes`, null, share(r.kinds.right, r.kinds.matched)));
  lines.push(row(`${label}: speaker right, named gold`, null, `${share(r.namedSpeakers.right, r.namedSpeakers.matched)} of matched quotes whose gold speaker is a name (${r.namedSpeakers.gold} such gold quotes)`));
  lines.push(row(`${label}: persons vs silver PERSON`, r.persons, `${counts(r.persons)} (${r.silverArticles} articles with silver)`));
  lines.push(row(`${label}: organisations vs silver ORG`, r.organizations, r.organizations ? counts(r.organizations) : "the extractor gives no organisations"));
};

// Loading the tagger's model first, alone, so that its start-up cost is stated apart.
const loadStarted = performance.now();
getModel();
const modelLoad = performance.now() - loadStarted;
const modelBytes = fs.statSync(MODEL_PATH).size;

const started = performance.now();
const seeds = scoreSeeds(SHARED);
lines.push(row("seeds: persons", seeds.persons, counts(seeds.persons)));
lines.push(row("seeds: direct quotes (80% overlap)", seeds.quotes, `speaker right ${share(seeds.speakersRight, seeds.goldQuotes)}`));
lines.push(row("seeds: venues (scored)", seeds.venues, counts(seeds.venues)));
lines.push(row("seeds: comments", seeds.comments, `${seeds.comments.tp}/${seeds.comments.tp + seeds.comments.fn}`));

const dev = readPolnear(path.join(SHARED, "eval/polnear-dev.jsonl"));
polnearRows("polnear-dev", scorePolnear(dev));
pronounRow("polnear-dev: pronouns to their person (silver)", scorePronounsSilver(dev), "he/she pronouns in CoreNLP's chains of named persons");
const train = readPolnear(path.join(SHARED, "eval/polnear-train.jsonl"));
polnearRows("polnear-train", scorePolnear(train));
pronounRow("polnear-train: pronouns to their person (silver)", scorePronounsSilver(train), "he/she pronouns in CoreNLP's chains of named persons");
const heldOut = new Set(train.map((r) => r.id).filter(isHeldOut));
polnearRows("polnear-train held out", scorePolnear(train, heldOut));
pronounRow("polnear-train held out: pronouns (silver)", scorePronounsSilver(train, heldOut), "he/she pronouns in CoreNLP's chains of named persons");

const gumRecords = readGum(path.join(SHARED, "eval/gum-news.jsonl"));
const gum = scoreGum(gumRecords);
lines.push(row("gum-news: named persons", gum.persons, `${counts(gum.persons)} (${gum.articles} articles, ${gum.goldPersons} gold individuals)`));
lines.push(row("gum-news: organisations", gum.organizations, gum.organizations ? counts(gum.organizations) : `the extractor gives no organisations (${gum.goldOrganizations} gold)`));
const gumPronouns = scorePronounsGum(gumRecords);
pronounRow("gum-news: pronouns to their person (gold)", gumPronouns, "he/she pronouns of named individuals, human gold");
lines.push(row("gum-news: descriptions resolved, right person", null, `${share(gumPronouns.descriptions.right, gumPronouns.descriptions.resolved)} of the descriptions resolved that GUM marks as a named individual's mention`));
const scoring = (performance.now() - started) / 1000;

console.log(`| ${"measure".padEnd(50)} | ${"P".padStart(6)} | ${"R".padStart(6)} | ${"F1".padStart(5)} | notes`);
console.log(`|${"-".repeat(52)}|--------|--------|-------|------`);
for (const l of lines) console.log(l);
console.log(`\nscoring took ${scoring.toFixed(1)} s; name tagger model ${(modelBytes / 1e6).toFixed(2)} MB, loaded in ${modelLoad.toFixed(0)} ms`);

const devDocs = dev.map(polnearDocument);
const x = extractionRate(devDocs);
console.log(`throughput: extraction ${x.rate.toFixed(0)} articles/s on one core (${x.averageKb.toFixed(1)} KB average, ${x.articles} PolNeAR dev articles)`);
if (!process.argv.includes("--no-ingest")) {
  const ingest = await ingestRates(PROJECT, seeds.files, devDocs);
  console.log(`throughput: ingest into embedded PGlite ${ingest.disk.toFixed(1)} articles/s on disk, ${ingest.memory.toFixed(1)} in memory (${ingest.timed} articles after ${ingest.warmUp} to warm up)`);
}
