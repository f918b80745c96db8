import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root, type ResolverInterface } from "type-graphql";
import { Article } from "../models/Article.js";
import { personFromRow } from "../models/from-row.js";
import { PersonMention } from "../models/mentions.js";
import { Person } from "../models/Person.js";
import { Quote } from "../models/Quote.js";
import { dbIdOf, page, PageArgs } from "./args.js";
import type { Context } from "./context.js";
import { present } from "./present.js";

@Resolver(() => Person)
export class PersonResolver implements ResolverInterface<Person> {
  @Query(() => [Person], { description: "Persons, by name." })
  async persons(
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Arg("name", () => String, { nullable: true, description: "Only persons whose name or an alias contains this text (case-insensitive)." }) name: string | null,
    @Ctx() { db }: Context,
  ): Promise<Person[]> {
    const rows = await db.prisma.person.findMany({
      ...page(pageArgs),
      where: name ? { OR: [{ name: { contains: name, mode: "insensitive" } }, { aliases: { has: name } }] } : {},
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    return rows.map(personFromRow);
  }

  @Query(() => Person, { nullable: true, description: "One person by ID." })
  person(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context): Promise<Person | null> {
    return loaders.person.load(dbIdOf(id, "Person"));
  }

  @FieldResolver(() => [Article], { description: "Articles that mention the person, newest first." })
  async articles(@Root() person: Person, @Ctx() { loaders }: Context): Promise<Article[]> {
    const mentions = await loaders.personMentionsByPerson.load(person.dbId);
    return present(await loaders.article.loadMany(mentions.map((m) => m.articleId)));
  }

  @FieldResolver(() => [PersonMention], { description: "The person's mentions, one per article, with counts and roles." })
  mentions(@Root() person: Person, @Ctx() { loaders }: Context): Promise<PersonMention[]> {
    return loaders.personMentionsByPerson.load(person.dbId);
  }

  @FieldResolver(() => [Quote], { description: "What the person is quoted as saying." })
  quotes(@Root() person: Person, @Ctx() { loaders }: Context): Promise<Quote[]> {
    return loaders.quotesBySpeaker.load(person.dbId);
  }
}
