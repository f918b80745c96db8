import { Field, InputType } from "type-graphql";

@InputType({ description: "Narrows a list of venues; every field given must hold." })
export class VenueFilter {
  @Field(() => String, { nullable: true, description: "Part of the name or of an alias, case-insensitive." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Kind of place: "country", "city", "square" …' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 country code, e.g. \"KP\"." })
  countryCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: only geocoded venues (with latitude and longitude)." })
  hasCoordinates?: boolean | null;
}
