// Turns database rows into GraphQL objects: the data-access layer hands the resolvers these
// objects, so the model classes never name a row type. The row's numeric key stays on the
// object as dbId for the resolvers; clients only ever see the opaque global id.
import type { ArticleChildrenRows } from "./queries/article-children.js";
import type { ArticleRow, PersonJson, QuoteRow, VenueJson } from "./queries/by-key.js";
import type * as Db from "../generated/prisma/client.js";
import { httpUrl } from "../http-url.js";
import { Article } from "../models/Article.js";
import { Comment } from "../models/Comment.js";
import { toGlobalId, type NodeTypeName } from "../models/global-id.js";
import { type MentionSpan, PersonMention, VenueMention } from "../models/mentions.js";
import { Person } from "../models/Person.js";
import { Quote } from "../models/Quote.js";
import { Venue } from "../models/Venue.js";
import { Organization } from "../models/Organization.js";

/**
 * A node made from a row: the row's fields copied once (a page makes hundreds of these
 * objects), then its key kept as dbId and its global id set.
 */
function nodeOf<N extends { id: string; dbId: number }, R extends { id: number }>(node: N, type: NodeTypeName, row: R): N {
  Object.assign(node, row);
  node.dbId = row.id;
  node.id = toGlobalId(type, row.id);
  return node;
}

/** An article from its row; a url stored before the ingest refused other schemes is served as null. */
export function articleFromRow(row: ArticleRow): Article {
  const article = nodeOf(new Article(), "Article", row);
  if (article.url != null) article.url = httpUrl(article.url);
  return article;
}
export const quoteFromRow = (row: QuoteRow): Quote => nodeOf(new Quote(), "Quote", row);
export const personFromRow = (row: Db.Person): Person => nodeOf(new Person(), "Person", row);
export const venueFromRow = (row: Db.Venue): Venue => nodeOf(new Venue(), "Venue", row);
export const organizationFromRow = (row: Db.Organization): Organization => nodeOf(new Organization(), "Organization", row);
export const commentFromRow = (row: Db.Comment): Comment => nodeOf(new Comment(), "Comment", row);
/** A person that came as JSON inside another row; aliases or roles may be left out (see personJson). */
export const personFromJson = (json: PersonJson): Person => nodeOf(new Person(), "Person", json);
/** A venue that came as JSON inside another row. */
export const venueFromJson = (json: VenueJson): Venue => nodeOf(new Venue(), "Venue", json);

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

function spans(json: Db.Prisma.JsonValue): MentionSpan[] {
  return Array.isArray(json) ? (json as unknown as MentionSpan[]) : [];
}

export function personMentionFromRow(row: Db.ArticlePerson): PersonMention {
  return Object.assign(new PersonMention(), { ...row, mentions: spans(row.mentions) });
}

export function venueMentionFromRow(row: Db.ArticleVenue): VenueMention {
  return Object.assign(new VenueMention(), { ...row, mentions: spans(row.mentions) });
}
