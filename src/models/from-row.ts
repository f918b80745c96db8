// Turns database rows into GraphQL objects. The row's numeric key stays on the object
// as dbId for the resolvers; clients only ever see the opaque global id.
import type { ArticleChildrenRows } from "../db/queries/article-children.js";
import type { ArticleRow, PersonJson, QuoteRow, VenueJson } from "../db/queries/by-key.js";
import type * as Db from "../generated/prisma/client.js";
import { Article } from "./Article.js";
import { Comment } from "./Comment.js";
import { toGlobalId } from "./global-id.js";
import { MentionSpan, PersonMention, VenueMention } from "./mentions.js";
import { Person } from "./Person.js";
import { Quote } from "./Quote.js";
import { Venue } from "./Venue.js";

// One copy per row (a page makes hundreds of these objects): the row's fields, then the ids.
export function articleFromRow(row: ArticleRow): Article {
  const article = Object.assign(new Article(), row as Omit<ArticleRow, "id">);
  article.dbId = row.id;
  article.id = toGlobalId("Article", row.id);
  return article;
}

export function personFromRow(row: Db.Person): Person {
  return Object.assign(new Person(), row, { id: toGlobalId("Person", row.id), dbId: row.id });
}

/** A person that came as JSON inside another row; aliases or roles may be left out (see personJson). */
export function personFromJson(json: PersonJson): Person {
  const person = Object.assign(new Person(), json as Omit<PersonJson, "id">);
  person.dbId = json.id;
  person.id = toGlobalId("Person", json.id);
  return person;
}

/**
 * The children an article list row brought along as JSON (see articleChildColumns), as
 * objects for that article's field resolvers.
 */
export function preloadedChildren(json: ArticleChildrenRows): NonNullable<Article["preloaded"]> {
  return {
    quotes: json.quotes?.map(({ quote, speaker }) => {
      const preloaded = quoteFromRow(quote);
      preloaded.preloadedSpeaker = speaker ? personFromJson(speaker) : null;
      return preloaded;
    }),
    persons: json.persons?.map(personFromJson),
    venues: json.venues?.map(venueFromJson),
  };
}

/** A venue that came as JSON inside another row. */
export function venueFromJson(json: VenueJson): Venue {
  return Object.assign(new Venue(), json, { id: toGlobalId("Venue", json.id), dbId: json.id });
}

export function quoteFromRow(row: QuoteRow): Quote {
  const quote = Object.assign(new Quote(), row as Omit<QuoteRow, "id">);
  quote.dbId = row.id;
  quote.id = toGlobalId("Quote", row.id);
  return quote;
}

export function venueFromRow(row: Db.Venue): Venue {
  return Object.assign(new Venue(), { ...row, id: toGlobalId("Venue", row.id), dbId: row.id });
}

export function commentFromRow(row: Db.Comment): Comment {
  return Object.assign(new Comment(), { ...row, id: toGlobalId("Comment", row.id), dbId: row.id });
}

function spans(json: Db.Prisma.JsonValue): MentionSpan[] {
  return Array.isArray(json) ? (json as unknown as MentionSpan[]) : [];
}

export function personMentionFromRow(row: Db.ArticlePerson): PersonMention {
  return Object.assign(new PersonMention(), { ...row, mentions: spans(row.mentions) });
}

export function venueMentionFromRow(row: Db.ArticleVenue): VenueMention {
  return Object.assign(new VenueMention(), { ...row, mentions: spans(row.mentions) });
}
