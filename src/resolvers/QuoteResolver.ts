import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root, type ResolverInterface } from "type-graphql";
import { Article } from "../models/Article.js";
import { Person } from "../models/Person.js";
import { Quote } from "../models/Quote.js";
import { dbIdOf } from "./args.js";
import type { Context } from "./context.js";
import { required } from "./present.js";

@Resolver(() => Quote)
export class QuoteResolver implements ResolverInterface<Quote> {
  @Query(() => Quote, { nullable: true, description: "One quote by ID." })
  quote(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context): Promise<Quote | null> {
    return loaders.quote.load(dbIdOf(id, "Quote"));
  }

  @FieldResolver(() => Person, { nullable: true, description: "The person who said it; null when the speaker is no person (an outlet, \"sources\") or unknown." })
  async speaker(@Root() quote: Quote, @Ctx() { loaders }: Context): Promise<Person | null> {
    return quote.speakerId == null ? null : loaders.person.load(quote.speakerId);
  }

  @FieldResolver(() => Article, { description: "The article the quote appears in." })
  async article(@Root() quote: Quote, @Ctx() { loaders }: Context): Promise<Article> {
    return required(await loaders.article.load(quote.articleId), `article ${quote.articleId} of quote ${quote.dbId}`);
  }
}
