import { Field, Float, ID, InputType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import type { QuoteFilterValues } from "../../db/queries/quotes.js";
import { QuoteKind } from "../../models/Quote.js";
import { dbIdOf } from "../args.js";

@InputType({ description: "Narrows a list of quotes; every field given must hold." })
export class QuoteFilter {
  @Field(() => String, { nullable: true, description: 'Full-text search over the quoted words (web-search syntax: "a phrase", or, -not).' })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: "Said by this person." })
  speaker?: string | null;

  @Field(() => ID, { nullable: true, description: "In this article." })
  article?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: only quotes whose speaker is a known person; false: outlets, sources and unknown speakers." })
  hasSpeaker?: boolean | null;

  @Field(() => String, { nullable: true, description: "In articles from this publication (case-insensitive)." })
  source?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "In articles published at or after this time." })
  publishedAfter?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "In articles published before this time." })
  publishedBefore?: Date | null;

  @Field(() => QuoteKind, { nullable: true, description: "Only quotes of this kind: DIRECT or PARTIAL (both when absent)." })
  kind?: QuoteKind | null;

  @Field(() => Float, { nullable: true, description: "With a speaker confidence of at least this (0 to 1)." })
  minConfidence?: number | null;
}

export function quoteFilterValues(filter: QuoteFilter | null | undefined, path = "filter"): QuoteFilterValues {
  if (!filter) return {};
  return {
    ...filter,
    speakerId: filter.speaker ? dbIdOf(filter.speaker, "Person", `${path}.speaker`) : null,
    articleId: filter.article ? dbIdOf(filter.article, "Article", `${path}.article`) : null,
  };
}
