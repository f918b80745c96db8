import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "./Node.js";
import type { Article } from "./Article.js";
import type { Person } from "./Person.js";

/** The values match the database enum "QuoteKind", so rows need no mapping. */
export enum QuoteKind {
  DIRECT = "DIRECT",
  PARTIAL = "PARTIAL",
}

registerEnumType(QuoteKind, {
  name: "QuoteKind",
  description: "How a quote gives a speaker's words. Terms, titles and nicknames in quotation marks are not quotes and are not stored.",
  valuesConfig: {
    DIRECT: { description: "The speaker's words standing as their own sentence: “We will appeal,” she said." },
    PARTIAL: { description: "A fragment of the speaker's words inside the reporter's sentence: she called the ruling “a dangerous precedent”." },
  },
});

@ObjectType({ simpleResolvers: true, implements: Node, description: "A quotation in an article: a speaker's words, whole (DIRECT) or as a fragment (PARTIAL)." })
export class Quote extends Node {
  dbId!: number;
  articleId!: number;
  speakerId!: number | null;
  /** The organisation speaking, when no person does (Quote.speakerOrganization). */
  speakerOrganizationId!: number | null;
  /** The speaker, when the statement that read the quote brought it along (null: no person). */
  preloadedSpeaker?: Person | null;
  /** The article, with the columns a client selected, when the statement that read the quote brought it along. */
  preloadedArticle?: Article;

  @Field(() => String, { description: "The quoted words, without the quotation marks." })
  text!: string;

  @Field(() => String, { nullable: true, description: 'The speaker as attributed in the text ("Toloraia", "he", "Kyodo news agency"); null when unattributed.' })
  speakerText!: string | null;

  @Field(() => String, { nullable: true, description: 'The attribution cue, e.g. "said" or "told Sputnik".' })
  cue!: string | null;

  @Field(() => Int, { description: "Offset of the first quoted character in the article's raw input." })
  startOffset!: number;

  @Field(() => Int, { description: "Offset just past the last quoted character." })
  endOffset!: number;

  @Field(() => String, { description: "The paragraph around the quote." })
  context!: string;

  @Field(() => Float, { description: "How sure the extractor is of the speaker, from 0 to 1." })
  confidence!: number;

  @Field(() => QuoteKind, { description: "Whether the quote gives the speaker's words whole (DIRECT) or as a fragment inside reported speech (PARTIAL)." })
  kind!: QuoteKind;

  @Field(() => Int, { description: "Order of the quote in its article, from 0." })
  position!: number;

  // Relations, resolved by QuoteResolver.
  speaker?: Person | null;
  article?: Article;
}
