// Inference's shortcut to the emission scores of an article's candidate tokens. The same
// features as training's runsOf (features.ts), added in the same order, so the same scores
// to the last bit; but each feature value is a number here: every string the model knows
// is given an id once (FeatureIndex), a word's ids are kept per word, and a feature is then
// an array slot (one value) or a number key (two or three joined values) instead of a
// string built and hashed per token.
import { MONTHS_AND_DAYS, ROLE_NOUNS, SENTENCE_STARTERS, SPEECH_VERBS } from "../lexicon.js";
import type { Token } from "../tokens.js";
import { candidates, capitalRuns, lexiconTags, OFFSETS, sentenceInitial, shapeOf, T } from "./features.js";
import { TAG_COUNT, type Weights } from "./model.js";
import type { FeatureTables } from "./runs.js";

export interface ScoredRun {
  /** Index of the run's first token in the article's tokens. */
  from: number;
  /** Each token's score for each tag, before transitions. */
  emit: Float64Array[];
}

/** Templates whose value is several values joined with "|" (see contextFeaturesOf). */
const JOINED = new Set<number>([T["sh3"], T["w-1|w"], T["w|w+1"]]);

/** The model's features by number: value ids, and rows by template and id (or joined ids). */
interface FeatureIndex {
  ids: Map<string, number>;
  /** ids.size: the base joined values are numbered in. */
  base: number;
  /** Per single-valued template: row by value id, -1 where the model has none. */
  single: (Int32Array | undefined)[];
  /** Per joined template: row by (a * base + b) or ((a * base + b) * base + c). */
  joined: (Map<number, number> | undefined)[];
  words: Map<string, WordEntry>;
}

/** What the tagger needs of a word, the same wherever it stands. */
interface WordEntry {
  /** Id of its lower-case form, -1 if the model does not know it. */
  id: number;
  shape: number;
  /** Ids of its lexicon tags (capitalised words only, as contextOf gives them). */
  lex: number[];
  role: boolean;
  speech: boolean;
  /** Scores of its own features (wordFeaturesOf), made when it is first a candidate. */
  own: Float64Array | null;
}

const WORD_CACHE_LIMIT = 200_000;
const indexes = new WeakMap<FeatureTables, FeatureIndex>();

function indexOf(tables: FeatureTables): FeatureIndex {
  let index = indexes.get(tables);
  if (index) return index;
  const ids = new Map<string, number>();
  const idOf = (value: string) => {
    let id = ids.get(value);
    if (id === undefined) ids.set(value, (id = ids.size));
    return id;
  };
  for (const value of ["", "<s>", "</s>", ...OFFSETS]) idOf(value);
  tables.forEach((table, template) => {
    for (const value of table.keys()) for (const part of JOINED.has(template) ? value.split("|") : [value]) idOf(part);
  });
  const base = ids.size;
  const single: (Int32Array | undefined)[] = [];
  const joined: (Map<number, number> | undefined)[] = [];
  tables.forEach((table, template) => {
    if (!table.size) return;
    if (JOINED.has(template)) {
      const rows = new Map<number, number>();
      for (const [value, row] of table) rows.set(value.split("|").reduce((key, part) => key * base + ids.get(part)!, 0), row);
      joined[template] = rows;
    } else {
      const rows = new Int32Array(base).fill(-1);
      for (const [value, row] of table) rows[ids.get(value)!] = row;
      single[template] = rows;
    }
  });
  indexes.set(tables, (index = { ids, base, single, joined, words: new Map() }));
  return index;
}

function entryOf(index: FeatureIndex, token: Token): WordEntry {
  let entry = index.words.get(token.text);
  if (entry) return entry;
  if (index.words.size > WORD_CACHE_LIMIT) index.words.clear();
  const lower = token.text.toLowerCase();
  const id = (value: string) => index.ids.get(value) ?? -1;
  entry = {
    id: id(lower),
    shape: id(shapeOf(token.text)),
    lex: token.capitalized ? lexiconTags(token.text).map(id) : [],
    role: ROLE_NOUNS.has(lower),
    speech: SPEECH_VERBS.has(lower),
    own: null,
  };
  index.words.set(token.text, entry);
  return entry;
}

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

export function scoredRuns(text: string, tokens: Token[], w: Weights): ScoredRun[] {
  const index = indexOf(w.tables);
  const { ids, base, single, joined } = index;
  const emit = w.emit;
  const n = tokens.length;
  const mask = candidates(text, tokens);
  // Candidates and their neighbours up to two tokens away: the words features are read from.
  const entries = new Array<WordEntry | undefined>(n);
  for (let i = 0; i < n; i++) if (mask[i]) for (let k = Math.max(0, i - 2); k <= Math.min(n - 1, i + 2); k++) entries[k] ??= entryOf(index, tokens[k]!);
  const runValues = capitalRuns(text, tokens);

  let into = new Float64Array(TAG_COUNT);
  const add = (row: number) => {
    if (row < 0) return;
    const at = row * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++) into[t] += emit[at + t]!;
  };
  const one = (template: number, id: number) => {
    const rows = single[template];
    if (rows && id >= 0) add(rows[id]!);
  };
  const pair = (template: number, a: number, b: number) => {
    if (a >= 0 && b >= 0) add(joined[template]?.get(a * base + b) ?? -1);
  };
  const START = ids.get("<s>")!;
  const END = ids.get("</s>")!;
  const EMPTY = ids.get("")!;
  const wordAt = (i: number) => (i < 0 ? START : i >= n ? END : entries[i]!.id);
  const shapeAt = (i: number) => (i < 0 ? START : i >= n ? END : entries[i]!.shape);

  const runs: ScoredRun[] = [];
  let current: ScoredRun | null = null;
  for (let i = 0; i < n; i++) {
    if (!mask[i] || plainWordAlone(tokens, mask, i)) {
      current = null;
      continue;
    }
    if (!current) runs.push((current = { from: i, emit: [] }));
    const word = entries[i]!;
    if (!word.own) {
      // wordFeaturesOf, in its order.
      into = new Float64Array(TAG_COUNT);
      const lower = tokens[i]!.text.toLowerCase();
      one(T["b"], EMPTY);
      one(T["w"], word.id);
      one(T["sh"], word.shape);
      one(T["p3"], ids.get(lower.slice(0, 3)) ?? -1);
      one(T["s2"], ids.get(lower.slice(-2)) ?? -1);
      one(T["s3"], ids.get(lower.slice(-3)) ?? -1);
      one(T["s4"], ids.get(lower.slice(-4)) ?? -1);
      for (const tag of word.lex) one(T["lex"], tag);
      word.own = into;
    }
    into = word.own.slice();
    // contextFeaturesOf, in its order.
    const before = wordAt(i - 1);
    const after = wordAt(i + 1);
    one(T["w-1"], before);
    one(T["w+1"], after);
    one(T["w-2"], wordAt(i - 2));
    one(T["w+2"], wordAt(i + 2));
    const shapeBefore = shapeAt(i - 1);
    const shapeAfter = shapeAt(i + 1);
    one(T["sh-1"], shapeBefore);
    one(T["sh+1"], shapeAfter);
    if (shapeBefore >= 0 && word.shape >= 0 && shapeAfter >= 0) add(joined[T["sh3"]]?.get((shapeBefore * base + word.shape) * base + shapeAfter) ?? -1);
    pair(T["w-1|w"], before, word.id);
    pair(T["w|w+1"], word.id, after);
    one(T["run"], ids.get(runValues[i]!) ?? -1);
    if (sentenceInitial(text, tokens, i)) {
      one(T["first"], EMPTY);
      one(T["first|w"], word.id);
    }
    if (tokens[i]!.possessive) one(T["poss"], EMPTY);
    if (i > 0 && tokens[i - 1]!.possessive) one(T["after-poss"], EMPTY);
    for (let k = -1; k <= 2; k++) {
      const other = entries[i + k];
      if (k === 0 || !tokens[i + k]) continue;
      const template = k === -1 ? T["lex-1"] : k === 1 ? T["lex+1"] : T["lex+2"];
      if (tokens[i + k]!.capitalized) for (const tag of other!.lex) one(template, tag);
      else if (other!.role) one(T["role"], ids.get(OFFSETS[k + 1]!)!);
      else if (other!.speech) one(T["speech"], ids.get(OFFSETS[k + 1]!)!);
    }
    current.emit.push(into);
  }
  return runs;
}
