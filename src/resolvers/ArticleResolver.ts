import type { GraphQLResolveInfo } from "graphql";
import { quoteRowOf } from "../db/queries/by-key.js";
import { quoteFromRow } from "../db/objects.js";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root, type ResolverInterface } from "type-graphql";
import { articleListQuery, defaultArticleOrder, withArticleRows } from "../db/queries/articles.js";
import { EXACT_TOTAL_UP_TO, SEARCH_WINDOW, searchPlan } from "../db/queries/search-window.js";
import { fetchIds, fetchPage } from "../db/queries/page-query.js";
import { quotesOfArticles } from "../db/queries/quotes.js";
import { Article } from "../models/Article.js";
import { ArticleConnection, ArticleEdge } from "../models/ArticleConnection.js";
import { Comment } from "../models/Comment.js";
import { CommentConnection, CommentEdge } from "../models/CommentConnection.js";
import { commentsOfArticles } from "../db/queries/comments.js";
import { PersonMention, VenueMention } from "../models/mentions.js";
import { Person } from "../models/Person.js";
import { Quote } from "../models/Quote.js";
import { QuoteConnection, QuoteEdge } from "../models/QuoteConnection.js";
import { Venue } from "../models/Venue.js";
import { dbIdOf } from "./args.js";
import { articlesOfRows, nodesOfRows, pageOfParent, searchFields, toConnection } from "./connections.js";
import type { Context } from "./context.js";
import { badInput } from "./errors.js";
import { ArticleFilter, articleFilterValues } from "./inputs/ArticleFilter.js";
import { ArticleOrder, QuoteOrder } from "./inputs/orders.js";
import { QuoteFilter, quoteFilterValues } from "./inputs/QuoteFilter.js";
import { ConnectionArgs, ListArgs, listSlice, pageWindow } from "./pagination.js";
import { articleConnectionNeeds } from "./lookahead.js";
import { present } from "./present.js";
import { cappedSize, sizeArg } from "./list-caps.js";

@Resolver(() => Article)
export class ArticleResolver implements ResolverInterface<Article> {
  @Query(() => [Article], { description: "Articles, newest first unless ordered otherwise: a plain list. Use articlesConnection for cursors and counts." })
  async articles(
    @Args(() => ListArgs) list: ListArgs,
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Only articles that match." }) filter: ArticleFilter | null,
    @Arg("orderBy", () => ArticleOrder, { nullable: true, description: "Sort order; newest first by default, most relevant first with a search." }) orderBy: ArticleOrder | null,
    @Arg("source", () => String, { nullable: true, description: "Only articles from this publication (same as filter.source)." }) source: string | null,
    @Ctx() { db, loaders }: Context,
  ): Promise<Article[]> {
    const { offset, limit } = listSlice(list);
    const values = { ...articleFilterValues(filter), ...(source ? { source } : {}) };
    const ids = await fetchIds(db, articleListQuery(values, orderBy ?? undefined), offset, limit);
    return present(await loaders.article.loadMany(ids));
  }

  @Query(() => ArticleConnection, { description: "Articles as a Relay connection, with filters, order and the total count." })
  async articlesConnection(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Only articles that match." }) filter: ArticleFilter | null,
    @Arg("orderBy", () => ArticleOrder, { nullable: true, description: "Sort order; newest first by default, most relevant first with a search." }) orderBy: ArticleOrder | null,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ArticleConnection> {
    const window = pageWindow(args);
    const values = articleFilterValues(filter);
    if (orderBy?.field === "RELEVANCE" && !values.search) throw badInput("orderBy RELEVANCE needs filter.search", "orderBy");
    // One statement for the page, its total and the children the client selected.
    const needs = articleConnectionNeeds(info);
    const plan = await searchPlan(context.db, values);
    const listed = articleListQuery(values, orderBy ?? defaultArticleOrder(values), { snippets: needs.snippets, newestWindow: plan?.newestWindow });
    const page = await fetchPage(context.db, withArticleRows(listed, needs), window, { countWithPage: needs.totalCount });
    const connection = await toConnection(ArticleConnection, ArticleEdge, page, articlesOfRows(page, needs.children), searchFields);
    // A search's total is counted where it is small or the list is a window of it, estimated otherwise.
    const estimated = plan && (plan.newestWindow || plan.estimatedMatches > EXACT_TOTAL_UP_TO) ? plan.estimatedMatches : null;
    connection.estimateTotal = estimated === null ? connection.countTotal : () => Math.max(estimated, page.rows.length);
    return connection;
  }

  @Query(() => ArticleConnection, { description: `Full-text search over articles' titles and bodies (PostgreSQL text search; web-search syntax: "a phrase", or, -not), most relevant first, with highlighted snippets. Words found in more than ${SEARCH_WINDOW.share * 100}% of a large archive are ranked among its newest ${SEARCH_WINDOW.articles.toLocaleString("en")} articles: the list and its totalCount are those; totalCountEstimate estimates all matches.` })
  async search(
    @Arg("query", () => String, { description: 'What to look for, e.g. "strategic patience".' }) query: string,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Further conditions on the articles found." }) filter: ArticleFilter | null,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ArticleConnection> {
    if (!query.trim()) throw badInput("query must not be empty", "query");
    return this.articlesConnection(args, { ...filter, search: query }, null, context, info);
  }

  @Query(() => Article, { nullable: true, description: "One article by ID." })
  article(@Arg("id", () => ID, { description: "Its global ID." }) id: string, @Ctx() { loaders }: Context): Promise<Article | null> {
    return loaders.article.load(dbIdOf(id, "Article"));
  }

  @FieldResolver(() => [Person], { description: "Persons the article mentions, most mentioned first." })
  persons(
    @Root() article: Article,
    @Arg("first", () => Int, sizeArg("Article.persons")) first: number,
    @Ctx() { loaders }: Context,
  ): Person[] | Promise<Person[]> {
    const limit = cappedSize("Article.persons", first);
    // Synchronous when the page brought them along: no promise per article.
    const preloaded = article.preloaded?.persons;
    if (preloaded) return preloaded.slice(0, limit);
    return loaders.personsByArticle(limit).load(article.dbId).then((found) => found.map((m) => m.person));
  }

  @FieldResolver(() => [PersonMention], { description: "Mentions of persons, with counts, surface forms and the roles this article gives them." })
  personMentions(
    @Root() article: Article,
    @Arg("first", () => Int, sizeArg("Article.personMentions")) first: number,
    @Ctx() { loaders }: Context,
  ): Promise<PersonMention[]> {
    return loaders.personMentionsByArticle(cappedSize("Article.personMentions", first)).load(article.dbId);
  }

  @FieldResolver(() => [Quote], { description: "Direct quotations, in order of appearance." })
  quotes(
    @Root() article: Article,
    @Arg("first", () => Int, sizeArg("Article.quotes")) first: number,
    @Ctx() { loaders }: Context,
  ): Quote[] | Promise<Quote[]> {
    const limit = cappedSize("Article.quotes", first);
    return article.preloaded?.quotes?.slice(0, limit) ?? loaders.quotesByArticle(limit).load(article.dbId);
  }

  @FieldResolver(() => QuoteConnection, { description: "Direct quotations as a connection, in reading order unless ordered otherwise, with filters." })
  async quotesConnection(
    @Root() article: Article,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => QuoteFilter, { nullable: true, description: "Only quotes that match." }) filter: QuoteFilter | null,
    @Arg("orderBy", () => QuoteOrder, { nullable: true, description: "Sort order; reading order by default." }) orderBy: QuoteOrder | null,
    @Ctx() context: Context,
  ): Promise<QuoteConnection> {
    const window = pageWindow(args);
    const values = quoteFilterValues(filter);
    const page = await pageOfParent(context, "Article.quotesConnection", [values, orderBy], quotesOfArticles(values, orderBy ?? undefined), window, article.dbId);
    return toConnection(QuoteConnection, QuoteEdge, page, nodesOfRows(context.loaders.quote, page, (row) => quoteFromRow(quoteRowOf(row))), searchFields);
  }

  @FieldResolver(() => [Venue], { description: "Places the article names, most mentioned first." })
  venues(
    @Root() article: Article,
    @Arg("first", () => Int, sizeArg("Article.venues")) first: number,
    @Ctx() { loaders }: Context,
  ): Venue[] | Promise<Venue[]> {
    const limit = cappedSize("Article.venues", first);
    const preloaded = article.preloaded?.venues;
    if (preloaded) return preloaded.slice(0, limit);
    return loaders.venuesByArticle(limit).load(article.dbId).then((found) => found.map((m) => m.venue));
  }

  @FieldResolver(() => [VenueMention], { description: "Mentions of places, with counts and surface forms." })
  venueMentions(
    @Root() article: Article,
    @Arg("first", () => Int, sizeArg("Article.venueMentions")) first: number,
    @Ctx() { loaders }: Context,
  ): Promise<VenueMention[]> {
    return loaders.venueMentionsByArticle(cappedSize("Article.venueMentions", first)).load(article.dbId);
  }

  @FieldResolver(() => CommentConnection, { description: "Reader comments as a connection, in thread order." })
  async commentsConnection(
    @Root() article: Article,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("author", () => String, { nullable: true, description: "Only comments whose author's name contains this (case-insensitive)." }) author: string | null,
    @Ctx() context: Context,
  ): Promise<CommentConnection> {
    const window = pageWindow(args);
    const page = await pageOfParent(context, "Article.commentsConnection", [author], commentsOfArticles({ author }), window, article.dbId);
    return toConnection(CommentConnection, CommentEdge, page, (ids) => context.loaders.comment.loadMany(ids));
  }

  @FieldResolver(() => [Comment], { description: "Reader comments, in thread order." })
  comments(
    @Root() article: Article,
    @Arg("first", () => Int, sizeArg("Article.comments")) first: number,
    @Ctx() { loaders }: Context,
  ): Promise<Comment[]> {
    return loaders.commentsByArticle(cappedSize("Article.comments", first)).load(article.dbId);
  }
}
