// Per-request DataLoaders: every nested list or parent lookup in one GraphQL request is
// batched into one SQL statement per level, whatever the page size (no N+1). Loaders whose
// statement brings related rows along (a quote's speaker, an article's persons) prime those
// rows' loaders, so reading them sends no statement of its own.
import DataLoader from "dataloader";
import type { PersonRow, VenueRow } from "../db/rows.js";
import {
  articlesByIds, commentRowsOfArticles, commentsByIds, countsByKey, personCounts, personMentions, personsByIds, personsOfArticles, personsWithCountsByIds,
  quotesByIds, quotesWithSpeakers, venueMentions, venuesByIds, venuesOfArticles, type PersonCounts, type QuoteWithSpeakerRow,
} from "../db/queries/by-key.js";
import type { Page } from "../db/queries/page-query.js";
import type { SqlReader } from "../db/sql-reader.js";
import {
  articleFromRow, commentFromRow, personFromJson, personFromRow, personMentionFromRow, quoteFromRow, venueFromRow, venueMentionFromRow,
} from "../db/objects.js";
import type { Article } from "../models/Article.js";
import type { Comment } from "../models/Comment.js";
import type { PersonMention, VenueMention } from "../models/mentions.js";
import type { Person } from "../models/Person.js";
import type { Quote } from "../models/Quote.js";
import type { Venue } from "../models/Venue.js";
import { articleIdsOfOrganizations, organizationsByIds, organizationsOfArticles } from "../db/queries/organizations.js";
import type { Organization } from "../models/Organization.js";
import { organizationFromRow } from "../db/objects.js";

/** Hands an item a statement brought along to its loader, so loading it sends no statement; answers the item. */
export function primed<T extends { dbId: number }>(loader: DataLoader<number, T | null>, item: T): T {
  loader.prime(item.dbId, item);
  return item;
}

/** Loads rows by primary key, answering in the order asked (null where missing). */
function byId<T extends { dbId: number }>(fetch: (ids: number[]) => Promise<T[]>) {
  return new DataLoader<number, T | null>(async (ids) => {
    const found = new Map((await fetch([...ids])).map((item) => [item.dbId, item]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/**
 * Loads the first `limit` children of many parents at once, grouped by the parent key: one
 * loader per limit asked in the request, each one statement per batch.
 */
function childrenOf<T>(fetch: (keys: number[], limit: number) => Promise<T[]>, keyOf: (item: T) => number) {
  const byLimit = new Map<number, DataLoader<number, T[]>>();
  return (limit: number): DataLoader<number, T[]> => {
    let loader = byLimit.get(limit);
    if (!loader) {
      loader = new DataLoader<number, T[]>(async (keys) => {
        const groups = new Map<number, T[]>(keys.map((k) => [k, []]));
        for (const item of await fetch([...keys], limit)) groups.get(keyOf(item))?.push(item);
        return keys.map((k) => groups.get(k)!);
      });
      byLimit.set(limit, loader);
    }
    return loader;
  };
}

/** Counts rows per key in one statement, answering 0 for keys without rows. */
function countsOf(fetch: (keys: number[]) => Promise<{ key: number; count: number }[]>) {
  return new DataLoader<number, number>(async (keys) => {
    const counts = new Map((await fetch([...keys])).map((row) => [row.key, row.count]));
    return keys.map((k) => counts.get(k) ?? 0);
  });
}

/**
 * Per-request loaders keyed by a field and its arguments (nested connections, related
 * entities): each answers for all the parents asked for in one statement.
 */
function keyedLoaders<V>() {
  const byKey = new Map<string, DataLoader<number, V>>();
  return (key: string, fetch: (parents: readonly number[]) => Promise<Map<number, V>>): DataLoader<number, V> => {
    let loader = byKey.get(key);
    if (!loader) {
      loader = new DataLoader<number, V>(async (parents) => {
        const found = await fetch(parents);
        return parents.map((parent) => found.get(parent)!);
      });
      byKey.set(key, loader);
    }
    return loader;
  };
}

export function createLoaders(db: SqlReader) {
  const article = byId<Article>(async (ids) => (await articlesByIds(db, ids)).map(articleFromRow));
  const person = byId<Person>(async (ids) => (await personsByIds(db, ids)).map(personFromRow));
  const venue = byId<Venue>(async (ids) => (await venuesByIds(db, ids)).map(venueFromRow));

  /** Quotes with their speakers joined in: the speakers' loader is primed, not queried. */
  const quoteWithSpeaker = ({ speaker, ...row }: QuoteWithSpeakerRow) => {
    if (speaker) person.prime(speaker.id, personFromJson(speaker));
    return quoteFromRow(row);
  };
  const organization = byId<Organization>(async (ids) => (await organizationsByIds(db, ids)).map(organizationFromRow));
  const quotesWithSpeakersBy = (by: "articleId" | "speakerId" | "speakerOrganizationId") => async (keys: number[], limit: number) =>
    (await quotesWithSpeakers(db, by, keys, limit)).map(quoteWithSpeaker);
  const countsOfPerson = new DataLoader<number, PersonCounts>(async (ids) => {
    const counts = new Map((await personCounts(db, ids)).map((row) => [row.key, row]));
    return ids.map((id) => counts.get(id) ?? { articles: 0, quotes: 0 });
  });

  return {
    paged: keyedLoaders<Page>(),
    related: keyedLoaders<{ row: PersonRow | VenueRow; sharedArticles: number }[]>(),
    article,
    person,
    venue,
    organization,
    quote: byId<Quote>(async (ids) => (await quotesByIds(db, ids)).map(quoteFromRow)),
    comment: byId<Comment>(async (ids) => (await commentsByIds(db, ids)).map(commentFromRow)),

    quotesByArticle: childrenOf<Quote>(quotesWithSpeakersBy("articleId"), (q) => q.articleId),
    quotesBySpeaker: childrenOf<Quote>(quotesWithSpeakersBy("speakerId"), (q) => q.speakerId!),
    quotesBySpeakerOrganization: childrenOf<Quote>(quotesWithSpeakersBy("speakerOrganizationId"), (q) => q.speakerOrganizationId!),
    articleIdsByOrganization: childrenOf<{ organizationId: number; articleId: number }>((ids, limit) => articleIdsOfOrganizations(db, ids, limit), (m) => m.organizationId),
    organizationsByArticle: childrenOf<{ articleId: number; organization: Organization }>(
      async (ids, limit) => (await organizationsOfArticles(db, ids, limit)).map(({ mentionedIn, ...row }) =>
        ({ articleId: mentionedIn, organization: primed(organization, organizationFromRow(row)) })),
      (m) => m.articleId),
    commentsByArticle: childrenOf<Comment>(async (ids, limit) => (await commentRowsOfArticles(db, ids, limit)).map(commentFromRow), (c) => c.articleId),
    // Article.persons and Article.venues: the rows themselves, most mentioned first, without
    // the mention offsets (a JSON array per row) that the mention edges carry.
    personsByArticle: childrenOf<{ articleId: number; person: Person }>(
      async (ids, limit) => (await personsOfArticles(db, ids, limit)).map(({ mentionedIn, ...row }) =>
        ({ articleId: mentionedIn, person: primed(person, personFromRow(row)) })),
      (m) => m.articleId),
    venuesByArticle: childrenOf<{ articleId: number; venue: Venue }>(
      async (ids, limit) => (await venuesOfArticles(db, ids, limit)).map(({ mentionedIn, ...row }) =>
        ({ articleId: mentionedIn, venue: primed(venue, venueFromRow(row)) })),
      (m) => m.articleId),
    personMentionsByArticle: childrenOf<PersonMention>(
      async (ids, limit) => (await personMentions(db, "articleId", ids, limit)).map(personMentionFromRow), (m) => m.articleId),
    personMentionsByPerson: childrenOf<PersonMention>(
      async (ids, limit) => (await personMentions(db, "personId", ids, limit)).map(personMentionFromRow), (m) => m.personId),
    venueMentionsByArticle: childrenOf<VenueMention>(
      async (ids, limit) => (await venueMentions(db, "articleId", ids, limit)).map(venueMentionFromRow), (m) => m.articleId),
    venueMentionsByVenue: childrenOf<VenueMention>(
      async (ids, limit) => (await venueMentions(db, "venueId", ids, limit)).map(venueMentionFromRow), (m) => m.venueId),
    countsOfPerson,
    /** Persons with their counts, for a client that reads them: both loaders are primed. */
    personWithCounts: byId<Person>(async (ids) => (await personsWithCountsByIds(db, ids)).map(({ articles, quotes, ...row }) => {
      countsOfPerson.prime(row.id, { articles, quotes });
      return primed(person, personFromRow(row));
    })),
    articleCountOfVenue: countsOf((ids) => countsByKey(db, "articlesOfVenue", ids)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
