// The last look at an extraction before it is stored, for every path alike (files, JSON
// Lines, the GraphQL mutations, reprocess): an article with no prose is refused, and what was
// merely found in the text but cannot be right (a publication date centuries off, a
// "publication name" as long as a page) is left out with a note rather than stored.
import { disallowedControlCharacter, MAX_SOURCE_LENGTH } from "../text-rules.js";
import { publicationRangeProblem } from "./dates.js";
import { IngestError, type Extraction, type RawDocument } from "./types.js";

/**
 * Longest run of characters without a space still read as a word. Longer runs (a base64
 * blob, a pasted hash, one megabyte of "a") are not prose; the longest English words and
 * URLs stay well under it.
 */
export const MAX_WORD_LENGTH = 100;

const WHITESPACE = /\s+/;
const LETTER = /\p{L}/u;

/**
 * Whether a body holds prose: at least one word, i.e. a run of non-space characters no longer
 * than MAX_WORD_LENGTH with a letter in it. Punctuation, digits, control characters and
 * endless tokens alone are not an article.
 */
export function hasProse(body: string): boolean {
  for (const token of body.split(WHITESPACE)) {
    if (token.length > 0 && token.length <= MAX_WORD_LENGTH && LETTER.test(token)) return true;
  }
  return false;
}

function noProse(origin: string): IngestError {
  return new IngestError(origin, `the article's body holds no words once cleaned (no run of letters of at most ${MAX_WORD_LENGTH} characters between spaces): nothing to store`);
}

/** Refuses, before the extractor's work, a document whose whole text has no prose: its body cannot have any. */
export function admitDocument(doc: RawDocument): void {
  if (!hasProse(doc.text)) throw noProse(doc.origin);
}

/** Refuses an extraction that is no article (IngestError), and leaves out implausible found values with a note. */
export function admitExtraction(origin: string, x: Extraction): void {
  if (!hasProse(x.article.body)) throw noProse(origin);
  const { publishedAt, source } = x.article;
  const dateProblem = publishedAt ? publicationRangeProblem(publishedAt) : null;
  if (dateProblem) {
    x.article.publishedAt = null;
    x.notes.push(`the publication date found in the article (${dateProblem}) cannot be right: left out`);
  }
  if (source && (source.length > MAX_SOURCE_LENGTH || disallowedControlCharacter(source))) {
    x.article.source = null;
    x.notes.push(`the publication name found in the article is not one (over ${MAX_SOURCE_LENGTH} characters or with control characters): left out`);
  }
}
