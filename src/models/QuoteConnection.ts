import { Field, Float, ObjectType } from "type-graphql";
import { ConnectionType, EdgeType } from "./connection.js";
import { Highlight } from "./Highlight.js";
import { Quote } from "./Quote.js";

@ObjectType({ simpleResolvers: true, description: "A quote in a list; with a search, its rank and a highlighted snippet." })
export class QuoteEdge extends EdgeType(Quote) {
  @Field(() => Float, { nullable: true, description: "Search relevance (PostgreSQL ts_rank_cd); null without a search." })
  rank!: number | null;

  @Field(() => String, {
    nullable: true,
    description: "The quoted words as HTML: the text escaped, matches wrapped in <mark>…</mark>, no other markup; null without a search.",
  })
  snippet!: string | null;

  @Field(() => Highlight, { nullable: true, description: "The snippet as plain text with the offsets of its matches; null without a search." })
  highlight!: Highlight | null;
}

@ObjectType({ simpleResolvers: true, description: "A page of quotes." })
export class QuoteConnection extends ConnectionType(Quote, QuoteEdge) {}
