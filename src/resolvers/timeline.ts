// Fills the gaps of a timeline so dashboards get one bucket per interval, zeros included.
import type { TimelineInterval } from "../db/queries/analytics.js";
import { badInput } from "./errors.js";

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

/**
 * Buckets from the first to the last with data, one per interval. A range needing more than
 * `maxBuckets` is refused, never cut short: a timeline that silently ends early (one article
 * dated year 1 would fill it with empty years) reads as a true answer.
 */
export function fillTimeline(rows: Bucket[], interval: TimelineInterval, maxBuckets: number): Bucket[] {
  if (!rows.length) return [];
  const byStart = new Map(rows.map((row) => [new Date(row.start).getTime(), row]));
  const first = new Date(rows[0]!.start);
  const last = new Date(rows.at(-1)!.start);
  const zero = rows[0]!.mentionCount == null ? null : 0;
  const filled: Bucket[] = [];
  for (let at = first; at.getTime() <= last.getTime(); at = nextBucket(at, interval)) {
    if (filled.length === maxBuckets) {
      throw badInput(
        `the matching articles span ${first.toISOString()} to ${last.toISOString()}, more than ${maxBuckets} ${interval} buckets: ` +
          "narrow the range with filter.publishedAfter and filter.publishedBefore, or choose a coarser interval",
        "interval",
      );
    }
    filled.push(byStart.get(at.getTime()) ?? { start: at, articleCount: 0, mentionCount: zero });
  }
  return filled;
}
