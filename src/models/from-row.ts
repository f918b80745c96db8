// Turns database rows into GraphQL objects. The row's numeric key stays on the object
// as dbId for the resolvers; clients only ever see the opaque global id.
import type { ArticleRow, PersonJson, QuoteRow, VenueJson } from "../db/queries/by-key.js";
import type * as Db from "../generated/prisma/client.js";
import { Article } from "./Article.js";
import { Comment } from "./Comment.js";
import { toGlobalId } from "./global-id.js";
import { MentionSpan, PersonMention, VenueMention } from "./mentions.js";
import { Person } from "./Person.js";
import { Quote } from "./Quote.js";
import { Venue } from "./Venue.js";

export function articleFromRow(row: ArticleRow): Article {
  return Object.assign(new Article(), { ...row, id: toGlobalId("Article", row.id), dbId: row.id });
}

export function personFromRow(row: Db.Person): Person {
  return Object.assign(new Person(), { ...row, id: toGlobalId("Person", row.id), dbId: row.id });
}

/** A timestamp as JSON has it (to_jsonb of a plain timestamp, which holds UTC). */
const utc = (timestamp: string) => new Date(`${timestamp}Z`);

/** A Person row that came as JSON inside another row. */
export function personFromJson(json: PersonJson): Person {
  return personFromRow({ ...json, createdAt: utc(json.createdAt), updatedAt: utc(json.updatedAt) });
}

/** A Venue row that came as JSON inside another row. */
export function venueFromJson(json: VenueJson): Venue {
  return venueFromRow({ ...json, createdAt: utc(json.createdAt) });
}

export function quoteFromRow(row: QuoteRow): Quote {
  return Object.assign(new Quote(), { ...row, id: toGlobalId("Quote", row.id), dbId: row.id });
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
