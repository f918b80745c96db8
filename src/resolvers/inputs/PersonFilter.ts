import { Field, ID, InputType } from "type-graphql";
import type { PersonFilterValues } from "../../db/queries/persons.js";
import { Gender } from "../../models/gender.js";
import { dbIdOf } from "../args.js";

@InputType({ description: "Narrows a list of persons; every field given must hold." })
export class PersonFilter {
  @Field(() => String, { nullable: true, description: "Part of the name or of an alias, case-insensitive." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of a role, case-insensitive, e.g. "minister".' })
  role?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: only persons quoted at least once; false: only those never quoted." })
  hasQuotes?: boolean | null;

  @Field(() => Gender, { nullable: true, description: "Of this gender (Person.gender)." })
  gender?: Gender | null;

  @Field(() => ID, { nullable: true, description: "Mentioned in this article." })
  article?: string | null;

  @Field(() => ID, { nullable: true, description: "Mentioned in an article that names this venue." })
  venue?: string | null;
}

export function personFilterValues(filter: PersonFilter | null | undefined, path = "filter"): PersonFilterValues {
  if (!filter) return {};
  return {
    ...filter,
    articleId: filter.article ? dbIdOf(filter.article, "Article", `${path}.article`) : null,
    venueId: filter.venue ? dbIdOf(filter.venue, "Venue", `${path}.venue`) : null,
  };
}
