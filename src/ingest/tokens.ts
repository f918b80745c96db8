// A small tokenizer for proper-noun work: words with offsets, "U.S."-style acronyms kept
// whole, possessive "'s" split off (the name ends before it).
import type { Span } from "./types.js";

export interface Token extends Span {
  text: string;
  /** Starts with an upper-case letter (or is an acronym such as "U.S."). */
  capitalized: boolean;
  /** Followed by a possessive 's / ’s (not part of the token). */
  possessive: boolean;
}

const TOKEN = /\p{Lu}\.(?:\p{Lu}\.)+|\p{Lu}\.(?=\s+\p{Lu})|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

const isApostrophe = (code: number) => code === 39 || code === 0x2019;

/** Whether the word's first letter is upper-case (ASCII decided without a regular expression). */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = offset;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) && m.index < end) {
    let word = m[0];
    let possessive = false;
    // Character codes first: every token of every article passes here.
    const endsInS = word.charCodeAt(word.length - 1) === 115;
    if (endsInS && word.length > 2 && isApostrophe(word.charCodeAt(word.length - 2))) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (endsInS) {
      // Plural possessive: "Koreans’ leaders" (an apostrophe after the final s, then no letter).
      const after = m.index + word.length;
      possessive = isApostrophe(text.charCodeAt(after)) && !/\p{L}/u.test(text[after + 1] ?? "");
    }
    tokens.push({ start: m.index, end: m.index + word.length, text: word, capitalized: startsUpper(word), possessive });
  }
  return tokens;
}

/** Whether only spaces (or a hyphen-free gap of one space) separate two tokens. */
export function adjacent(text: string, a: Token, b: Token): boolean {
  return /^ {1,2}$/.test(text.slice(a.end, b.start)) && !a.possessive;
}
