import { Field, Int, ObjectType } from "type-graphql";
import type { Article } from "./Article.js";
import type { Person } from "./Person.js";
import type { Venue } from "./Venue.js";

@ObjectType({ simpleResolvers: true, description: "A character range in an article's raw input, and the section it lies in." })
export class MentionSpan {
  @Field(() => Int, { description: "Offset of the first character." })
  start!: number;

  @Field(() => Int, { description: "Offset just past the last character." })
  end!: number;

  @Field(() => String, { description: 'Section of the page: "body", "title", "photoCaption", "photoCredit", "relatedHeadlines", "tags" or "comments".' })
  section!: string;
}

/**
 * Fields shared by every article–entity mention edge. Decorated so its subclasses inherit
 * the fields; no field returns it, so it never appears in the schema itself.
 */
@ObjectType({ simpleResolvers: true })
abstract class MentionEdge {
  articleId!: number;

  @Field(() => Int, { description: "How many times the article names it." })
  mentionCount!: number;

  @Field(() => [String], { description: "The surface forms the article uses." })
  aliases!: string[];

  /** Where each mention is: a field with a size argument, resolved by MentionResolvers. */
  mentions!: MentionSpan[];
}

@ObjectType({ simpleResolvers: true, description: "A person as mentioned in one article: how often, and as what." })
export class PersonMention extends MentionEdge {
  personId!: number;
  // Both ends, resolved by PersonMentionResolver.
  person?: Person;
  article?: Article;

  @Field(() => [String], { description: "Roles and descriptions this article gives the person." })
  roles!: string[];
}

@ObjectType({ simpleResolvers: true, description: "A venue as mentioned in one article." })
export class VenueMention extends MentionEdge {
  venueId!: number;
  // Both ends, resolved by VenueMentionResolver.
  venue?: Venue;
  article?: Article;
}
