// The quote list behind Query.quotesConnection, Person.quotesConnection and
// Article.quotesConnection: filters, order, and search rank and snippets.
import { Prisma } from "../../generated/prisma/client.js";
import { quoteArticle, QUOTE_ENTITY, type ArticleColumn } from "./by-key.js";
import type { ListQuery } from "./page-query.js";
import { direction, HEADLINE_OPTIONS, hasSearchText, TEXT_SEARCH_CONFIG, tsQuery } from "./sql.js";

export interface QuoteFilterValues {
  search?: string | null;
  speakerId?: number | null;
  articleId?: number | null;
  /** true: only quotes whose speaker is a known person; false: only the others. */
  hasSpeaker?: boolean | null;
  source?: string | null;
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
  minConfidence?: number | null;
  kind?: "DIRECT" | "PARTIAL" | null;
}

export type QuoteOrderValues = { field: "PUBLISHED_AT" | "RELEVANCE" | "CONFIDENCE"; direction: "ASC" | "DESC" };

function quoteConditions(f: QuoteFilterValues): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (f.search != null) where.push(hasSearchText(f.search) ? Prisma.sql`q."searchVector" @@ ${tsQuery(f.search)}` : Prisma.sql`FALSE`);
  if (f.speakerId != null) where.push(Prisma.sql`q."speakerId" = ${f.speakerId}`);
  if (f.articleId != null) where.push(Prisma.sql`q."articleId" = ${f.articleId}`);
  if (f.hasSpeaker != null) where.push(f.hasSpeaker ? Prisma.sql`q."speakerId" IS NOT NULL` : Prisma.sql`q."speakerId" IS NULL`);
  if (f.source) where.push(Prisma.sql`lower(a.source) = lower(${f.source})`);
  if (f.publishedAfter) where.push(Prisma.sql`a."publishedAt" >= ${f.publishedAfter}`);
  if (f.publishedBefore) where.push(Prisma.sql`a."publishedAt" < ${f.publishedBefore}`);
  if (f.minConfidence != null) where.push(Prisma.sql`q.confidence >= ${f.minConfidence}`);
  if (f.kind != null) where.push(Prisma.sql`q.kind = ${f.kind}::"QuoteKind"`);
  return where;
}

function quoteOrder(order: QuoteOrderValues, search: string | null): Prisma.Sql {
  const dir = direction(order.direction);
  // Within an article, quotes keep their reading order whichever way articles are sorted.
  const published = Prisma.sql`a."publishedAt" ${dir} NULLS LAST, q."articleId" ${dir}, q.position ASC`;
  switch (order.field) {
    case "RELEVANCE":
      return search ? Prisma.sql`ts_rank_cd(q."searchVector", ${tsQuery(search)}) ${dir}, ${published}` : published;
    case "CONFIDENCE":
      return Prisma.sql`q.confidence ${dir}, q.id ${dir}`;
    default:
      return published;
  }
}

export function defaultQuoteOrder(filter: QuoteFilterValues): QuoteOrderValues {
  return { field: hasSearchText(filter.search) ? "RELEVANCE" : "PUBLISHED_AT", direction: "DESC" };
}

export function quoteListQuery(filter: QuoteFilterValues, order: QuoteOrderValues = defaultQuoteOrder(filter)): ListQuery {
  const search = hasSearchText(filter.search) ? filter.search : null;
  return {
    from: Prisma.sql`"Quote" q JOIN "Article" a ON a.id = q."articleId"`,
    where: quoteConditions(filter),
    id: Prisma.sql`q.id`,
    orderBy: quoteOrder(order, search),
    columns: search
      ? [
          Prisma.sql`ts_rank_cd(q."searchVector", ${tsQuery(search)}) AS rank`,
          Prisma.sql`ts_headline(${TEXT_SEARCH_CONFIG}, q.text, ${tsQuery(search)}, ${HEADLINE_OPTIONS}) AS snippet`,
        ]
      : [],
  };
}

/**
 * Quotes per speaker (parent: the speaker's key); `articleColumns`: each quote's article in
 * its row too, with those columns (quoteArticle), for a client that reads Quote.article.
 */
export function quotesOfSpeakers(
  filter: QuoteFilterValues, order?: QuoteOrderValues, { articleColumns }: { articleColumns?: readonly ArticleColumn[] } = {},
): ListQuery & { parent: Prisma.Sql } {
  const article = articleColumns && quoteArticle(articleColumns);
  const entity = article
    ? { ...QUOTE_ENTITY, joins: article.join, columns: Prisma.sql`${QUOTE_ENTITY.columns}, ${article.columns}` }
    : QUOTE_ENTITY;
  return { ...quoteListQuery(filter, order), entity, parent: Prisma.sql`q."speakerId"` };
}

/** Quotes per article (parent: the article's key), in reading order by default. */
export function quotesOfArticles(filter: QuoteFilterValues, order?: QuoteOrderValues): ListQuery & { parent: Prisma.Sql } {
  const base = quoteListQuery(filter, order);
  return { ...base, entity: QUOTE_ENTITY, parent: Prisma.sql`q."articleId"`, orderBy: order ? base.orderBy : Prisma.sql`q.position ASC` };
}
