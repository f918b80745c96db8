import { articleRowOf, quoteArticleOf, quoteRowOf } from "../db/queries/by-key.js";
import { articleFromRow, quoteFromRow } from "../db/objects.js";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root, type ResolverInterface } from "type-graphql";
import { articlesOfPersons } from "../db/queries/articles.js";
import { fetchIds, fetchPage } from "../db/queries/page-query.js";
import { personListQuery } from "../db/queries/persons.js";
import { quotesOfSpeakers } from "../db/queries/quotes.js";
import { Article } from "../models/Article.js";
import { ArticleConnection, ArticleEdge } from "../models/ArticleConnection.js";
import { PersonMention } from "../models/mentions.js";
import { Person } from "../models/Person.js";
import { PersonConnection, PersonEdge } from "../models/PersonConnection.js";
import { Quote } from "../models/Quote.js";
import { QuoteConnection, QuoteEdge } from "../models/QuoteConnection.js";
import { CoMention, RelatedVenue } from "../models/stats.js";
import { dbIdOf } from "./args.js";
import { nodesOfRows, ownNodes, pageOfParent, searchFields, toConnection } from "./connections.js";
import type { Context } from "./context.js";
import { ArticleFilter, articleFilterValues } from "./inputs/ArticleFilter.js";
import { ArticleOrder, PersonOrder, QuoteOrder } from "./inputs/orders.js";
import { PersonFilter, personFilterValues } from "./inputs/PersonFilter.js";
import { QuoteFilter, quoteFilterValues } from "./inputs/QuoteFilter.js";
import { ConnectionArgs, ListArgs, listSlice, pageWindow } from "./pagination.js";
import { present } from "./present.js";
import { cappedSize, sizeArg } from "./list-caps.js";
import { relatedEntities } from "./related.js";
import { articleColumnsRead, connectionNodes, Selection } from "./lookahead.js";

@Resolver(() => Person)
export class PersonResolver implements ResolverInterface<Person> {
  @Query(() => [Person], { description: "Persons, by name unless ordered otherwise: a plain list. Use personsConnection for cursors and counts." })
  async persons(
    @Args(() => ListArgs) list: ListArgs,
    @Arg("name", () => String, { nullable: true, description: "Only persons whose name or an alias contains this text (case-insensitive); same as filter.name." }) name: string | null,
    @Arg("filter", () => PersonFilter, { nullable: true, description: "Only persons that match." }) filter: PersonFilter | null,
    @Arg("orderBy", () => PersonOrder, { nullable: true, description: "Sort order; by name by default." }) orderBy: PersonOrder | null,
    @Ctx() { db, loaders }: Context,
  ): Promise<Person[]> {
    const { offset, limit } = listSlice(list);
    const values = { ...personFilterValues(filter), ...(name ? { name } : {}) };
    return present(await loaders.person.loadMany(await fetchIds(db, personListQuery(values, orderBy ?? undefined), offset, limit)));
  }

  @Query(() => PersonConnection, { description: "Persons as a Relay connection, with filters, order and the total count." })
  async personsConnection(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => PersonFilter, { nullable: true, description: "Only persons that match." }) filter: PersonFilter | null,
    @Arg("orderBy", () => PersonOrder, { nullable: true, description: "Sort order; by name by default." }) orderBy: PersonOrder | null,
    @Ctx() { db, loaders }: Context,
  ): Promise<PersonConnection> {
    const window = pageWindow(args);
    const page = await fetchPage(db, personListQuery(personFilterValues(filter), orderBy ?? undefined), window);
    return toConnection(PersonConnection, PersonEdge, page, (ids) => loaders.person.loadMany(ids));
  }

  @Query(() => Person, { nullable: true, description: "One person by ID." })
  person(
    @Arg("id", () => ID, { description: "Its global ID." }) id: string,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Person | null> {
    // A person page shows the counts: they come with the person's row.
    const person = Selection.of(info);
    const counted = person.field("Person", "articleCount").or(person.field("Person", "quoteCount")).selected;
    return (counted ? loaders.personWithCounts : loaders.person).load(dbIdOf(id, "Person"));
  }

  @FieldResolver(() => Int, { description: "How many articles mention the person." })
  articleCount(@Root() person: Person, @Ctx() { loaders }: Context): Promise<number> {
    return loaders.countsOfPerson.load(person.dbId).then((counts) => counts.articles);
  }

  @FieldResolver(() => Int, { description: "How many quotes the person is the speaker of." })
  quoteCount(@Root() person: Person, @Ctx() { loaders }: Context): Promise<number> {
    return loaders.countsOfPerson.load(person.dbId).then((counts) => counts.quotes);
  }

  @FieldResolver(() => [Article], { description: "Articles that mention the person, newest first." })
  async articles(
    @Root() person: Person,
    @Arg("first", () => Int, sizeArg("Person.articles")) first: number,
    @Ctx() { loaders }: Context,
  ): Promise<Article[]> {
    const mentions = await loaders.personMentionsByPerson(cappedSize("Person.articles", first)).load(person.dbId);
    return present(await loaders.article.loadMany(mentions.map((m) => m.articleId)));
  }

  @FieldResolver(() => ArticleConnection, { description: "Articles that mention the person, as a connection with filters and order." })
  async articlesConnection(
    @Root() person: Person,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Only articles that match." }) filter: ArticleFilter | null,
    @Arg("orderBy", () => ArticleOrder, { nullable: true, description: "Sort order; newest first by default." }) orderBy: ArticleOrder | null,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ArticleConnection> {
    const window = pageWindow(args);
    const values = articleFilterValues(filter);
    const columns = articleColumnsRead(connectionNodes(Selection.of(info), "ArticleConnection", "ArticleEdge"));
    const query = articlesOfPersons(values, orderBy ?? undefined, columns);
    const page = await pageOfParent(context, "Person.articlesConnection", [values, orderBy, columns], query, window, person.dbId);
    return toConnection(ArticleConnection, ArticleEdge, page, ownNodes(page, (row) => articleFromRow(articleRowOf(row))), searchFields);
  }

  @FieldResolver(() => [PersonMention], { description: "The person's mentions, one per article, with counts and roles." })
  mentions(
    @Root() person: Person,
    @Arg("first", () => Int, sizeArg("Person.mentions")) first: number,
    @Ctx() { loaders }: Context,
  ): Promise<PersonMention[]> {
    return loaders.personMentionsByPerson(cappedSize("Person.mentions", first)).load(person.dbId);
  }

  @FieldResolver(() => [Quote], { description: "What the person is quoted as saying, newest article first." })
  quotes(
    @Root() person: Person,
    @Arg("first", () => Int, sizeArg("Person.quotes")) first: number,
    @Ctx() { loaders }: Context,
  ): Promise<Quote[]> {
    return loaders.quotesBySpeaker(cappedSize("Person.quotes", first)).load(person.dbId);
  }

  @FieldResolver(() => QuoteConnection, { description: "What the person is quoted as saying, as a connection with filters, search and order." })
  async quotesConnection(
    @Root() person: Person,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => QuoteFilter, { nullable: true, description: "Only quotes that match." }) filter: QuoteFilter | null,
    @Arg("orderBy", () => QuoteOrder, { nullable: true, description: "Sort order; newest first by default." }) orderBy: QuoteOrder | null,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<QuoteConnection> {
    const window = pageWindow(args);
    const values = quoteFilterValues(filter);
    // A person page lists quotes with their articles' titles: the page brings them along,
    // with the columns read. Such quotes are the page's own; without articles they are
    // whole rows, handed to the quote loader.
    const article = connectionNodes(Selection.of(info), "QuoteConnection", "QuoteEdge").field("Quote", "article");
    const articleColumns = article.selected ? articleColumnsRead(article) : undefined;
    const query = quotesOfSpeakers(values, orderBy ?? undefined, { articleColumns });
    const page = await pageOfParent(context, "Person.quotesConnection", [values, orderBy, articleColumns], query, window, person.dbId);
    const nodes = articleColumns
      ? ownNodes(page, (row) => Object.assign(quoteFromRow(quoteRowOf(row)), { preloadedArticle: articleFromRow(quoteArticleOf(row)) }))
      : nodesOfRows(context.loaders.quote, page, (row) => quoteFromRow(quoteRowOf(row)));
    return toConnection(QuoteConnection, QuoteEdge, page, nodes, searchFields);
  }

  @FieldResolver(() => [CoMention], { description: "Persons mentioned in the same articles, with how many they share, most shared first." })
  async coMentioned(
    @Root() person: Person,
    @Arg("first", () => Int, sizeArg("Person.coMentioned")) first: number,
    @Arg("minSharedArticles", () => Int, { defaultValue: 1, description: "Only persons sharing at least this many articles." }) minShared: number,
    @Ctx() context: Context,
  ): Promise<CoMention[]> {
    const related = await relatedEntities(context, "Person.coMentioned", "person", "person", person.dbId, first, minShared);
    return related.map(({ entity, sharedArticles }) => ({ person: entity, sharedArticles }));
  }

  @FieldResolver(() => [RelatedVenue], { description: "Venues named in the articles that mention the person, most shared first." })
  async venues(
    @Root() person: Person,
    @Arg("first", () => Int, sizeArg("Person.venues")) first: number,
    @Arg("minSharedArticles", () => Int, { defaultValue: 1, description: "Only venues sharing at least this many articles." }) minShared: number,
    @Ctx() context: Context,
  ): Promise<RelatedVenue[]> {
    const related = await relatedEntities(context, "Person.venues", "person", "venue", person.dbId, first, minShared);
    return related.map(({ entity, sharedArticles }) => ({ venue: entity, sharedArticles }));
  }
}
