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

export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = offset;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) && m.index < end) {
    let word = m[0];
    let possessive = false;
    if (/[’']s$/u.test(word) && word.length > 2) {
      word = word.slice(0, -2);
      possessive = true;
    } else {
      // Plural possessive: "Koreans’ leaders" (an apostrophe after the final s, then no letter).
      const after = m.index + word.length;
      possessive = /s$/.test(word) && /^[’']$/u.test(text[after] ?? "") && !/\p{L}/u.test(text[after + 1] ?? "");
    }
    tokens.push({ start: m.index, end: m.index + word.length, text: word, capitalized: /^\p{Lu}/u.test(word), possessive });
  }
  return tokens;
}

/** Whether only spaces (or a hyphen-free gap of one space) separate two tokens. */
export function adjacent(text: string, a: Token, b: Token): boolean {
  return /^ {1,2}$/.test(text.slice(a.end, b.start)) && !a.possessive;
}
