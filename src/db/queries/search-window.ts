// How a search is ranked. Ranking reads every matching article's search vector, so a search
// for words in most articles costs as much as the whole archive: 4 s for 100,000 articles.
// Where the column statistics say the words are in at least `share` of all articles (and
// there are more articles than the window), the search ranks the matches among the newest
// `articles` articles instead: what a reader of news searching for common words wants
// first, read in publication order from an index, the same cost at any archive size. Its
// list (pages, totalCount) is that window's; totalCountEstimate estimates all matches.
import { Prisma } from "../../generated/prisma/client.js";
import type { SqlReader } from "../sql-reader.js";
import type { ArticleFilterValues } from "./filter-values.js";
import { hasSearchText } from "./sql.js";

/** The window's size and the share of articles a search must match to be ranked in it (tests make it small). */
export const SEARCH_WINDOW = { articles: 1_000, share: 0.05 };

/** A search's total is reported as an estimate beyond this many estimated matches. */
export const EXACT_TOTAL_UP_TO = 10_000;

export interface SearchPlan {
  /** How many articles the search matches, as the planner estimates it. */
  estimatedMatches: number;
  /** Rank the matches among the newest this many articles (null: rank all matches). */
  newestWindow: number | null;
}

/** Only a search: other filters would narrow the matches the estimate counts. */
function searchOnly(f: ArticleFilterValues): boolean {
  return !f.publishedAfter && !f.publishedBefore && !f.source && !f.tag && !f.author && f.personId == null && f.venueId == null && f.speakerId == null && f.hasQuotes == null;
}

/** The plan of a search-only list (one statement: the planner's estimate); null for other lists. */
export async function searchPlan(db: SqlReader, f: ArticleFilterValues): Promise<SearchPlan | null> {
  if (!hasSearchText(f.search) || !searchOnly(f)) return null;
  const [row] = await db.query<{ matches: number; articles: number }>(Prisma.sql`SELECT * FROM "Article_search_matches_estimate"(${f.search})`);
  const matches = Math.round(row?.matches ?? 0);
  const articles = row?.articles ?? 0;
  const inWindow = articles > SEARCH_WINDOW.articles && matches >= SEARCH_WINDOW.share * articles;
  return { estimatedMatches: matches, newestWindow: inWindow ? SEARCH_WINDOW.articles : null };
}

/** The newest `size` articles, as the FROM item of a list (alias a): read from Article_newest_first_idx. */
export function newestArticles(size: number): Prisma.Sql {
  return Prisma.sql`(SELECT * FROM "Article" ORDER BY "publishedAt" DESC NULLS LAST, id DESC LIMIT ${size}::int) a`;
}
