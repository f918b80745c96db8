import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { fromGlobalId } from "../models/global-id.js";
import { Node } from "../models/Node.js";
import type { Context } from "./context.js";

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Refetches any object by its global ID." })
  async node(@Arg("id", () => ID, { description: "Its global ID." }) id: string, @Ctx() { loaders }: Context): Promise<Node | null> {
    const decoded = fromGlobalId(id);
    if (!decoded) return null;
    const loader = {
      Article: loaders.article, Person: loaders.person, Quote: loaders.quote, Venue: loaders.venue, Comment: loaders.comment,
      Organization: loaders.organization,
    }[decoded.type] as { load(id: number): Promise<Node | null> };
    return loader.load(decoded.id);
  }
}
