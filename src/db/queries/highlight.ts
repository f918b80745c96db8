// Search snippets as HTML in which the only markup is the <mark> the server adds.
// ts_headline returns the text as written, tags and entities included, with each match
// between the selectors it is given. Its selectors are two control characters instead of
// "<mark>": the ingest turns those characters into spaces in every text it stores
// (cleanText), so here they cannot be confused with the text, which is escaped whole before
// the marks are written.

/** ts_headline's StartSel and StopSel: STX and ETX, never left in a stored text. */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

/** A headline's text without the selectors, and where its matches are in it. */
export interface Highlighted {
  text: string;
  /** [start, end) offsets into `text` (UTF-16 code units), in order, not overlapping. */
  matches: { start: number; end: number }[];
}

const SELECTOR = /[\u0002\u0003]/g;

/**
 * Splits a ts_headline result at its selectors. A selector where it makes no sense (a start
 * inside a match, an end outside one: a row stored before the ingest removed them) is
 * dropped, so the marks always pair up.
 */
export function parseHeadline(headline: string): Highlighted {
  const matches: Highlighted["matches"] = [];
  let text = "";
  let openAt: number | null = null;
  let last = 0;
  for (const selector of headline.matchAll(SELECTOR)) {
    text += headline.slice(last, selector.index);
    last = selector.index + 1;
    if (selector[0] === MATCH_START && openAt === null) openAt = text.length;
    else if (selector[0] === MATCH_END && openAt !== null) {
      if (text.length > openAt) matches.push({ start: openAt, end: text.length });
      openAt = null;
    }
  }
  text += headline.slice(last);
  if (openAt !== null && text.length > openAt) matches.push({ start: openAt, end: text.length });
  return { text, matches };
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text escaped for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** The headline as HTML: all of its text escaped, each match in <mark>…</mark>. */
export function highlightedHtml({ text, matches }: Highlighted): string {
  let html = "";
  let last = 0;
  for (const { start, end } of matches) {
    html += `${escapeHtml(text.slice(last, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    last = end;
  }
  return html + escapeHtml(text.slice(last));
}
