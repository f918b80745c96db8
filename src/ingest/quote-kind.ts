// Stage 3c, quote kinds: whether marks give a speaker's words whole (DIRECT) or a fragment
// of them inside the reporter's own sentence (PARTIAL).
import type { QuoteKind, Span } from "./types.js";

export interface KindedSpan extends Span {
  /** Part of a quotation running over several paragraphs. */
  continues: boolean;
  continued: boolean;
}

/** Fewer words ending in a full stop are a term or a title (“13th.”), not a sentence of their own. */
const MIN_SENTENCE_WORDS = 3;
/** Punctuation that closes a quoted clause inside the marks: "…,” she said", "…?”". */
const CLOSES_CLAUSE = /[.,!?…:;—–-]$/u;

/**
 * A quote is DIRECT when it stands as the speaker's own sentence: it opens its sentence
 * ("“We will appeal,” she said."), runs over paragraphs, follows an introducing comma or
 * colon ("He said: “We will appeal.”", "“A,” he said, “and b.”"), or closes a sentence of
 * its own inside the marks ("Trump declared “NATO is obsolete.”"). Words the reporter's
 * sentence runs on past ("“You squeezed employees” to drive up the stock price") or weaves
 * in ("She called the ruling “a dangerous precedent”") are PARTIAL.
 */
export function quoteKind(text: string, span: KindedSpan, sentenceStart: number, attributedAfter: boolean): QuoteKind {
  if (span.continues || span.continued) return "DIRECT";
  const inner = text.slice(span.start, span.end).trim();
  const lead = text.slice(sentenceStart, span.start - 1);
  const runsOn = !attributedAfter && !CLOSES_CLAUSE.test(inner) && /^\s*\p{Ll}/u.test(text.slice(span.end + 1, span.end + 4));
  if (runsOn) return "PARTIAL";
  if (!/\S/.test(lead)) return "DIRECT";
  if (/[,:]\s*$/.test(lead) && !/\b(?:that|because|as|including),?\s*$/i.test(lead)) return "DIRECT";
  if (/[.!?]$/.test(inner) && /^[\p{Lu}\d‘'"“[]/u.test(inner) && inner.split(/\s+/).length >= MIN_SENTENCE_WORDS) return "DIRECT";
  return "PARTIAL";
}
