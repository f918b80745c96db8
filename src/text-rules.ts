// What a short piece of text given to the API may hold: a search, a filter, a name, a title.
// Free of other imports, so the server's argument checks and the ingest pipeline share it.
// PostgreSQL cannot store NUL in text at all (22021/22P05), and the other control
// characters are never part of a name or a search: refusing them up front gives the client
// a reason instead of a database error.

/** Control characters other than tab, line feed and carriage return, and DEL. */
const DISALLOWED_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Where the first disallowed control character is ("U+0000 at character 4"), or null when there is none. */
export function disallowedControlCharacter(text: string): string | null {
  const match = DISALLOWED_CONTROL.exec(text);
  if (!match) return null;
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} at character ${match.index + 1}`;
}

/** Longest person or venue name, new or searched for: longer ones are never names, and the name indexes cannot hold them. */
export const MAX_NAME_LENGTH = 300;

/** Longest publication name (indexed, like names). */
export const MAX_SOURCE_LENGTH = 300;

/** Longest headline. */
export const MAX_TITLE_LENGTH = 1_000;
