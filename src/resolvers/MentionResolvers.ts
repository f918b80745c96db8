import { Arg, Ctx, FieldResolver, Int, Resolver, Root, type ResolverInterface } from "type-graphql";
import { Article } from "../models/Article.js";
import { MentionSpan, PersonMention, VenueMention } from "../models/mentions.js";
import { Person } from "../models/Person.js";
import { Venue } from "../models/Venue.js";
import type { Context } from "./context.js";
import { cappedSize, sizeArg } from "./list-caps.js";
import { required } from "./present.js";

const SPANS_DESCRIPTION = "Where each mention is, in reading order.";

@Resolver(() => PersonMention)
export class PersonMentionResolver implements ResolverInterface<PersonMention> {
  @FieldResolver(() => Person, { description: "The person mentioned." })
  async person(@Root() mention: PersonMention, @Ctx() { loaders }: Context): Promise<Person> {
    return required(await loaders.person.load(mention.personId), `person ${mention.personId}`);
  }

  @FieldResolver(() => Article, { description: "The article that mentions them." })
  async article(@Root() mention: PersonMention, @Ctx() { loaders }: Context): Promise<Article> {
    return required(await loaders.article.load(mention.articleId), `article ${mention.articleId}`);
  }

  @FieldResolver(() => [MentionSpan], { description: SPANS_DESCRIPTION })
  mentions(@Root() mention: PersonMention, @Arg("first", () => Int, sizeArg("PersonMention.mentions")) first: number): MentionSpan[] {
    return mention.mentions.slice(0, cappedSize("PersonMention.mentions", first));
  }
}

@Resolver(() => VenueMention)
export class VenueMentionResolver implements ResolverInterface<VenueMention> {
  @FieldResolver(() => Venue, { description: "The venue mentioned." })
  async venue(@Root() mention: VenueMention, @Ctx() { loaders }: Context): Promise<Venue> {
    return required(await loaders.venue.load(mention.venueId), `venue ${mention.venueId}`);
  }

  @FieldResolver(() => Article, { description: "The article that names it." })
  async article(@Root() mention: VenueMention, @Ctx() { loaders }: Context): Promise<Article> {
    return required(await loaders.article.load(mention.articleId), `article ${mention.articleId}`);
  }

  @FieldResolver(() => [MentionSpan], { description: SPANS_DESCRIPTION })
  mentions(@Root() mention: VenueMention, @Arg("first", () => Int, sizeArg("VenueMention.mentions")) first: number): MentionSpan[] {
    return mention.mentions.slice(0, cappedSize("VenueMention.mentions", first));
  }
}
