// Offset-preserving repairs: each replaces one UTF-16 unit with one, so an offset into the
// repaired text is an offset into the text as read.

const NO_BREAK_SPACES = /[\u00a0\u2007\u202f]/g;

// Cyrillic letters that look like Latin ones; scrapes mix them into English words ("Сomment").
const CYRILLIC_LOOKALIKES: Record<string, string> = {
  "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O", "Р": "P", "Т": "T", "Х": "X",
  "а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y", "і": "i", "ј": "j", "ѕ": "s", "ё": "e", "Ё": "E",
};
const CYRILLIC = /[\u0400-\u04ff]/;
const WORD = /[\p{L}\p{M}]+/gu;

/** Replaces look-alike Cyrillic letters in words that are mostly Latin; leaves Russian words alone. */
function repairMixedScriptWords(text: string): string {
  // Most texts have no Cyrillic letter at all: nothing to look at word by word.
  if (!CYRILLIC.test(text)) return text;
  return text.replace(WORD, (word) => {
    if (!CYRILLIC.test(word)) return word;
    const cyrillic = [...word].filter((ch) => CYRILLIC.test(ch)).length;
    if (cyrillic * 2 >= word.length) return word;
    return [...word].map((ch) => CYRILLIC_LOOKALIKES[ch] ?? ch).join("");
  });
}

/**
 * Control characters other than line breaks, as spaces. Search snippets are marked with two
 * of them (db/queries/highlight.ts): a stored text must not hold them, or its own would read
 * as the server's marks.
 */
const CONTROLS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/g;

export function cleanText(text: string): string {
  const cleaned = repairMixedScriptWords(text.replace(NO_BREAK_SPACES, " ")).replace(CONTROLS, " ");
  if (cleaned.length !== text.length) throw new Error("cleanText must preserve offsets");
  return cleaned;
}

/** Lowercased, accent-free, punctuation-free form of a name: the key that makes ingest idempotent. */
export function normalizeName(name: string): string {
  return cleanText(name)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’']s$/u, "")
    .replace(/[.\u2019'`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
