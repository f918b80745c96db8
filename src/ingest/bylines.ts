// Bylines: who wrote an article, from a "By …" line or a page's author metadata, as a list of
// names. A byline names its writers, never the persons the article is about, so its names
// are kept apart from the persons mentioned.

/** At most this many authors are kept from one article: more is a listing, not a byline. */
export const MAX_AUTHORS = 10;
/** A longer author name is not a byline's name (a sentence, a blurb). */
const MAX_AUTHOR_LENGTH = 80;

const BY_PREFIX = /^(?:(?:words|written|reported|reporting|text|story)\s+)?by\s*[:\-–—]?\s+/i;
/** Words of a role or desk after a name: "Jane Doe, Science Correspondent", "John Roe, staff writer". */
const ROLE_WORD = /\b(correspondent|editor|reporter|writer|staff|contributor|columnist|analyst|desk|bureau|chief|producer|journalist|photographer|team)s?\b/i;
/** An outlet after a name: "Jane Doe, BBC News", "John Roe, AP". */
const AFFILIATION = (s: string) => /^\p{Lu}{2,}(?:\s|$)/u.test(s) || /\b(?:news|press|agency|media)\b/i.test(s);
/** "in Paris", "for The Times": where or for whom the writer filed, not a name. */
const FILED_FROM = /\s+(?:in|from|at|for)\s+.*$/u;
/** Page furniture that follows a byline element's name: "| Updated 3 May", "· 4 min read". */
const FURNITURE = /\s*(?:[|·•]|\b(?:updated|published|posted)\b|\d{1,2}:\d{2}|\b\d+\s+min(?:ute)?s?\s+read\b).*$/isu;
/** A name as a byline writes it: one to five capitalised words (initials, particles allowed). */
const NAME = /^[\p{Lu}][\p{L}'’.-]*(?:\s+(?:(?:de|da|del|der|di|du|van|von|la|le|bin|al|el)\s+)*[\p{Lu}][\p{L}'’.-]*){0,4}$/u;

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** Whether a piece of a byline reads as a name (not a role, a date or a sentence). */
export function isNameLike(s: string): boolean {
  return s.length <= MAX_AUTHOR_LENGTH && NAME.test(s) && !ROLE_WORD.test(s);
}

/**
 * The names in one byline as written: "By Jane Doe and John Roe" → both; "By Ann Lee, Europe
 * correspondent" → "Ann Lee"; "A, B and C" → three. With `strict` (text lines and page
 * elements, where a byline must be told from prose) every name must read as one; metadata
 * (`strict` false) is kept as the page gives it, an agency ("Reuters") included.
 */
export function namesInByline(byline: string, strict: boolean): string[] {
  let text = squash(byline).replace(BY_PREFIX, "");
  if (strict) text = text.replace(FURNITURE, "");
  const parts = text.split(/\s*(?:,|;|\band\b|&)\s*/u).map((p) => p.replace(/[.:]+$/u, "").trim()).filter(Boolean);
  const names: string[] = [];
  for (const [i, raw] of parts.entries()) {
    const part = strict ? raw.replace(FILED_FROM, "") : raw;
    // A role or an outlet after a name ends the names ("Jane Doe, Science Correspondent").
    if (i > 0 && (ROLE_WORD.test(part) || AFFILIATION(part))) break;
    if (isNameLike(part)) names.push(part);
    else if (!strict && part.length <= MAX_AUTHOR_LENGTH && !/^https?:/i.test(part) && !ROLE_WORD.test(part)) names.push(part);
    else if (strict) return i > 0 ? names : [];
  }
  return names;
}

/** A line of text that is a byline ("By Jane Doe"): its names, else null. */
export function bylineNames(line: string): string[] | null {
  const text = squash(line);
  if (!BY_PREFIX.test(text) || text.split(" ").length > 16) return null;
  const names = namesInByline(text, true);
  return names.length ? names : null;
}

/** Names from several places, first form kept, case- and space-insensitive duplicates dropped. */
export function uniqueAuthors(names: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = squash(raw);
    const key = name.toLowerCase();
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
    if (out.length === MAX_AUTHORS) break;
  }
  return out;
}
