// Checks that the derived rows the triggers keep agree with counting them from the mentions,
// after the scale benchmark's set-based inserts: persons' counts, co-mentioned pairs, and the
// per-day article counts and the venues' counts.
import pg from "pg";

const CHECKS: Record<string, string> = {
  "persons' counts": `
    SELECT count(*) FROM "Person" p LEFT JOIN (SELECT "personId", count(*) AS a, sum("mentionCount") AS m FROM "ArticlePerson" GROUP BY 1) c
      ON c."personId" = p.id WHERE p."articleCount" <> coalesce(c.a, 0) OR p."mentionCount" <> coalesce(c.m, 0)`,
  "co-mentioned pairs": `
    SELECT count(*) FROM (
      SELECT x."personId", y."personId" AS other, count(*)::int AS n FROM "ArticlePerson" x
      JOIN "ArticlePerson" y ON y."articleId" = x."articleId" AND y."personId" <> x."personId" GROUP BY 1, 2) c
    FULL JOIN "PersonCoMention" m ON m."personId" = c."personId" AND m."coMentionedId" = c.other
    WHERE m."sharedArticles" IS DISTINCT FROM c.n`,
  "venues' counts": `
    SELECT count(*) FROM "Venue" v LEFT JOIN (SELECT "venueId", count(*) AS a, sum("mentionCount") AS m FROM "ArticleVenue" GROUP BY 1) c
      ON c."venueId" = v.id WHERE v."articleCount" <> coalesce(c.a, 0) OR v."mentionCount" <> coalesce(c.m, 0)`,
  "articles per day": `
    SELECT count(*) FROM (SELECT coalesce(date_trunc('day', "publishedAt"), '-infinity') AS day, count(*)::int AS n FROM "Article" GROUP BY 1) c
    FULL JOIN (SELECT * FROM "ArticleDayCount" WHERE articles <> 0) k ON k.day = c.day WHERE k.articles IS DISTINCT FROM c.n`,
};

export async function checkConsistency(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const [name, sql] of Object.entries(CHECKS)) {
      const wrong = Number((await client.query(sql)).rows[0].count);
      console.log(`  check ${name}: ${wrong ? `${wrong} WRONG` : "all agree"}`);
      if (wrong) throw new Error(`${name}: ${wrong} rows disagree with counting`);
    }
  } finally {
    await client.end();
  }
}
