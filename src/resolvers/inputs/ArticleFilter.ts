import { Field, ID, InputType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import type { ArticleFilterValues } from "../../db/queries/articles.js";
import { dbIdOf } from "../args.js";

@InputType({ description: "Narrows a list of articles; every field given must hold." })
export class ArticleFilter {
  @Field(() => String, { nullable: true, description: 'Full-text search over title and body (web-search syntax: "a phrase", or, -not).' })
  search?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Published at or after this time." })
  publishedAfter?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Published before this time." })
  publishedBefore?: Date | null;

  @Field(() => String, { nullable: true, description: "From this publication (case-insensitive), e.g. \"Sputnik\"." })
  source?: string | null;

  @Field(() => ID, { nullable: true, description: "Mentions this person." })
  person?: string | null;

  @Field(() => ID, { nullable: true, description: "Names this venue." })
  venue?: string | null;

  @Field(() => ID, { nullable: true, description: "Names this organisation." })
  organization?: string | null;

  @Field(() => String, { nullable: true, description: "Carries this tag (exact)." })
  tag?: string | null;

  @Field(() => String, { nullable: true, description: "Written by this author: one of Article.authors, exactly as given." })
  author?: string | null;

  @Field(() => ID, { nullable: true, description: "Quotes this person." })
  speaker?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: only articles with quotes; false: only those without." })
  hasQuotes?: boolean | null;
}

/** The filter with its IDs decoded; `path` names the argument in error messages. */
export function articleFilterValues(filter: ArticleFilter | null | undefined, path = "filter"): ArticleFilterValues {
  if (!filter) return {};
  return {
    search: filter.search,
    publishedAfter: filter.publishedAfter,
    publishedBefore: filter.publishedBefore,
    source: filter.source,
    personId: filter.person ? dbIdOf(filter.person, "Person", `${path}.person`) : null,
    venueId: filter.venue ? dbIdOf(filter.venue, "Venue", `${path}.venue`) : null,
    organizationId: filter.organization ? dbIdOf(filter.organization, "Organization", `${path}.organization`) : null,
    tag: filter.tag,
    author: filter.author,
    speakerId: filter.speaker ? dbIdOf(filter.speaker, "Person", `${path}.speaker`) : null,
    hasQuotes: filter.hasQuotes,
  };
}
