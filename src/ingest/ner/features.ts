// The name tagger's view of a token: the features an averaged perceptron weighs, each a
// template and a value ("w" and "trump", "sh" and "Xx"). Training (scripts/train-ner.ts)
// and inference (tagger.ts) both take them from here, so the model always sees what it was
// trained on. Values are mostly strings made once per token and shared among templates:
// a string's hash is computed once, which keeps the lookups cheap.
import { getGazetteer } from "../gazetteer/index.js";
import { FEMALE_GIVEN_NAMES, GIVEN_NAMES, MALE_GIVEN_NAMES, MONTHS_AND_DAYS, ORG_WORDS, OUTLET_SET, ROLE_NOUNS, SENTENCE_STARTERS, SPEECH_VERBS, TITLE_WORDS } from "../lexicon.js";
import type { Token } from "../tokens.js";

/** Lowercase words that may stand inside a name between capitalised ones ("Bank of America", "Ludwig van Beethoven"). */
const CONNECTORS = new Set(["of", "and", "for", "the", "de", "van", "von", "al", "bin", "la", "le", "du", "da", "del", "der", "di", "on", "&"]);

const hasUpper = (word: string) => {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 65 && c <= 90) return true;
    if (c > 127) return /\p{Lu}/u.test(word);
  }
  return false;
};

const singleSpace = (text: string, from: number, to: number) => to - from === 1 && text.charCodeAt(from) === 32;

/**
 * Which tokens the tagger weighs at all. A name has an upper-case letter somewhere, or is a
 * connector between two such words; every other token is outside any name. Skipping them
 * keeps tagging to a fraction of the article's words.
 */
export function candidates(text: string, tokens: Token[]): boolean[] {
  const upper = tokens.map((t) => hasUpper(t.text));
  return tokens.map((t, i) => upper[i]! || (CONNECTORS.has(t.text) && i > 0 && i + 1 < tokens.length && upper[i - 1]! && upper[i + 1]!
    && singleSpace(text, tokens[i - 1]!.end, t.start) && singleSpace(text, t.end, tokens[i + 1]!.start)));
}

/** "Xx", "X", "X.X.", "d", "Xx-Xx": the word's letters as classes, repeats collapsed. */
export function shapeOf(word: string): string {
  let shape = "";
  let last = "";
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    let c: string;
    if (code >= 65 && code <= 90) c = "X";
    else if (code >= 97 && code <= 122) c = "x";
    else if (code >= 48 && code <= 57) c = "d";
    else {
      const ch = word[k]!;
      c = /\p{Lu}/u.test(ch) ? "X" : /\p{Ll}/u.test(ch) ? "x" : /\p{N}/u.test(ch) ? "d" : ch;
    }
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

/** Whether a token begins a sentence: first, or after a full stop, colon, line break or opening mark. */
export function sentenceInitial(text: string, tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const from = tokens[i - 1]!.end;
  const to = tokens[i]!.start;
  for (let k = from; k < to; k++) {
    const c = text[k]!;
    if (c === "." || c === "!" || c === "?" || c === ":" || c === "\n") return true;
  }
  return /[“"‘(]\s*$/.test(text.slice(from, to));
}

export interface TokenContext {
  /** Which tokens are weighed (see `candidates`). */
  mask: boolean[];
  lower: string[];
  /** Shapes of the candidates and their neighbours (others are left empty). */
  shapes: string[];
  initial: boolean[];
  /** Length of the run of capitalised, space-joined tokens each token is in (capped at 4), and its place in it (capped at 3). */
  run: string[];
  /** Lexicon and gazetteer memberships of capitalised tokens ("given", "org", "place:city" …). */
  lex: string[][];
}

const NONE: string[] = [];
const RUN_VALUES = Array.from({ length: 5 }, (_, n) => Array.from({ length: 4 }, (_, k) => `${n}:${k}`));

export function contextOf(text: string, tokens: Token[]): TokenContext {
  const n = tokens.length;
  const mask = candidates(text, tokens);
  const near = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) if (mask[i]) for (let k = Math.max(0, i - 2); k <= Math.min(n - 1, i + 2); k++) near[k] = true;
  const lower = tokens.map((t, i) => (near[i] ? t.text.toLowerCase() : ""));
  const shapes = tokens.map((t, i) => (near[i] ? shapeOf(t.text) : ""));
  const initial = tokens.map((_, i) => mask[i]! && sentenceInitial(text, tokens, i));
  const run = capitalRuns(text, tokens);
  const lex = tokens.map((t, i) => (near[i] && t.capitalized ? lexiconTags(t.text) : NONE));
  return { mask, lower, shapes, initial, run, lex };
}

/** The "run" feature's value of every token: see TokenContext.run. */
export function capitalRuns(text: string, tokens: Token[]): string[] {
  const n = tokens.length;
  const run = new Array<string>(n).fill(RUN_VALUES[0]![0]!);
  for (let i = 0; i < n; ) {
    if (!tokens[i]!.capitalized) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && tokens[j]!.capitalized && !tokens[j - 1]!.possessive && singleSpace(text, tokens[j - 1]!.end, tokens[j]!.start)) j++;
    for (let k = i; k < j; k++) run[k] = RUN_VALUES[Math.min(j - i, 4)]![Math.min(k - i, 3)]!;
    i = j;
  }
  return run;
}

/** Lexicon tags per word, kept: the lists do not change while the process runs. */
const lexiconCache = new Map<string, string[]>();
const LEXICON_CACHE_LIMIT = 100_000;

export function lexiconTags(word: string): string[] {
  let tags = lexiconCache.get(word);
  if (!tags) {
    if (lexiconCache.size > LEXICON_CACHE_LIMIT) lexiconCache.clear();
    lexiconCache.set(word, (tags = lookUpLexicons(word)));
  }
  return tags;
}

function lookUpLexicons(word: string): string[] {
  const tags: string[] = [];
  if (GIVEN_NAMES.has(word) || FEMALE_GIVEN_NAMES.has(word) || MALE_GIVEN_NAMES.has(word)) tags.push("given");
  if (TITLE_WORDS.has(word)) tags.push("title");
  if (ORG_WORDS.has(word)) tags.push("org");
  if (MONTHS_AND_DAYS.has(word)) tags.push("date");
  if (SENTENCE_STARTERS.has(word)) tags.push("starter");
  if (OUTLET_SET.has(word.toLowerCase())) tags.push("outlet");
  const { byAlias, firstWords, demonyms } = getGazetteer();
  const place = byAlias.get(word);
  if (place) tags.push(`place:${place.kind}`);
  else if (firstWords.has(word)) tags.push("placeStart");
  if (demonyms.has(word) || (word.endsWith("s") && demonyms.has(word.slice(0, -1)))) tags.push("demonym");
  return tags.length ? tags : NONE;
}

/** The feature templates; a feature is written "template=value" in the model file. */
export const TEMPLATES = [
  "b", "w", "sh", "p3", "s2", "s3", "s4", "lex", "w-1", "w+1", "w-2", "w+2", "sh-1", "sh+1", "sh3", "w-1|w", "w|w+1", "run", "first",
  "first|w", "poss", "after-poss", "lex-1", "lex+1", "lex+2", "role", "speech",
] as const;
export const T = Object.fromEntries(TEMPLATES.map((name, k) => [name, k])) as Record<(typeof TEMPLATES)[number], number>;

/** Receives one feature: its template (an index into TEMPLATES) and its value. */
export type FeatureSink = (template: number, value: string) => void;



/**
 * The features of token i that depend on its own text alone (its word, shape, affixes,
 * lexicon memberships): the same for every occurrence of the word, so callers may keep
 * their rows per word.
 */
export function wordFeaturesOf(tokens: Token[], ctx: TokenContext, i: number, sink: FeatureSink): void {
  const w = ctx.lower[i]!;
  sink(T["b"], "");
  sink(T["w"], w);
  sink(T["sh"], ctx.shapes[i]!);
  sink(T["p3"], w.slice(0, 3));
  sink(T["s2"], w.slice(-2));
  sink(T["s3"], w.slice(-3));
  sink(T["s4"], w.slice(-4));
  for (const tag of ctx.lex[i]!) sink(T["lex"], tag);
}

const wordAt = (ctx: TokenContext, i: number) => (i < 0 ? "<s>" : i >= ctx.lower.length ? "</s>" : ctx.lower[i]!);
const shapeAt = (ctx: TokenContext, i: number) => (i < 0 ? "<s>" : i >= ctx.shapes.length ? "</s>" : ctx.shapes[i]!);

/** The features of token i that depend on its neighbours and its place in the sentence. */
export function contextFeaturesOf(tokens: Token[], ctx: TokenContext, i: number, sink: FeatureSink): void {
  const w = ctx.lower[i]!;
  const before = wordAt(ctx, i - 1);
  const after = wordAt(ctx, i + 1);
  sink(T["w-1"], before);
  sink(T["w+1"], after);
  sink(T["w-2"], wordAt(ctx, i - 2));
  sink(T["w+2"], wordAt(ctx, i + 2));
  const shapeBefore = shapeAt(ctx, i - 1);
  const shapeAfter = shapeAt(ctx, i + 1);
  sink(T["sh-1"], shapeBefore);
  sink(T["sh+1"], shapeAfter);
  sink(T["sh3"], `${shapeBefore}|${ctx.shapes[i]}|${shapeAfter}`);
  sink(T["w-1|w"], `${before}|${w}`);
  sink(T["w|w+1"], `${w}|${after}`);
  sink(T["run"], ctx.run[i]!);
  if (ctx.initial[i]) {
    sink(T["first"], "");
    sink(T["first|w"], w);
  }
  if (tokens[i]!.possessive) sink(T["poss"], "");
  if (i > 0 && tokens[i - 1]!.possessive) sink(T["after-poss"], "");
  for (let k = -1; k <= 2; k++) {
    const other = tokens[i + k];
    if (k === 0 || !other) continue;
    const template = k === -1 ? T["lex-1"] : k === 1 ? T["lex+1"] : T["lex+2"];
    if (other.capitalized) for (const tag of ctx.lex[i + k]!) sink(template, tag);
    else if (ROLE_NOUNS.has(ctx.lower[i + k]!)) sink(T["role"], OFFSETS[k + 1]!);
    else if (SPEECH_VERBS.has(ctx.lower[i + k]!)) sink(T["speech"], OFFSETS[k + 1]!);
  }
}

export const OFFSETS = ["-1", "0", "1", "2"];
