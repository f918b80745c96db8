// The article list behind Query.articlesConnection, search, Person.articlesConnection and
// Venue.articlesConnection: filters, order, and search rank and snippets.
import { Prisma } from "../../generated/prisma/client.js";
import { articleChildColumns, type ArticleChildren } from "./article-children.js";
import { ARTICLE_ENTITY, articleFields, type ArticleColumn } from "./by-key.js";
import type { ListQuery } from "./page-query.js";
import { direction, HEADLINE_OPTIONS, hasSearchText, TEXT_SEARCH_CONFIG, tsQuery } from "./sql.js";

export interface ArticleFilterValues {
  search?: string | null;
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
  source?: string | null;
  personId?: number | null;
  venueId?: number | null;
  tag?: string | null;
  speakerId?: number | null;
  hasQuotes?: boolean | null;
}

export type ArticleOrderValues = { field: "PUBLISHED_AT" | "INGESTED_AT" | "TITLE" | "RELEVANCE"; direction: "ASC" | "DESC" };

export function articleConditions(f: ArticleFilterValues): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (f.search != null) where.push(hasSearchText(f.search) ? Prisma.sql`a."searchVector" @@ ${tsQuery(f.search)}` : Prisma.sql`FALSE`);
  if (f.publishedAfter) where.push(Prisma.sql`a."publishedAt" >= ${f.publishedAfter}`);
  if (f.publishedBefore) where.push(Prisma.sql`a."publishedAt" < ${f.publishedBefore}`);
  if (f.source) where.push(Prisma.sql`lower(a.source) = lower(${f.source})`);
  if (f.tag) where.push(Prisma.sql`a.tags @> ARRAY[${f.tag}]::text[]`);
  if (f.personId != null) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ArticlePerson" fp WHERE fp."articleId" = a.id AND fp."personId" = ${f.personId})`);
  if (f.venueId != null) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ArticleVenue" fv WHERE fv."articleId" = a.id AND fv."venueId" = ${f.venueId})`);
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
 * The filtered, ordered article list; with a search, each row's rank and, unless `snippets`
 * is false, its snippet: ts_headline reads the whole body, most of a search statement's time.
 */
export function articleListQuery(
  filter: ArticleFilterValues, order: ArticleOrderValues = defaultArticleOrder(filter), { snippets = true } = {},
): ListQuery {
  const search = hasSearchText(filter.search) ? filter.search : null;
  const searchColumns = search ? [Prisma.sql`ts_rank_cd(a."searchVector", ${tsQuery(search)}) AS rank`] : [];
  if (search && snippets) {
    searchColumns.push(Prisma.sql`ts_headline(${TEXT_SEARCH_CONFIG}, a.body, ${tsQuery(search)}, ${HEADLINE_OPTIONS}) AS snippet`);
  }
  return {
    from: Prisma.sql`"Article" a`,
    where: articleConditions(filter),
    id: Prisma.sql`a.id`,
    orderBy: articleOrder(order, search),
    columns: searchColumns,
  };
}

/** Articles that mention a person, listed per person (parent: the person's key). */
export function articlesOfPersons(filter: ArticleFilterValues, order?: ArticleOrderValues): ListQuery & { parent: Prisma.Sql } {
  const base = articleListQuery(filter, order);
  return {
    ...base, entity: ARTICLE_ENTITY,
    from: Prisma.sql`${base.from} JOIN "ArticlePerson" parent_ap ON parent_ap."articleId" = a.id`, parent: Prisma.sql`parent_ap."personId"`,
  };
}

/** Articles that name a venue, listed per venue (parent: the venue's key). */
export function articlesOfVenues(filter: ArticleFilterValues, order?: ArticleOrderValues): ListQuery & { parent: Prisma.Sql } {
  const base = articleListQuery(filter, order);
  return {
    ...base, entity: ARTICLE_ENTITY,
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
