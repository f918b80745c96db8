// Quoted sources by gender, the count news-diversity trackers are built on: the distinct
// persons quoted, and their quotes, per gender (Person.gender), over time or per outlet.
import { Prisma } from "../../generated/prisma/client.js";
import type { SqlReader } from "../sql-reader.js";
import { articleConditions, type ArticleFilterValues } from "./articles.js";
import type { TimelineInterval } from "./analytics.js";
import { conditions } from "./page-query.js";

export interface GenderCountRow {
  gender: "FEMALE" | "MALE" | "UNKNOWN";
  quotedPersons: number;
  quotes: number;
  directQuotes: number;
  partialQuotes: number;
}

// Quotes whose speaker is a stored person, in the matching articles (alias a), by gender.
const COUNTS = Prisma.sql`p.gender::text AS gender, count(DISTINCT q."speakerId")::int AS "quotedPersons", count(*)::int AS quotes,
  (count(*) FILTER (WHERE q.kind = 'DIRECT'))::int AS "directQuotes", (count(*) FILTER (WHERE q.kind = 'PARTIAL'))::int AS "partialQuotes"`;
const QUOTES_WITH_SPEAKERS = Prisma.sql`"Quote" q JOIN "Article" a ON a.id = q."articleId" JOIN "Person" p ON p.id = q."speakerId"`;

/** Per interval of publication (UTC) and gender; intervals without quotes are absent. */
export function quotedGenderTimeline(db: SqlReader, filter: ArticleFilterValues, interval: TimelineInterval) {
  const unit = Prisma.raw(`'${interval.toLowerCase()}'`);
  return db.query<GenderCountRow & { start: Date }>(Prisma.sql`
    SELECT date_trunc(${unit}, a."publishedAt") AS start, ${COUNTS}
    FROM ${QUOTES_WITH_SPEAKERS}
    WHERE a."publishedAt" IS NOT NULL AND ${conditions(articleConditions(filter))}
    GROUP BY 1, p.gender ORDER BY 1, p.gender`);
}

/** Per source (outlet; null when unknown) and gender, for the `limit` sources with the most quotes. */
export function quotedGenderBySource(db: SqlReader, filter: ArticleFilterValues, limit: number) {
  return db.query<GenderCountRow & { source: string | null }>(Prisma.sql`
    WITH counts AS (
      SELECT a.source, ${COUNTS} FROM ${QUOTES_WITH_SPEAKERS}
      WHERE ${conditions(articleConditions(filter))} GROUP BY a.source, p.gender
    ), top AS (
      SELECT source, sum(quotes) AS total FROM counts GROUP BY source ORDER BY total DESC, source ASC NULLS LAST LIMIT ${limit}
    )
    SELECT c.* FROM counts c JOIN top t ON c.source IS NOT DISTINCT FROM t.source
    ORDER BY t.total DESC, t.source ASC NULLS LAST, c.gender`);
}
