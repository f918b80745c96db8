// Inference's shortcut to the emission scores of an article's candidate tokens: the scores
// are summed as the features come, and the part that depends on a word alone is kept per
// word. The same features as training's runsOf (features.ts), so the same scores.
import { MONTHS_AND_DAYS, SENTENCE_STARTERS } from "../lexicon.js";
import type { Token } from "../tokens.js";
import { contextFeaturesOf, contextOf, wordFeaturesOf } from "./features.js";
import { TAG_COUNT, type Weights } from "./model.js";

export interface ScoredRun {
  /** Index of the run's first token in the article's tokens. */
  from: number;
  /** Each token's score for each tag, before transitions. */
  emit: Float64Array[];
}

const WORD_CACHE_LIMIT = 200_000;

/**
 * A capitalised function word or date with no other candidate beside it ("The", "But",
 * "Monday" opening a sentence): every sentence has one, and the model tags them outside
 * any name. Not weighing them saves a third of the work.
 */
function plainWordAlone(tokens: Token[], mask: boolean[], i: number): boolean {
  if ((i > 0 && mask[i - 1]) || mask[i + 1]) return false;
  const word = tokens[i]!.text;
  return SENTENCE_STARTERS.has(word) || MONTHS_AND_DAYS.has(word);
}
const wordScores = new WeakMap<Weights, Map<string, Float64Array>>();

export function scoredRuns(text: string, tokens: Token[], w: Weights): ScoredRun[] {
  const ctx = contextOf(text, tokens);
  let cache = wordScores.get(w);
  if (!cache || cache.size > WORD_CACHE_LIMIT) wordScores.set(w, (cache = new Map()));
  const runs: ScoredRun[] = [];
  let current: ScoredRun | null = null;
  let into = new Float64Array(TAG_COUNT);
  const sink = (template: number, value: string) => {
    const row = w.tables[template]!.get(value);
    if (row === undefined) return;
    const base = row * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++) into[t] += w.emit[base + t]!;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!ctx.mask[i] || plainWordAlone(tokens, ctx.mask, i)) {
      current = null;
      continue;
    }
    if (!current) runs.push((current = { from: i, emit: [] }));
    let own = cache.get(tokens[i]!.text);
    if (!own) {
      into = new Float64Array(TAG_COUNT);
      wordFeaturesOf(tokens, ctx, i, sink);
      cache.set(tokens[i]!.text, (own = into));
    }
    into = own.slice();
    contextFeaturesOf(tokens, ctx, i, sink);
    current.emit.push(into);
  }
  return runs;
}
