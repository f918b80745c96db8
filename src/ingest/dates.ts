// Publication dates: an explicit one (a JSON Lines field, an HTML meta tag) must be written
// as ISO 8601, and every one, wherever it comes from, must fall in a range a news article
// can have. Lenient parsers read "1" as 2001-01-01, and a year 0001 stretches every timeline
// over twenty centuries of empty buckets.

/** Nothing in the archive is older than this: earlier dates are typing or parsing mistakes. */
export const EARLIEST_PUBLICATION = new Date(Date.UTC(1800, 0, 1));

/** How far ahead of this server's clock a publication time may be: time zones and clock skew. */
const FUTURE_ALLOWANCE_MS = 24 * 60 * 60 * 1000;

export function latestPublication(now: Date = new Date()): Date {
  return new Date(now.getTime() + FUTURE_ALLOWANCE_MS);
}

/** What is wrong with a publication time, or null when it is plausible. */
export function publicationRangeProblem(date: Date, now: Date = new Date()): string | null {
  if (Number.isNaN(date.getTime())) return "is not a valid time";
  if (date < EARLIEST_PUBLICATION) return `${date.toISOString()} is before ${EARLIEST_PUBLICATION.toISOString().slice(0, 10)}`;
  if (date > latestPublication(now)) return `${date.toISOString()} is more than a day after this server's clock`;
  return null;
}

// YYYY-MM-DD, optionally with a time (minutes at least) and an offset; "T" or one space between.
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * An ISO 8601 calendar date or date-time, or null for anything else (also for impossible
 * ones like February 30). A date alone is midnight UTC, and a time without an offset is
 * read as UTC: the server's own time zone must not change what is stored.
 */
export function parseIsoDate(value: string): Date | null {
  const m = ISO_8601.exec(value.trim());
  if (!m) return null;
  const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "0", offset = "Z"] = m;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  // setUTCFullYear, unlike Date.UTC, takes years below 100 as they are.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, Math.floor(Number(`0.${fraction}`) * 1000));
  // February 30 rolls over into March: an impossible date is refused instead.
  if (date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1) return null;
  return new Date(date.getTime() - offsetMinutes(offset) * 60_000);
}

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === "Z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}
