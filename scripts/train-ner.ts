// npm run train:ner: trains the name tagger (src/ingest/ner) on the silver entities of
// ../shared/eval/polnear-train.jsonl and writes src/ingest/ner/model.json.gz.
//
// An averaged perceptron over BIO tags with Viterbi decoding. One article in five is held
// out (scripts/train-ner/split.ts): the number of epochs is the one that tags it best, and
// the model never sees it. Silver is a tagger's output, not truth: averaging, few epochs
// and leaving out features seen fewer than MIN_FEATURE_COUNT times keep the model from
// learning its slips by heart. Deterministic: the same data gives the same bytes (fixed
// seed for the order of training, sorted features, integer weights).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { allowed, emissions, START_ROW, viterbi } from "../src/ingest/ner/decode.js";
import { MODEL_PATH, rowIndex, TAG_COUNT, TAGS, type ModelFile, type Weights } from "../src/ingest/ner/model.js";
import { contextFeaturesOf, contextOf, TEMPLATES, wordFeaturesOf } from "../src/ingest/ner/features.js";
import { runsOf, type Run } from "../src/ingest/ner/runs.js";
import { tagEntities } from "../src/ingest/ner/tagger.js";
import { readArticles, type Article } from "./train-ner/data.js";
import { isHeldOut } from "./train-ner/split.js";

const MAX_EPOCHS = 10;
const MIN_FEATURE_COUNT = 3;
const SEED = 20;
const SCALE = 1000;
const EPOCH_TOLERANCE = 0.002;
const TEMPERATURES = [1, 2, 3, 5, 8, 13, 20, 30, 50, 80];

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const EVAL = path.resolve(PROJECT, "../shared/eval");
if (!fs.existsSync(path.join(EVAL, "polnear-train.jsonl"))) {
  console.error(`train:ner: ${EVAL}/polnear-train.jsonl is absent: nothing to train on`);
  process.exit(1);
}

const started = performance.now();
const all = readArticles(path.join(EVAL, "polnear-train.jsonl"));
const training = all.filter((a) => !isHeldOut(a.id));
const heldOut = all.filter((a) => isHeldOut(a.id));
const dev = readArticles(path.join(EVAL, "polnear-dev.jsonl"));

// Features seen at least MIN_FEATURE_COUNT times in the training articles, in sorted order.
const counts = new Map<string, number>();
const count = (template: number, value: string) => {
  const feature = `${TEMPLATES[template]}=${value}`;
  counts.set(feature, (counts.get(feature) ?? 0) + 1);
};
for (const a of training) {
  const ctx = contextOf(a.text, a.tokens);
  a.tokens.forEach((_, i) => ctx.mask[i] && (wordFeaturesOf(a.tokens, ctx, i, count), contextFeaturesOf(a.tokens, ctx, i, count)));
}
const names = [...counts].filter(([, n]) => n >= MIN_FEATURE_COUNT).map(([f]) => f).sort();
const tables = rowIndex(names);

/** I-X where no B-X or I-X comes before it (a run can begin inside a silver span) becomes B-X. */
function validBio(tags: number[]): number[] {
  return tags.map((t, i) => (allowed(i > 0 ? tags[i - 1]! : START_ROW, t) ? t : t - 1));
}

interface Sequence { rows: Int32Array[]; gold: number[] }
const sequences: Sequence[] = training.flatMap((a) => runsOf(a.text, a.tokens, tables).map((run: Run) => ({
  rows: run.rows,
  gold: validBio(run.rows.map((_, k) => a.gold[run.from + k]!)),
})));
const covered = training.reduce((n, a) => n + a.gold.filter((g) => g > 0).length, 0);
const inRuns = sequences.reduce((n, s) => n + s.gold.filter((g) => g > 0).length, 0);

// The perceptron: current weights, and the sums that give their average (w - u / c).
const w: Weights = { tables, temperature: 1, emit: new Float64Array(names.length * TAG_COUNT), trans: new Float64Array((TAG_COUNT + 1) * TAG_COUNT) };
const u = { emit: new Float64Array(w.emit.length), trans: new Float64Array(w.trans.length) };
let c = 1;

/** Adds `sign` to the weights of the features and transitions of one tagging of `seq`. */
function update(seq: Sequence, sign: 1 | -1, tags: number[]): void {
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    for (const row of seq.rows[i]!) {
      w.emit[row * TAG_COUNT + t]! += sign;
      u.emit[row * TAG_COUNT + t]! += sign * c;
    }
    const prev = i > 0 ? tags[i - 1]! : START_ROW;
    w.trans[prev * TAG_COUNT + t]! += sign;
    u.trans[prev * TAG_COUNT + t]! += sign * c;
  }
}

const averaged = (): Weights => ({
  tables,
  temperature: 1,
  emit: w.emit.map((v, k) => v - u.emit[k]! / c),
  trans: w.trans.map((v, k) => v - u.trans[k]! / c),
});

/** A seeded generator (mulberry32), so that every run shuffles alike. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Span F1 against the silver spans (same start, end and type), overall and by type. */
function spanF1(articles: Article[], weights: Weights): Record<string, number> {
  const short: Record<string, string> = { PERSON: "PER", ORGANIZATION: "ORG", LOCATION: "LOC" };
  const tally: Record<string, { tp: number; fp: number; fn: number }> = {};
  const add = (type: string, k: "tp" | "fp" | "fn") => {
    for (const key of [type, "ALL"]) (tally[key] ??= { tp: 0, fp: 0, fn: 0 })[k]++;
  };
  for (const a of articles) {
    const predicted = new Set(tagEntities(a.text, a.tokens, weights).map((s) => `${s.start}:${s.end}:${short[s.type]}`));
    const gold = new Set(a.spans.map((s) => `${s.start}:${s.end}:${short[s.type]}`));
    for (const g of gold) add(g.split(":")[2]!, predicted.has(g) ? "tp" : "fn");
    for (const p of predicted) if (!gold.has(p)) add(p.split(":")[2]!, "fp");
  }
  return Object.fromEntries(Object.entries(tally).map(([k, { tp, fp, fn }]) => [k, (2 * tp) / Math.max(1, 2 * tp + fp + fn)]));
}

/**
 * The divisor of the scores that makes the tagger's probabilities honest on the held-out
 * articles (least negative log-likelihood of their silver tags): a perceptron's raw scores
 * are far too sure of themselves.
 */
function calibrate(weights: Weights): number {
  const held = heldOut.flatMap((a) => runsOf(a.text, a.tokens, tables).map((run) => ({
    emit: emissions(run.rows, weights),
    gold: validBio(run.rows.map((_, k) => a.gold[run.from + k]!)),
  })));
  let best = { t: 1, loss: Infinity };
  for (const t of TEMPERATURES) {
    let loss = 0;
    for (const { emit, gold } of held) {
      for (let i = 0; i < gold.length; i++) {
        const prev = i > 0 ? gold[i - 1]! : START_ROW;
        const s = Array.from({ length: TAG_COUNT }, (_, k) => (allowed(prev, k) ? (emit[i]![k]! + weights.trans[prev * TAG_COUNT + k]!) / t : -Infinity));
        const max = Math.max(...s);
        loss -= s[gold[i]!]! - max - Math.log(s.reduce((n, v) => n + Math.exp(v - max), 0));
      }
    }
    if (loss < best.loss) best = { t, loss };
  }
  return best.t;
}

const order = sequences.map((_, k) => k);
const next = random(SEED);
const epochs: { epoch: number; f1: number; weights: Weights }[] = [];
for (let epoch = 1; epoch <= MAX_EPOCHS; epoch++) {
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(next() * (k + 1));
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  for (const k of order) {
    const seq = sequences[k]!;
    const predicted = viterbi(emissions(seq.rows, w), w);
    if (predicted.some((t, i) => t !== seq.gold[i])) {
      update(seq, 1, seq.gold);
      update(seq, -1, predicted);
    }
    c++;
  }
  const weights = averaged();
  const f1 = spanF1(heldOut, weights);
  console.log(`epoch ${epoch}: held-out span F1 ${f1.ALL!.toFixed(3)} (PER ${f1.PER?.toFixed(3)}, ORG ${f1.ORG?.toFixed(3)}, LOC ${f1.LOC?.toFixed(3)})`);
  epochs.push({ epoch, f1: f1.ALL!, weights });
}
// The fewest epochs that tag the held-out articles within EPOCH_TOLERANCE of the best: later
// epochs mostly fit the silver's own slips.
const bestF1 = Math.max(...epochs.map((e) => e.f1));
const best = epochs.find((e) => e.f1 >= bestF1 - EPOCH_TOLERANCE)!;
const temperature = calibrate(best.weights);

// Integer weights; features whose every weight rounds to zero are left out.
const features: [string, number[]][] = [];
for (const [k, name] of names.entries()) {
  const row = Array.from(best.weights.emit.subarray(k * TAG_COUNT, (k + 1) * TAG_COUNT), (v) => Math.round(v * SCALE) + 0);
  if (row.some((v) => v !== 0)) features.push([name, row]);
}
const model: ModelFile = {
  format: "newsgraph-ner-1",
  tags: [...TAGS],
  scale: SCALE,
  temperature,
  trans: Array.from(best.weights.trans, (v) => Math.round(v * SCALE) + 0),
  features,
  trainedOn: { articles: training.length, epochs: best.epoch, minFeatureCount: MIN_FEATURE_COUNT, heldOutF1: Number(best.f1.toFixed(4)) },
};
const bytes = zlib.gzipSync(JSON.stringify(model), { level: 9 });
fs.writeFileSync(MODEL_PATH, bytes);
const seconds = (performance.now() - started) / 1000;

const devF1 = spanF1(dev, best.weights);
console.log(`\ntrained on ${training.length} articles (${sequences.length} runs of candidate tokens; ${inRuns}/${covered} silver entity tokens inside them), held out ${heldOut.length}`);
console.log(`features: ${names.length} seen ${MIN_FEATURE_COUNT}+ times, ${features.length} kept; ${best.epoch} epochs; temperature ${temperature}`);
console.log(`held-out span F1 ${best.f1.toFixed(3)}; polnear-dev span F1 ${devF1.ALL!.toFixed(3)} (PER ${devF1.PER?.toFixed(3)}, ORG ${devF1.ORG?.toFixed(3)}, LOC ${devF1.LOC?.toFixed(3)})`);
console.log(`wrote ${path.relative(PROJECT, MODEL_PATH.pathname)}: ${(bytes.length / 1e6).toFixed(2)} MB in ${seconds.toFixed(1)} s`);
