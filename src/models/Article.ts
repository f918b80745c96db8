import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import { HttpUrlScalar } from "./http-url-scalar.js";
import { Node } from "./Node.js";
import type { Comment } from "./Comment.js";
import type { PersonMention, VenueMention } from "./mentions.js";
import type { Person } from "./Person.js";
import type { Quote } from "./Quote.js";
import type { Venue } from "./Venue.js";

@ObjectType({ simpleResolvers: true, implements: Node, description: "A news article, with what was extracted from it." })
export class Article extends Node {
  /** Database key, used by the resolvers; not exposed. */
  dbId!: number;
  /**
   * Children that the page statement brought along (see articleChildColumns), projected to
   * what this request selected: for this object's field resolvers only, never a loader.
   */
  preloaded?: { quotes?: Quote[]; persons?: Person[]; venues?: Venue[] };

  @Field(() => String, { description: "Headline." })
  title!: string;

  @Field(() => String, { description: "Cleaned body text: paragraphs separated by blank lines, no boilerplate." })
  body!: string;

  @Field(() => DateTimeResolver, { nullable: true, description: "Publication date and time (UTC), repaired from the dateline where needed." })
  publishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The dateline as written in the source." })
  dateline!: string | null;

  @Field(() => String, { nullable: true, description: "Publication the article comes from (Sputnik, HuffPost …)." })
  source!: string | null;

  @Field(() => HttpUrlScalar, { nullable: true, description: "Where the article was scraped from, when known: an http(s) URL." })
  url!: string | null;

  @Field(() => String, { nullable: true, description: "Caption of the article's photo." })
  photoCaption!: string | null;

  @Field(() => String, { nullable: true, description: "Credit line of the article's photo." })
  photoCredit!: string | null;

  @Field(() => [String], {
    description: "Who wrote the article: the page's JSON-LD, author meta tags or byline elements, else a \"By …\" line at its head. An agency a byline names (\"Reuters\") is kept as written; an outlet typed Organization in JSON-LD is not an author. Writers are persons of the article only where its text names them.",
  })
  authors!: string[];

  @Field(() => [String], { description: "Tags the publication gave the article." })
  tags!: string[];

  @Field(() => [String], { description: "Headlines of related articles listed on the page." })
  relatedHeadlines!: string[];

  @Field(() => String, { description: 'Format the raw input was read as: "text", "html" or "jsonl".' })
  format!: string;

  @Field(() => Int, { description: "Version of the extractor that produced this article's persons, quotes and venues." })
  extractorVersion!: number;

  @Field(() => DateTimeResolver, { description: "When the article was first ingested." })
  ingestedAt!: Date;

  @Field(() => DateTimeResolver, { description: "When the article was last (re)processed." })
  updatedAt!: Date;

  // Relations, resolved by ArticleResolver.
  persons?: Person[];
  personMentions?: PersonMention[];
  quotes?: Quote[];
  venues?: Venue[];
  venueMentions?: VenueMention[];
  comments?: Comment[];
}
