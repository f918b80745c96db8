// An article's tokens cut into runs of candidate tokens, each token with the model rows of
// its features. Training and inference share it.
import type { Token } from "../tokens.js";
import { contextFeaturesOf, contextOf, wordFeaturesOf } from "./features.js";

export interface Run {
  /** Index of the run's first token in the article's tokens. */
  from: number;
  /** Each token's feature rows (features the model does not know are left out). */
  rows: Int32Array[];
}

/** Per template (an index into TEMPLATES): a feature's value -> its model row. */
export type FeatureTables = Map<string, number>[];

/** Rows of word features kept per word, per model; emptied when it grows past this. */
const WORD_CACHE_LIMIT = 200_000;
const wordCaches = new WeakMap<FeatureTables, Map<string, number[]>>();

/** The runs with every token's feature rows (for training, which updates them one by one). */
export function runsOf(text: string, tokens: Token[], tables: FeatureTables): Run[] {
  const ctx = contextOf(text, tokens);
  let cache = wordCaches.get(tables);
  if (!cache || cache.size > WORD_CACHE_LIMIT) wordCaches.set(tables, (cache = new Map()));
  const runs: Run[] = [];
  let current: Run | null = null;
  let rows: number[] = [];
  const sink = (template: number, value: string) => {
    const row = tables[template]!.get(value);
    if (row !== undefined) rows.push(row);
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!ctx.mask[i]) {
      current = null;
      continue;
    }
    if (!current) runs.push((current = { from: i, rows: [] }));
    let own = cache.get(tokens[i]!.text);
    if (!own) {
      rows = [];
      wordFeaturesOf(tokens, ctx, i, sink);
      cache.set(tokens[i]!.text, (own = rows));
    }
    rows = own.slice();
    contextFeaturesOf(tokens, ctx, i, sink);
    current.rows.push(Int32Array.from(rows));
  }
  return runs;
}
