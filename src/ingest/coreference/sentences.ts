// Sentences of an article's body, as indexes: which sentence a position is in, and whether
// two positions are in the same paragraph. Cheap enough to build once per article.
import { TITLE_WORDS } from "../lexicon.js";
import type { Span } from "../types.js";

export interface SentenceIndex {
  /** The number of the sentence holding `pos` (0 before the first region). */
  sentenceOf(pos: number): number;
  /** The number of the paragraph (region) holding `pos`. */
  paragraphOf(pos: number): number;
  /** Where the sentence holding `pos` starts. */
  sentenceStart(pos: number): number;
}

// A full stop after these ends no sentence: "Mr. Ruiz", "U.S. officials", "No. 2".
const NOT_AN_END = /^(?:\p{L}|Jr|Sr|St|No|Inc|Co|Corp|Ltd|vs|etc|Mt|Ft)$/u;

/** The last index whose value is at most `x` in an ascending array (0 when none). */
function lastAtMost(values: number[], x: number): number {
  let lo = 0;
  let hi = values.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export function indexSentences(text: string, regions: Span[]): SentenceIndex {
  const starts: number[] = [];
  const paragraphStarts: number[] = [];
  for (const region of [...regions].sort((a, b) => a.start - b.start)) {
    paragraphStarts.push(region.start);
    starts.push(region.start);
    const slice = text.slice(region.start, region.end);
    // The end mark first (a pattern starting with the word before it would try every position).
    for (const m of slice.matchAll(/[.!?]["”’)]*\s+(?=["“‘(]?[\p{Lu}\d])/gu)) {
      if (m[0][0] === ".") {
        const word = /[\p{L}\d]*$/u.exec(slice.slice(Math.max(0, m.index! - 12), m.index!))![0];
        if (NOT_AN_END.test(word) || TITLE_WORDS.has(`${word}.`)) continue;
      }
      starts.push(region.start + m.index! + m[0].length);
    }
  }
  return {
    sentenceOf: (pos) => lastAtMost(starts, pos),
    paragraphOf: (pos) => lastAtMost(paragraphStarts, pos),
    sentenceStart: (pos) => starts[lastAtMost(starts, pos)] ?? 0,
  };
}
