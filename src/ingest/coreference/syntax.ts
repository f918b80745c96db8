// The little sentence structure coreference needs, read from the words around a mention:
// is a name the subject of its clause, is a pronoun an object, does a clause break lie
// between two positions, which noun phrases describe a person.
import { ROLE_NOUNS, SPEECH_VERBS } from "../lexicon.js";
import { wordGender } from "./gender.js";

// Words that may stand before a subject in its clause: titles, roles and labels
// ("Transport Minister Ana Ruiz", "Republican presidential nominee Donald Trump").
const BEFORE_SUBJECT = /^(?:[\s"“‘(—–-]|(?:\p{Lu}[\p{L}.'’-]*|the|a|an|former|then|longtime|veteran|[\p{Ll}-]+(?=\s+\p{Lu})|[\d/]+)\s)*$/u;
const CLAUSE_OPENER = /(?:[,;:]|\b(?:that|and|but|because|when|while|after|before|since|if|although|though|who|as)\b)(?=[^,;:]*$)/u;
const AUXILIARY = new Set("is was has had have will would could should can may might did does do also had then".split(" "));

/** Whether a name at [start, end) is the subject of its clause: it opens it, or a verb follows it. */
export function isSubject(text: string, start: number, end: number, sentenceStart: number): boolean {
  const next = text.charCodeAt(end);
  if (next === 39 || next === 0x2019) return false; // "Trump's campaign": a possessive
  const after = /^,?\s+(?:\p{Ll}+ly\s+)?(\p{Ll}+)/u.exec(text.slice(end, end + 40));
  if (after && (SPEECH_VERBS.has(after[1]!) || AUXILIARY.has(after[1]!))) return true;
  const before = text.slice(sentenceStart, start);
  if (BEFORE_SUBJECT.test(before)) return true;
  const opener = CLAUSE_OPENER.exec(before);
  return !!opener && BEFORE_SUBJECT.test(before.slice(opener.index + opener[0].length));
}

// After "her": words that end a noun phrase, so "her" is an object ("told her that").
const NOT_A_NOUN = new Set("to and in on at for that the a an with of as by from about into over after before or but if when than this these those".split(" "));

/** Whether a pronoun at `end` is the object of a verb or preposition ("him", "her" alone). */
export function isObjectPronoun(text: string, word: string, end: number): boolean {
  const w = word.toLowerCase();
  if (w === "him") return true;
  if (w !== "her") return false;
  const next = /^\s*([\p{L}’'-]+|[.,;:!?)"”]|$)/u.exec(text.slice(end, end + 30));
  return !next || !/^\p{Ll}/u.test(next[1]!) || NOT_A_NOUN.has(next[1]!);
}

/** Whether a clause boundary lies between two positions of one sentence. */
export function clauseBreakBetween(text: string, from: number, to: number): boolean {
  return /[,;:]|\b(?:that|who|whom|which|because|when|after|before|while|if|and|but|whether|said|says|told|asked)\b/u.test(text.slice(from, to));
}

export interface Description {
  start: number;
  end: number;
  text: string;
  /** The noun it ends in: a role ("mayor"), an age ("39-year-old") or a gendered noun ("woman"). */
  head: string;
  /** The words before the head ("union" in "the union leader"). */
  modifiers: string[];
}

// "the" and up to three lower-case words after it; the head is the last of them that can head a description.
const DESCRIPTION = /\b[Tt]he((?:\s+(?:\d+-year-old|[\p{Ll}][\p{L}'’-]*)){1,3})/gu;

export const isAgeNoun = (head: string) => /^\d+-year-old$/.test(head);

/** Whether a noun can head a description of one person. */
export function isPersonHead(head: string): boolean {
  return ROLE_NOUNS.has(head) || isAgeNoun(head) || wordGender(head) !== null;
}

/** Definite descriptions of one person in [from, to): "the mayor", "the 39-year-old", "the union leader". */
export function findDescriptions(text: string, from: number, to: number): Description[] {
  const found: Description[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(DESCRIPTION)) {
    // Each word with where it ends in the match, to cut the phrase after its head.
    const words = [...m[1]!.matchAll(/\S+/g)].map((w) => ({ word: w[0], end: m[0].length - m[1]!.length + w.index! + w[0].length }));
    let k = words.length - 1;
    while (k >= 0 && !isPersonHead(words[k]!.word)) k--;
    if (k < 0) continue;
    const start = from + m.index!;
    const text = m[0].slice(0, words[k]!.end);
    found.push({ start, end: start + text.length, text, head: words[k]!.word, modifiers: words.slice(0, k).map((w) => w.word) });
  }
  return found;
}
