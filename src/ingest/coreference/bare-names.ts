// First names and surnames standing alone ("Kim said", "Scott grinned") that the person
// extraction left unlinked, most often because two persons share the word (Bobby Scott and
// Tim Scott): each is a name mention waiting for the most salient of the persons it fits.
import { TITLE_WORDS } from "../lexicon.js";
import type { ExtractedPerson, Span } from "../types.js";

export interface BareName extends Span {
  text: string;
  candidates: ExtractedPerson[];
}

const WORD = /\p{Lu}[\p{L}'’-]+/gu;
const CAPITALISED_NEIGHBOUR_BEFORE = /\p{Lu}[\p{L}.'’-]*\s$/u;
const CAPITALISED_NEIGHBOUR_AFTER = /^\s\p{Lu}/u;

export function findBareNames(text: string, regions: Span[], persons: ExtractedPerson[]): BareName[] {
  const owners = new Map<string, ExtractedPerson[]>();
  for (const p of persons) {
    const words = new Set<string>();
    for (const form of [p.name, ...p.aliases]) {
      const parts = form.split(/\s+/);
      if (parts.length < 2) continue;
      words.add(parts[0]!);
      words.add(parts[parts.length - 1]!);
    }
    for (const w of words) if (w.length > 2 && !TITLE_WORDS.has(w)) owners.set(w, [...(owners.get(w) ?? []), p]);
  }
  if (!owners.size) return [];
  const covered = new Uint8Array(text.length + 1);
  for (const p of persons) for (const m of p.mentions) covered.fill(1, m.start, m.end);
  const found: BareName[] = [];
  for (const r of regions) {
    const slice = text.slice(r.start, r.end);
    for (const m of slice.matchAll(WORD)) {
      const word = m[0].replace(/['’]s$/u, "");
      const candidates = owners.get(word);
      if (!candidates) continue;
      const start = r.start + m.index!;
      if (covered[start]) continue;
      // Part of a longer name ("Scott Walker"), which is someone else.
      if (CAPITALISED_NEIGHBOUR_BEFORE.test(text.slice(Math.max(0, start - 20), start)) || CAPITALISED_NEIGHBOUR_AFTER.test(text.slice(start + m[0].length, start + m[0].length + 2))) continue;
      found.push({ start, end: start + word.length, text: word, candidates });
    }
  }
  return found;
}
