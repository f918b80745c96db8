// Counted entities, for dashboards: top lists, related entities and the venue map.
import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import { Person } from "./Person.js";
import { Venue } from "./Venue.js";

@ObjectType({ simpleResolvers: true, description: "A person with how often they appear in a set of articles." })
export class PersonCount {
  @Field(() => Person, { description: "The person." })
  person!: Person;

  @Field(() => Int, { description: "How many of the articles mention the person." })
  articleCount!: number;

  @Field(() => Int, { description: "How many times the articles name the person, in all." })
  mentionCount!: number;
}

@ObjectType({ simpleResolvers: true, description: "A speaker with how many quotes they have in a set of articles." })
export class SpeakerCount {
  @Field(() => Person, { description: "The speaker." })
  person!: Person;

  @Field(() => Int, { description: "How many quotes the articles attribute to them, direct and partial." })
  quoteCount!: number;

  @Field(() => Int, { description: "How many of those quotes are DIRECT." })
  directQuoteCount!: number;

  @Field(() => Int, { description: "How many of those quotes are PARTIAL." })
  partialQuoteCount!: number;

  @Field(() => Int, { description: "In how many of the articles they are quoted." })
  articleCount!: number;
}

@ObjectType({ simpleResolvers: true, description: "A venue with how often it is named in a set of articles, and where it is." })
export class VenueCount {
  @Field(() => Venue, { description: "The venue." })
  venue!: Venue;

  @Field(() => Int, { description: "How many of the articles name the venue." })
  articleCount!: number;

  @Field(() => Int, { description: "How many times the articles name the venue, in all." })
  mentionCount!: number;

  @Field(() => Float, { nullable: true, description: "Latitude in degrees (WGS84), when geocoded: ready for a map." })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: "Longitude in degrees (WGS84), when geocoded: ready for a map." })
  longitude!: number | null;
}

@ObjectType({ simpleResolvers: true, description: "A person who shares articles with another, and how many." })
export class CoMention {
  @Field(() => Person, { description: "The other person." })
  person!: Person;

  @Field(() => Int, { description: "How many articles mention both." })
  sharedArticles!: number;
}

@ObjectType({ simpleResolvers: true, description: "A person as mentioned alongside a venue, or a venue alongside a person." })
export class RelatedVenue {
  @Field(() => Venue, { description: "The venue." })
  venue!: Venue;

  @Field(() => Int, { description: "How many articles name both." })
  sharedArticles!: number;
}

@ObjectType({ simpleResolvers: true, description: "A person named in articles that also name a venue." })
export class RelatedPerson {
  @Field(() => Person, { description: "The person." })
  person!: Person;

  @Field(() => Int, { description: "How many articles name both." })
  sharedArticles!: number;
}

@ObjectType({ simpleResolvers: true, description: "One interval of a timeline." })
export class TimelineBucket {
  @Field(() => DateTimeResolver, { description: "Start of the interval (UTC)." })
  start!: Date;

  @Field(() => Int, { description: "How many matching articles were published in it." })
  articleCount!: number;

  @Field(() => Int, { nullable: true, description: "How many times they name the person or venue filtered on; null without such a filter." })
  mentionCount!: number | null;
}

@ObjectType({ simpleResolvers: true, description: "A node of the co-occurrence network." })
export class NetworkNode {
  @Field(() => Person, { description: "The person." })
  person!: Person;

  @Field(() => Int, { description: "How many of the articles mention the person." })
  articleCount!: number;
}

@ObjectType({ simpleResolvers: true, description: "A weighted edge of the co-occurrence network: two persons named in the same articles." })
export class NetworkEdge {
  @Field(() => Person, { description: "One person (the one with the lower ID)." })
  source!: Person;

  @Field(() => Person, { description: "The other person." })
  target!: Person;

  @Field(() => Int, { description: "How many articles mention both." })
  weight!: number;
}

@ObjectType({ simpleResolvers: true, description: "Who is named with whom: persons as nodes, shared articles as weighted edges." })
export class CoMentionNetwork {
  @Field(() => [NetworkNode], { description: "Persons with at least one edge, most mentioned first." })
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge], { description: "Pairs of persons with their number of shared articles, heaviest first." })
  edges!: NetworkEdge[];
}
