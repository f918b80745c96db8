// Which part of a filtered, ordered list one page covers, and the OFFSET and LIMIT that fetch
// it. The resolvers turn a connection's arguments into a window (resolvers/pagination.ts);
// the page queries (queries/page-query.ts) run it.

/** Which positions (1-based, in the whole ordered list) a page covers. */
export interface PageWindow {
  /** Items strictly after this position (0: from the start). */
  after: number;
  /** Items strictly before this position (null: to the end). */
  before: number | null;
  first: number | null;
  last: number | null;
}

/** OFFSET and LIMIT for a window over a list of `total` items. */
export function offsetAndLimit(window: PageWindow, total: number): { offset: number; limit: number } {
  const upper = Math.min(window.before ?? total + 1, total + 1);
  let start = Math.min(window.after, total);
  let end = upper - 1;
  if (window.first != null) end = Math.min(end, start + window.first);
  if (window.last != null) start = Math.max(start, end - window.last);
  return { offset: start, limit: Math.max(0, end - start) };
}

/** Whether a window needs the list's total before it can be fetched (last without before). */
export function needsTotalFirst(window: PageWindow): boolean {
  return window.last != null && window.before == null;
}
