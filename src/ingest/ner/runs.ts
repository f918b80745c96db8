// An article's tokens cut into runs of candidate tokens, each token with the model rows of
// its features. Training and inference share it.
import type { Token } from "../tokens.js";
import { candidates, contextOf, featuresOf } from "./features.js";

export interface Run {
  /** Index of the run's first token in the article's tokens. */
  from: number;
  /** Each token's feature rows (features the model does not know are left out). */
  rows: Int32Array[];
}

export function runsOf(text: string, tokens: Token[], rowOf: (feature: string) => number | undefined): Run[] {
  const mask = candidates(text, tokens);
  const ctx = contextOf(text, tokens);
  const runs: Run[] = [];
  let current: Run | null = null;
  for (let i = 0; i < tokens.length; i++) {
    if (!mask[i]) {
      current = null;
      continue;
    }
    if (!current) runs.push((current = { from: i, rows: [] }));
    const rows: number[] = [];
    for (const f of featuresOf(tokens, ctx, i)) {
      const row = rowOf(f);
      if (row !== undefined) rows.push(row);
    }
    current.rows.push(Int32Array.from(rows));
  }
  return runs;
}
