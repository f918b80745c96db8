// Editorial writes on persons. Both need the API key.
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { mergePersons, PersonEditError, renamePerson } from "../db/person-edits.js";
import { Person } from "../models/Person.js";
import { dbIdOf } from "./args.js";
import type { Context } from "./context.js";
import { badInput } from "./errors.js";
import { required } from "./present.js";
import { WRITE } from "./roles.js";

async function asUserError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PersonEditError) throw badInput(error.message, error.argumentName);
    throw error;
  }
}

@Resolver()
export class PersonEditResolver {
  @Authorized(WRITE)
  @Mutation(() => Person, { description: "Joins duplicate persons: the mentions, quotes, aliases and roles of `from` move onto `into`, and `from` is deleted. Their names stay as aliases, so later ingests land on `into`. Needs the API key." })
  async mergePersons(
    @Arg("into", () => ID, { description: "The person to keep." }) into: string,
    @Arg("from", () => [ID], { description: "The duplicates to fold into it." }) from: string[],
    @Ctx() { db, loaders }: Context,
  ): Promise<Person> {
    const intoId = dbIdOf(into, "Person", "into");
    await asUserError(() => mergePersons(db.prisma, intoId, from.map((id, i) => dbIdOf(id, "Person", `from[${i}]`))));
    loaders.person.clearAll();
    return required(await loaders.person.load(intoId), `merged person ${intoId}`);
  }

  @Authorized(WRITE)
  @Mutation(() => Person, { description: "Gives a person a new canonical name; the old name becomes an alias. Needs the API key." })
  async renamePerson(
    @Arg("id", () => ID, { description: "The person." }) id: string,
    @Arg("name", () => String, { description: 'The new canonical name, e.g. "Georgy Toloraia".' }) name: string,
    @Ctx() { db, loaders }: Context,
  ): Promise<Person> {
    const personId = dbIdOf(id, "Person");
    await asUserError(() => renamePerson(db.prisma, personId, name));
    loaders.person.clearAll();
    return required(await loaders.person.load(personId), `renamed person ${personId}`);
  }
}
