// The article list behind Query.articlesConnection, search, Person.articlesConnection and
// Venue.articlesConnection: filters, order, and search rank and snippets.
import { Prisma } from "../../generated/prisma/client.js";
import { articleChildColumns, type ArticleChildren } from "./article-children.js";
import { articleEntity, articleFields, type ArticleColumn } from "./by-key.js";
import { articleTotalFromDays, filtersDatesOnly } from "./day-counts.js";
import type { ListQuery } from "./page-query.js";
import { newestArticles } from "./search-window.js";
import type { ArticleFilterValues } from "./filter-values.js";
import { direction, HEADLINE_OPTIONS, hasSearchText, passagesOf, TEXT_SEARCH_CONFIG, tsQuery } from "./sql.js";

export type { ArticleFilterValues } from "./filter-values.js";

export type ArticleOrderValues = { field: "PUBLISHED_AT" | "INGESTED_AT" | "TITLE" | "RELEVANCE"; direction: "ASC" | "DESC" };

export function articleConditions(f: ArticleFilterValues): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (f.search != null) where.push(hasSearchText(f.search) ? Prisma.sql`a."searchVector" @@ ${tsQuery(f.search)}` : Prisma.sql`FALSE`);
  if (f.publishedAfter) where.push(Prisma.sql`a."publishedAt" >= ${f.publishedAfter}`);
  if (f.publishedBefore) where.push(Prisma.sql`a."publishedAt" < ${f.publishedBefore}`);
  if (f.source) where.push(Prisma.sql`lower(a.source) = lower(${f.source})`);
  if (f.tag) where.push(Prisma.sql`a.tags @> ARRAY[${f.tag}]::text[]`);
  // Array containment, as for tags: the GIN index on authors answers it.
  if (f.author) where.push(Prisma.sql`a.authors @> ARRAY[${f.author}]::text[]`);
  if (f.personId != null) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ArticlePerson" fp WHERE fp."articleId" = a.id AND fp."personId" = ${f.personId})`);
  if (f.venueId != null) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ArticleVenue" fv WHERE fv."articleId" = a.id AND fv."venueId" = ${f.venueId})`);
  if (f.organizationId != null) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ArticleOrganization" fo WHERE fo."articleId" = a.id AND fo."organizationId" = ${f.organizationId})`);
  }
  if (f.speakerId != null) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Quote" fq WHERE fq."articleId" = a.id AND fq."speakerId" = ${f.speakerId})`);
  if (f.hasQuotes != null) {
    where.push(Prisma.sql`${Prisma.raw(f.hasQuotes ? "" : "NOT")} EXISTS (SELECT 1 FROM "Quote" hq WHERE hq."articleId" = a.id)`);
  }
  return where;
}

function articleOrder(order: ArticleOrderValues, search: string | null): Prisma.Sql {
  const dir = direction(order.direction);
  const published = Prisma.sql`a."publishedAt" ${dir} NULLS LAST, a.id ${dir}`;
  switch (order.field) {
    case "RELEVANCE":
      return search ? Prisma.sql`ts_rank_cd(a."searchVector", ${tsQuery(search)}) ${dir}, ${published}` : published;
    case "INGESTED_AT":
      return Prisma.sql`a."ingestedAt" ${dir}, a.id ${dir}`;
    case "TITLE":
      return Prisma.sql`lower(a.title) ${dir}, a.id ${dir}`;
    default:
      return published;
  }
}

/** Default order: most relevant first with a search, newest first without. */
export function defaultArticleOrder(filter: ArticleFilterValues): ArticleOrderValues {
  return { field: hasSearchText(filter.search) ? "RELEVANCE" : "PUBLISHED_AT", direction: "DESC" };
}

/**
 * A search result's snippet: ts_headline over the passages that first hold each of the
 * query's words, in body order, instead of over the whole body. ts_headline parses and stems
 * all the text it is given, about 0.2 ms for a 2.5 KB body, which was most of a search
 * statement's time; the passages are a fraction of it and hold the words it marks. Where no
 * passage holds one (the words are in the title), the first passage is what it shows.
 */
function articleSnippet(search: string): Prisma.Sql {
  const queryWords = Prisma.sql`(SELECT tsvector_to_array(to_tsvector(${TEXT_SEARCH_CONFIG}, ${search})))`;
  const passages = passagesOf(Prisma.sql`a.body`);
  const passagesWithQueryWords = Prisma.sql`
    SELECT string_agg(p.text, E'\\n\\n' ORDER BY p.n) FROM unnest(${passages}) WITH ORDINALITY AS p(text, n)
    WHERE p.n IN (
      SELECT min(ap.position) FROM "ArticlePassage" ap CROSS JOIN unnest(${queryWords}) AS word
      WHERE ap."articleId" = a.id AND word = ANY(tsvector_to_array(ap."searchVector")) GROUP BY word)`;
  return Prisma.sql`ts_headline(${TEXT_SEARCH_CONFIG}, COALESCE((${passagesWithQueryWords}), (${passages})[1]), ${tsQuery(search)}, ${HEADLINE_OPTIONS})`;
}

/**
 * The filtered, ordered article list; with a search, each row's rank and, unless `snippets`
 * is false, its snippet (ts_headline, most of a search statement's time).
 */
export function articleListQuery(
  filter: ArticleFilterValues, order: ArticleOrderValues = defaultArticleOrder(filter),
  { snippets = true, newestWindow = null }: { snippets?: boolean; newestWindow?: number | null } = {},
): ListQuery {
  const search = hasSearchText(filter.search) ? filter.search : null;
  const searchColumns = search ? [Prisma.sql`ts_rank_cd(a."searchVector", ${tsQuery(search)}) AS rank`] : [];
  if (search && snippets) {
    searchColumns.push(Prisma.sql`${articleSnippet(search)} AS snippet`);
  }
  return {
    // A search for common words: its matches among the newest articles (search-window.ts).
    from: newestWindow ? newestArticles(newestWindow) : Prisma.sql`"Article" a`,
    where: articleConditions(filter),
    id: Prisma.sql`a.id`,
    orderBy: articleOrder(order, search),
    columns: searchColumns,
    // All articles, or those of a date range: the total from the kept counts per day.
    ...(filtersDatesOnly(filter) ? { count: articleTotalFromDays(filter) } : {}),
  };
}

/** Articles that mention a person, listed per person (parent: the person's key), with the article columns read. */
export function articlesOfPersons(filter: ArticleFilterValues, order: ArticleOrderValues | undefined, columns: readonly ArticleColumn[]): ListQuery & { parent: Prisma.Sql } {
  const base = articleListQuery(filter, order);
  return {
    ...base, entity: articleEntity(columns),
    from: Prisma.sql`${base.from} JOIN "ArticlePerson" parent_ap ON parent_ap."articleId" = a.id`, parent: Prisma.sql`parent_ap."personId"`,
  };
}

/** Articles that name a venue, listed per venue (parent: the venue's key), with the article columns read. */
export function articlesOfVenues(filter: ArticleFilterValues, order: ArticleOrderValues | undefined, columns: readonly ArticleColumn[]): ListQuery & { parent: Prisma.Sql } {
  const base = articleListQuery(filter, order);
  return {
    ...base, entity: articleEntity(columns),
    from: Prisma.sql`${base.from} JOIN "ArticleVenue" parent_av ON parent_av."articleId" = a.id`, parent: Prisma.sql`parent_av."venueId"`,
  };
}

/**
 * The list with the articles themselves in its rows: the columns asked for (a body is most
 * of an article's bytes) and the children asked for (quotes, persons, venues) as JSON.
 */
export function withArticleRows(query: ListQuery, { columns, children }: { columns: readonly ArticleColumn[]; children: ArticleChildren }): ListQuery {
  return { ...query, columns: [...articleFields("a", columns), ...(query.columns ?? []), ...articleChildColumns(Prisma.sql`a.id`, children)] };
}
