import { Field, Float, Int, ObjectType } from "type-graphql";
import { Article } from "./Article.js";
import { ConnectionType, EdgeType } from "./connection.js";
import { Highlight } from "./Highlight.js";

@ObjectType({ simpleResolvers: true, description: "An article in a list; with a search, its rank and a highlighted snippet." })
export class ArticleEdge extends EdgeType(Article) {
  @Field(() => Float, { nullable: true, description: "Search relevance (PostgreSQL ts_rank_cd); null without a search." })
  rank!: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Passages of the body matching the search as HTML: the text escaped, matches wrapped in <mark>…</mark>, no other markup; null without a search.",
  })
  snippet!: string | null;

  @Field(() => Highlight, { nullable: true, description: "The snippet as plain text with the offsets of its matches; null without a search." })
  highlight!: Highlight | null;
}

@ObjectType({ simpleResolvers: true, description: "A page of articles." })
export class ArticleConnection extends ConnectionType(Article, ArticleEdge) {
  /** The total, or PostgreSQL's estimate of it (see the field); totalCount's count where not set. */
  estimateTotal?: () => number | Promise<number>;

  @Field(() => Int, {
    description: "How many articles match, cheaply: totalCount, except for a search that the column statistics say matches over 10,000 articles (or whose list is ranked among the newest articles): then PostgreSQL's estimate of all its matches, which reads no article.",
  })
  totalCountEstimate(): number | Promise<number> {
    return (this.estimateTotal ?? this.countTotal)();
  }
}
