// Counting helpers shared by the eval's scorers.
import type { Span } from "../../src/ingest/types.js";

export interface Score { tp: number; fp: number; fn: number }

export const emptyScore = (): Score => ({ tp: 0, fp: 0, fn: 0 });

export function addScore(into: Score, s: Score): void {
  into.tp += s.tp;
  into.fp += s.fp;
  into.fn += s.fn;
}

export function prf({ tp, fp, fn }: Score): { p: number; r: number; f1: number } {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Two spans overlap by at least 80% of the longer one: the quote-matching criterion. */
export const overlaps80 = (a: Span, b: Span) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) >= 0.8 * Math.max(a.end - a.start, b.end - b.start);

/**
 * The largest one-to-one matching between predictions and gold items, where `fits(i, j)`
 * says prediction i may stand for gold item j (Kuhn's augmenting paths: the sets are an
 * article's persons, a few dozen at most). Greedy matching would undercount when one
 * prediction could take either of two gold items.
 */
export function maxMatching(predicted: number, gold: number, fits: (i: number, j: number) => boolean): number {
  const goldOwner = new Array<number>(gold).fill(-1);
  const edges = Array.from({ length: predicted }, (_, i) => Array.from({ length: gold }, (_, j) => j).filter((j) => fits(i, j)));
  const augment = (i: number, seen: boolean[]): boolean => {
    for (const j of edges[i]!) {
      if (seen[j]) continue;
      seen[j] = true;
      if (goldOwner[j] === -1 || augment(goldOwner[j]!, seen)) {
        goldOwner[j] = i;
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (let i = 0; i < predicted; i++) if (augment(i, new Array<boolean>(gold).fill(false))) matched++;
  return matched;
}

/** A one-to-one score: matched pairs are true positives, the rest false positives or misses. */
export function matchScore(predicted: number, gold: number, fits: (i: number, j: number) => boolean): Score {
  const tp = maxMatching(predicted, gold, fits);
  return { tp, fp: predicted - tp, fn: gold - tp };
}
