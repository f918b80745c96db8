import { Field, InputType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import { HttpUrlScalar } from "../../models/http-url-scalar.js";

@InputType({ description: "One article to ingest: its raw text or HTML page (exactly one of them), and what is known about it." })
export class IngestArticleInput {
  @Field(() => String, { nullable: true, description: "The article as scraped plain text (title line, dateline, body, comments …)." })
  text?: string | null;

  @Field(() => String, { nullable: true, description: "The article's HTML page; the main text is found with Readability." })
  html?: string | null;

  @Field(() => HttpUrlScalar, { nullable: true, description: "Where the article comes from (http or https); also tells the source when the text does not." })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'The publication, e.g. "Sputnik", when the text and URL do not tell it.' })
  source?: string | null;

  @Field(() => String, { nullable: true, description: "The headline, when the text does not start with it." })
  title?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Publication time, when the text has no dateline." })
  publishedAt?: Date | null;
}
