import { articleRowOf } from "../db/queries/by-key.js";
import { articleFromRow } from "../db/objects.js";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root, type ResolverInterface } from "type-graphql";
import { articlesOfVenues } from "../db/queries/articles.js";
import { fetchIds, fetchPage } from "../db/queries/page-query.js";
import { venueListQuery } from "../db/queries/venues.js";
import { Article } from "../models/Article.js";
import { ArticleConnection, ArticleEdge } from "../models/ArticleConnection.js";
import { VenueMention } from "../models/mentions.js";
import { RelatedPerson } from "../models/stats.js";
import { Venue } from "../models/Venue.js";
import { VenueConnection, VenueEdge } from "../models/VenueConnection.js";
import { dbIdOf } from "./args.js";
import { ownNodes, pageOfParent, searchFields, toConnection } from "./connections.js";
import { articleColumnsRead, connectionNodes, Selection } from "./lookahead.js";
import type { Context } from "./context.js";
import { ArticleFilter, articleFilterValues } from "./inputs/ArticleFilter.js";
import { ArticleOrder, VenueOrder } from "./inputs/orders.js";
import { VenueFilter } from "./inputs/VenueFilter.js";
import { ConnectionArgs, ListArgs, listSlice, pageWindow } from "./pagination.js";
import { present } from "./present.js";
import { cappedSize, sizeArg } from "./list-caps.js";
import { relatedEntities } from "./related.js";

@Resolver(() => Venue)
export class VenueResolver implements ResolverInterface<Venue> {
  @Query(() => [Venue], { description: "Venues, by name unless ordered otherwise: a plain list. Use venuesConnection for cursors and counts." })
  async venues(
    @Args(() => ListArgs) list: ListArgs,
    @Arg("kind", () => String, { nullable: true, description: 'Only venues of this kind ("country", "city" …); same as filter.kind.' }) kind: string | null,
    @Arg("filter", () => VenueFilter, { nullable: true, description: "Only venues that match." }) filter: VenueFilter | null,
    @Arg("orderBy", () => VenueOrder, { nullable: true, description: "Sort order; by name by default." }) orderBy: VenueOrder | null,
    @Ctx() { db, loaders }: Context,
  ): Promise<Venue[]> {
    const { offset, limit } = listSlice(list);
    const query = venueListQuery({ ...filter, ...(kind ? { kind } : {}) }, orderBy ?? undefined);
    return present(await loaders.venue.loadMany(await fetchIds(db, query, offset, limit)));
  }

  @Query(() => VenueConnection, { description: "Venues as a Relay connection, with filters, order and the total count." })
  async venuesConnection(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => VenueFilter, { nullable: true, description: "Only venues that match." }) filter: VenueFilter | null,
    @Arg("orderBy", () => VenueOrder, { nullable: true, description: "Sort order; by name by default." }) orderBy: VenueOrder | null,
    @Ctx() { db, loaders }: Context,
  ): Promise<VenueConnection> {
    const window = pageWindow(args);
    const page = await fetchPage(db, venueListQuery({ ...filter }, orderBy ?? undefined), window);
    return toConnection(VenueConnection, VenueEdge, page, (ids) => loaders.venue.loadMany(ids));
  }

  @Query(() => Venue, { nullable: true, description: "One venue by ID." })
  venue(@Arg("id", () => ID, { description: "Its global ID." }) id: string, @Ctx() { loaders }: Context): Promise<Venue | null> {
    return loaders.venue.load(dbIdOf(id, "Venue"));
  }

  @FieldResolver(() => Int, { description: "How many articles name the venue." })
  articleCount(@Root() venue: Venue, @Ctx() { loaders }: Context): Promise<number> {
    return loaders.articleCountOfVenue.load(venue.dbId);
  }

  @FieldResolver(() => [Article], { description: "Articles that name the venue, newest first." })
  async articles(
    @Root() venue: Venue,
    @Arg("first", () => Int, sizeArg("Venue.articles")) first: number,
    @Ctx() { loaders }: Context,
  ): Promise<Article[]> {
    const mentions = await loaders.venueMentionsByVenue(cappedSize("Venue.articles", first)).load(venue.dbId);
    return present(await loaders.article.loadMany(mentions.map((m) => m.articleId)));
  }

  @FieldResolver(() => ArticleConnection, { description: "Articles that name the venue, as a connection with filters and order." })
  async articlesConnection(
    @Root() venue: Venue,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Only articles that match." }) filter: ArticleFilter | null,
    @Arg("orderBy", () => ArticleOrder, { nullable: true, description: "Sort order; newest first by default." }) orderBy: ArticleOrder | null,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ArticleConnection> {
    const window = pageWindow(args);
    const values = articleFilterValues(filter);
    const columns = articleColumnsRead(connectionNodes(Selection.of(info), "ArticleConnection", "ArticleEdge"));
    const query = articlesOfVenues(values, orderBy ?? undefined, columns);
    const page = await pageOfParent(context, "Venue.articlesConnection", [values, orderBy, columns], query, window, venue.dbId);
    return toConnection(ArticleConnection, ArticleEdge, page, ownNodes(page, (row) => articleFromRow(articleRowOf(row))), searchFields);
  }

  @FieldResolver(() => [VenueMention], { description: "The venue's mentions, one per article." })
  mentions(
    @Root() venue: Venue,
    @Arg("first", () => Int, sizeArg("Venue.mentions")) first: number,
    @Ctx() { loaders }: Context,
  ): Promise<VenueMention[]> {
    return loaders.venueMentionsByVenue(cappedSize("Venue.mentions", first)).load(venue.dbId);
  }

  @FieldResolver(() => [RelatedPerson], { description: "Persons mentioned in the articles that name the venue, most shared first." })
  async persons(
    @Root() venue: Venue,
    @Arg("first", () => Int, sizeArg("Venue.persons")) first: number,
    @Arg("minSharedArticles", () => Int, { defaultValue: 1, description: "Only persons sharing at least this many articles." }) minShared: number,
    @Ctx() context: Context,
  ): Promise<RelatedPerson[]> {
    const related = await relatedEntities(context, "Venue.persons", "venue", "person", venue.dbId, first, minShared);
    return related.map(({ entity, sharedArticles }) => ({ person: entity, sharedArticles }));
  }
}
