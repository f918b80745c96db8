// The name tagger's view of a token: the feature strings an averaged perceptron weighs.
// Training (scripts/train-ner.ts) and inference (tagger.ts) both take them from here, so the
// model always sees what it was trained on.
import { getGazetteer } from "../gazetteer/index.js";
import { FEMALE_GIVEN_NAMES, GIVEN_NAMES, MALE_GIVEN_NAMES, MONTHS_AND_DAYS, ORG_WORDS, OUTLET_SET, ROLE_NOUNS, SENTENCE_STARTERS, SPEECH_VERBS, TITLE_WORDS } from "../lexicon.js";
import type { Token } from "../tokens.js";

/** Lowercase words that may stand inside a name between capitalised ones ("Bank of America", "Ludwig van Beethoven"). */
const CONNECTORS = new Set(["of", "and", "for", "the", "de", "van", "von", "al", "bin", "la", "le", "du", "da", "del", "der", "di", "on", "&"]);

/**
 * Which tokens the tagger weighs at all. A name has an upper-case letter somewhere, or is a
 * connector between two such words; every other token is outside any name. Skipping them
 * keeps tagging to a fraction of the article's words.
 */
export function candidates(text: string, tokens: Token[]): boolean[] {
  const upper = tokens.map((t) => /\p{Lu}/u.test(t.text));
  return tokens.map((t, i) => upper[i] || (CONNECTORS.has(t.text) && i > 0 && i + 1 < tokens.length && upper[i - 1]! && upper[i + 1]!
    && /^ $/.test(text.slice(tokens[i - 1]!.end, t.start)) && /^ $/.test(text.slice(t.end, tokens[i + 1]!.start))));
}

/** "Xx", "X", "X.X.", "d", "Xx-Xx": the word's letters as classes, repeats collapsed. */
export function shapeOf(word: string): string {
  let shape = "";
  let last = "";
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? "X" : /\p{Ll}/u.test(ch) ? "x" : /\p{N}/u.test(ch) ? "d" : ch;
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

/** Whether a token begins a sentence: nothing but spaces before it, or a full stop, line break or opening mark. */
function sentenceInitial(text: string, tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const gap = text.slice(tokens[i - 1]!.end, tokens[i]!.start);
  return /[.!?:\n]|[“"‘(]\s*$/.test(gap);
}

export interface TokenContext {
  lower: string[];
  shapes: string[];
  initial: boolean[];
  /** Length of the run of capitalised, space-joined tokens this token is in, and its place in it. */
  runLength: number[];
  runIndex: number[];
  /** Lexicon and gazetteer memberships of each capitalised token ("given", "org", "place:city" …). */
  lex: string[][];
}

export function contextOf(text: string, tokens: Token[]): TokenContext {
  const lower = tokens.map((t) => t.text.toLowerCase());
  const shapes = tokens.map((t) => shapeOf(t.text));
  const initial = tokens.map((_, i) => sentenceInitial(text, tokens, i));
  const runLength = new Array<number>(tokens.length).fill(0);
  const runIndex = new Array<number>(tokens.length).fill(0);
  for (let i = 0; i < tokens.length; ) {
    if (!tokens[i]!.capitalized) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.capitalized && !tokens[j - 1]!.possessive && text.slice(tokens[j - 1]!.end, tokens[j]!.start) === " ") j++;
    for (let k = i; k < j; k++) (runLength[k] = j - i, runIndex[k] = k - i);
    i = j;
  }
  const lex = tokens.map((t) => (t.capitalized ? lexiconTags(t.text) : NONE));
  return { lower, shapes, initial, runLength, runIndex, lex };
}

const NONE: string[] = [];

const lexiconTags = (word: string): string[] => {
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
  return tags;
};

/** The feature strings of token i. */
export function featuresOf(tokens: Token[], ctx: TokenContext, i: number): string[] {
  const t = tokens[i]!;
  const w = ctx.lower[i]!;
  const word = (k: number) => ctx.lower[i + k] ?? (k < 0 ? "<s>" : "</s>");
  const shape = (k: number) => ctx.shapes[i + k] ?? (k < 0 ? "<s>" : "</s>");
  const f = [
    "b", `w=${w}`, `sh=${ctx.shapes[i]}`, `p3=${w.slice(0, 3)}`, `s3=${w.slice(-3)}`, `s4=${w.slice(-4)}`, `s2=${w.slice(-2)}`,
    `w-1=${word(-1)}`, `w+1=${word(1)}`, `w-2=${word(-2)}`, `w+2=${word(2)}`,
    `sh-1=${shape(-1)}`, `sh+1=${shape(1)}`, `sh3=${shape(-1)}|${ctx.shapes[i]}|${shape(1)}`,
    `w-1|w=${word(-1)}|${w}`, `w|w+1=${w}|${word(1)}`,
    `run=${Math.min(ctx.runLength[i]!, 4)}:${Math.min(ctx.runIndex[i]!, 3)}`,
  ];
  if (ctx.initial[i]) f.push("first", `first|w=${w}`);
  if (t.possessive) f.push("poss");
  if (i > 0 && tokens[i - 1]!.possessive) f.push("after-poss");
  for (const tag of ctx.lex[i]!) f.push(`lex=${tag}`);
  for (const k of [-1, 1, 2]) {
    const other = tokens[i + k];
    if (!other) continue;
    if (other.capitalized) for (const tag of ctx.lex[i + k]!) f.push(`lex${k}=${tag}`);
    else if (ROLE_NOUNS.has(ctx.lower[i + k]!)) f.push(`role${k}`);
    else if (SPEECH_VERBS.has(ctx.lower[i + k]!)) f.push(`speech${k}`);
  }
  return f;
}
