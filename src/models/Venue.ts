import { Field, Float, ObjectType } from "type-graphql";
import { Node } from "./Node.js";
import type { Article } from "./Article.js";
import type { VenueMention } from "./mentions.js";

@ObjectType({ simpleResolvers: true, implements: Node, description: "A place named in articles: a country, region, city, district, square, airport, building or mission." })
export class Venue extends Node {
  dbId!: number;

  @Field(() => String, { description: 'Canonical name, e.g. "North Korea".' })
  name!: string;

  @Field(() => String, { description: 'What kind of place: "country", "city", "square", "airport" …' })
  kind!: string;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code of the country the place is in." })
  countryCode!: string | null;

  @Field(() => Float, { nullable: true, description: "Latitude in degrees (WGS84), when geocoded." })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: "Longitude in degrees (WGS84), when geocoded." })
  longitude!: number | null;

  @Field(() => [String], { description: 'Other names for the place seen in articles, e.g. "DPRK".' })
  aliases!: string[];

  // Relations, resolved by VenueResolver.
  articles?: Article[];
  mentions?: VenueMention[];
}
