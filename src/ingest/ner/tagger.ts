// The name tagger: an averaged perceptron over BIO tags (scripts/train-ner.ts trains it on
// PolNeAR's silver entities). Pure TypeScript; the model is read once, on first use.
import type { Token } from "../tokens.js";
import { allowed, START_ROW, viterbi } from "./decode.js";
import { scoredRuns } from "./emissions.js";
import { getModel, TAG_COUNT, TAGS, type Weights } from "./model.js";

export type EntityType = "PERSON" | "ORGANIZATION" | "LOCATION";

export interface EntitySpan {
  start: number;
  end: number;
  type: EntityType;
  /** The tagger's confidence, 0 to 1: the least probable of the span's tags, each against the others. */
  score: number;
  /** The span's tokens: tokens[firstToken] to tokens[lastToken], inclusive. */
  firstToken: number;
  lastToken: number;
}

const TYPE_OF: Record<string, EntityType> = { PER: "PERSON", ORG: "ORGANIZATION", LOC: "LOCATION" };

/** Names of persons, organisations and places among `tokens` (from tokenize(text)), in order. */
export function tagEntities(text: string, tokens: Token[], weights: Weights = getModel()): EntitySpan[] {
  const spans: EntitySpan[] = [];
  for (const run of scoredRuns(text, tokens, weights)) {
    const emit = run.emit;
    const tags = viterbi(emit, weights);
    let open: EntitySpan | null = null;
    for (let k = 0; k < tags.length; k++) {
      const tag = TAGS[tags[k]!]!;
      const i = run.from + k;
      if (tag === "O") {
        if (open) spans.push(open);
        open = null;
        continue;
      }
      const p = probability(emit[k]!, weights, k > 0 ? tags[k - 1]! : START_ROW, tags[k]!);
      if (tag.startsWith("I-") && open) {
        open.end = tokens[i]!.end;
        open.lastToken = i;
        open.score = Math.min(open.score, p);
        continue;
      }
      if (open) spans.push(open);
      open = { start: tokens[i]!.start, end: tokens[i]!.end, type: TYPE_OF[tag.slice(2)]!, score: p, firstToken: i, lastToken: i };
    }
    if (open) spans.push(open);
  }
  return spans;
}

const scratch = new Float64Array(TAG_COUNT);

/** The chosen tag's share of the scores of the tags that may follow the one before it (softmax). */
function probability(emit: Float64Array, w: Weights, prev: number, chosen: number): number {
  let max = -Infinity;
  const s = scratch.fill(-Infinity);
  for (let t = 0; t < TAG_COUNT; t++) if (allowed(prev, t)) max = Math.max(max, (s[t] = (emit[t]! + w.trans[prev * TAG_COUNT + t]!) / w.temperature));
  let sum = 0;
  for (let t = 0; t < TAG_COUNT; t++) sum += Math.exp(s[t]! - max);
  return Math.exp(s[chosen]! - max) / sum;
}
