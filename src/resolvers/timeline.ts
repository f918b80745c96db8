// Fills the gaps of a timeline so dashboards get one bucket per interval, zeros included.
import type { TimelineInterval } from "../db/queries/analytics.js";

interface Bucket {
  start: Date;
  articleCount: number;
  mentionCount: number | null;
}

/** The start of the interval after `start` (UTC). */
export function nextBucket(start: Date, interval: TimelineInterval): Date {
  const next = new Date(start);
  if (interval === "DAY") next.setUTCDate(next.getUTCDate() + 1);
  else if (interval === "WEEK") next.setUTCDate(next.getUTCDate() + 7);
  else next.setUTCMonth(next.getUTCMonth() + 1);
  return next;
}

/** Buckets from the first to the last with data, one per interval. */
export function fillTimeline(rows: Bucket[], interval: TimelineInterval, maxBuckets = 10_000): Bucket[] {
  if (!rows.length) return [];
  const byStart = new Map(rows.map((row) => [new Date(row.start).getTime(), row]));
  const last = new Date(rows.at(-1)!.start).getTime();
  const zero = rows[0]!.mentionCount == null ? null : 0;
  const filled: Bucket[] = [];
  for (let at = new Date(rows[0]!.start); at.getTime() <= last && filled.length < maxBuckets; at = nextBucket(at, interval)) {
    filled.push(byStart.get(at.getTime()) ?? { start: at, articleCount: 0, mentionCount: zero });
  }
  return filled;
}
