import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root, type ResolverInterface } from "type-graphql";
import { sentenceAround } from "../ingest/sentence.js";
import { fetchPage } from "../db/queries/page-query.js";
import { defaultQuoteOrder, quoteListQuery } from "../db/queries/quotes.js";
import { Article } from "../models/Article.js";
import { Person } from "../models/Person.js";
import { Quote } from "../models/Quote.js";
import { QuoteConnection, QuoteEdge } from "../models/QuoteConnection.js";
import { dbIdOf } from "./args.js";
import { searchFields, toConnection } from "./connections.js";
import type { Context } from "./context.js";
import { badInput } from "./errors.js";
import { QuoteOrder } from "./inputs/orders.js";
import { QuoteFilter, quoteFilterValues } from "./inputs/QuoteFilter.js";
import { ConnectionArgs, pageWindow } from "./pagination.js";
import { required } from "./present.js";

@Resolver(() => Quote)
export class QuoteResolver implements ResolverInterface<Quote> {
  @Query(() => QuoteConnection, { description: "Quotes across all articles as a Relay connection: filters, full-text search with snippets, order and the total count." })
  async quotesConnection(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => QuoteFilter, { nullable: true, description: "Only quotes that match." }) filter: QuoteFilter | null,
    @Arg("orderBy", () => QuoteOrder, { nullable: true, description: "Sort order; newest first by default, most relevant first with a search." }) orderBy: QuoteOrder | null,
    @Ctx() { db, loaders }: Context,
  ): Promise<QuoteConnection> {
    const window = pageWindow(args);
    const values = quoteFilterValues(filter);
    if (orderBy?.field === "RELEVANCE" && !values.search) throw badInput("orderBy RELEVANCE needs filter.search", "orderBy");
    const page = await fetchPage(db, quoteListQuery(values, orderBy ?? defaultQuoteOrder(values)), window);
    return toConnection(QuoteConnection, QuoteEdge, page, (ids) => loaders.quote.loadMany(ids), searchFields);
  }

  @Query(() => Quote, { nullable: true, description: "One quote by ID." })
  quote(@Arg("id", () => ID, { description: "Its global ID." }) id: string, @Ctx() { loaders }: Context): Promise<Quote | null> {
    return loaders.quote.load(dbIdOf(id, "Quote"));
  }

  @FieldResolver(() => Person, { nullable: true, description: "The person who said it; null when the speaker is no person (an organisation, then in speakerOrganization; \"sources\") or unknown." })
  speaker(@Root() quote: Quote, @Ctx() { loaders }: Context): Person | null | Promise<Person | null> {
    if (quote.speakerId == null) return null;
    return quote.preloadedSpeaker !== undefined ? quote.preloadedSpeaker : loaders.person.load(quote.speakerId);
  }

  @FieldResolver(() => Article, { description: "The article the quote appears in." })
  async article(@Root() quote: Quote, @Ctx() { loaders }: Context): Promise<Article> {
    if (quote.preloadedArticle) return quote.preloadedArticle;
    return required(await loaders.article.load(quote.articleId), `article ${quote.articleId} of quote ${quote.dbId}`);
  }

  @FieldResolver(() => String, { description: "The sentence around the quote, with its attribution (several sentences when the quote spans them)." })
  sentence(@Root() quote: Quote): string {
    return sentenceAround(quote.context, quote.text);
  }
}
