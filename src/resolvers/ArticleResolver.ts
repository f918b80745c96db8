import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root, type ResolverInterface } from "type-graphql";
import { Article } from "../models/Article.js";
import { Comment } from "../models/Comment.js";
import { articleColumns, articleFromRow } from "../models/from-row.js";
import { PersonMention, VenueMention } from "../models/mentions.js";
import { Person } from "../models/Person.js";
import { Quote } from "../models/Quote.js";
import { Venue } from "../models/Venue.js";
import { dbIdOf, page, PageArgs } from "./args.js";
import type { Context } from "./context.js";
import { present } from "./present.js";

@Resolver(() => Article)
export class ArticleResolver implements ResolverInterface<Article> {
  @Query(() => [Article], { description: "Articles, newest first." })
  async articles(
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Arg("source", () => String, { nullable: true, description: "Only articles from this publication." }) source: string | null,
    @Ctx() { db }: Context,
  ): Promise<Article[]> {
    const rows = await db.prisma.article.findMany({
      ...page(pageArgs),
      where: source ? { source } : {},
      orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      select: articleColumns,
    });
    return rows.map(articleFromRow);
  }

  @Query(() => Article, { nullable: true, description: "One article by ID." })
  article(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context): Promise<Article | null> {
    return loaders.article.load(dbIdOf(id, "Article"));
  }

  @FieldResolver(() => [Person], { description: "Persons the article mentions, most mentioned first." })
  async persons(@Root() article: Article, @Ctx() { loaders }: Context): Promise<Person[]> {
    const mentions = await loaders.personMentionsByArticle.load(article.dbId);
    return present(await loaders.person.loadMany(mentions.map((m) => m.personId)));
  }

  @FieldResolver(() => [PersonMention], { description: "Mentions of persons, with counts, surface forms and the roles this article gives them." })
  personMentions(@Root() article: Article, @Ctx() { loaders }: Context): Promise<PersonMention[]> {
    return loaders.personMentionsByArticle.load(article.dbId);
  }

  @FieldResolver(() => [Quote], { description: "Direct quotations, in order of appearance." })
  quotes(@Root() article: Article, @Ctx() { loaders }: Context): Promise<Quote[]> {
    return loaders.quotesByArticle.load(article.dbId);
  }

  @FieldResolver(() => [Venue], { description: "Places the article names, most mentioned first." })
  async venues(@Root() article: Article, @Ctx() { loaders }: Context): Promise<Venue[]> {
    const mentions = await loaders.venueMentionsByArticle.load(article.dbId);
    return present(await loaders.venue.loadMany(mentions.map((m) => m.venueId)));
  }

  @FieldResolver(() => [VenueMention], { description: "Mentions of places, with counts and surface forms." })
  venueMentions(@Root() article: Article, @Ctx() { loaders }: Context): Promise<VenueMention[]> {
    return loaders.venueMentionsByArticle.load(article.dbId);
  }

  @FieldResolver(() => [Comment], { description: "Reader comments, in thread order." })
  comments(@Root() article: Article, @Ctx() { loaders }: Context): Promise<Comment[]> {
    return loaders.commentsByArticle.load(article.dbId);
  }
}
