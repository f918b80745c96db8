// Best tag sequence for a run of tokens (Viterbi), with BIO's rule that I-X only follows
// B-X or I-X. Used by training and inference alike.
import { TAG_COUNT, TAGS, type Weights } from "./model.js";

const ALLOWED = TAGS.map((prev) => TAGS.map((tag) => !tag.startsWith("I-") || prev.slice(2) === tag.slice(2)));
const START = TAG_COUNT;

/** Emission scores of each token: the sum of its features' rows. */
export function emissions(featureRows: Int32Array[], w: Weights): Float64Array[] {
  return featureRows.map((rows) => {
    const s = new Float64Array(TAG_COUNT);
    for (let k = 0; k < rows.length; k++) {
      const base = rows[k]! * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) s[t] += w.emit[base + t]!;
    }
    return s;
  });
}

/** Tag indexes for one run of candidate tokens (the token before it is outside any name). */
export function viterbi(emit: Float64Array[], w: Weights): number[] {
  const n = emit.length;
  if (!n) return [];
  const score = new Float64Array(n * TAG_COUNT);
  const back = new Int8Array(n * TAG_COUNT);
  for (let t = 0; t < TAG_COUNT; t++) score[t] = TAGS[t]!.startsWith("I-") ? -Infinity : emit[0]![t]! + w.trans[START * TAG_COUNT + t]!;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < TAG_COUNT; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < TAG_COUNT; p++) {
        if (!ALLOWED[p]![t]) continue;
        const s = score[(i - 1) * TAG_COUNT + p]! + w.trans[p * TAG_COUNT + t]!;
        if (s > best) (best = s, arg = p);
      }
      score[i * TAG_COUNT + t] = best + emit[i]![t]!;
      back[i * TAG_COUNT + t] = arg;
    }
  }
  const tags = new Array<number>(n);
  let last = 0;
  for (let t = 1; t < TAG_COUNT; t++) if (score[(n - 1) * TAG_COUNT + t]! > score[(n - 1) * TAG_COUNT + last]!) last = t;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = last;
    last = back[i * TAG_COUNT + last]!;
  }
  return tags;
}

export const START_ROW = START;

/** Whether `tag` may follow `prev` (or START_ROW, the start of a run). */
export const allowed = (prev: number, tag: number) => (prev === START ? !TAGS[tag]!.startsWith("I-") : ALLOWED[prev]![tag]!);
