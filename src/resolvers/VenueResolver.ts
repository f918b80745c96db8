import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root, type ResolverInterface } from "type-graphql";
import { Article } from "../models/Article.js";
import { venueFromRow } from "../models/from-row.js";
import { VenueMention } from "../models/mentions.js";
import { Venue } from "../models/Venue.js";
import { dbIdOf, page, PageArgs } from "./args.js";
import type { Context } from "./context.js";
import { present } from "./present.js";

@Resolver(() => Venue)
export class VenueResolver implements ResolverInterface<Venue> {
  @Query(() => [Venue], { description: "Venues, by name." })
  async venues(
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Arg("kind", () => String, { nullable: true, description: 'Only venues of this kind ("country", "city" …).' }) kind: string | null,
    @Ctx() { db }: Context,
  ): Promise<Venue[]> {
    const rows = await db.prisma.venue.findMany({ ...page(pageArgs), where: kind ? { kind } : {}, orderBy: [{ name: "asc" }, { id: "asc" }] });
    return rows.map(venueFromRow);
  }

  @Query(() => Venue, { nullable: true, description: "One venue by ID." })
  venue(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context): Promise<Venue | null> {
    return loaders.venue.load(dbIdOf(id, "Venue"));
  }

  @FieldResolver(() => [Article], { description: "Articles that name the venue, newest first." })
  async articles(@Root() venue: Venue, @Ctx() { loaders }: Context): Promise<Article[]> {
    const mentions = await loaders.venueMentionsByVenue.load(venue.dbId);
    return present(await loaders.article.loadMany(mentions.map((m) => m.articleId)));
  }

  @FieldResolver(() => [VenueMention], { description: "The venue's mentions, one per article." })
  mentions(@Root() venue: Venue, @Ctx() { loaders }: Context): Promise<VenueMention[]> {
    return loaders.venueMentionsByVenue.load(venue.dbId);
  }
}
