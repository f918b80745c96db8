// Per-request DataLoaders: every nested list or parent lookup in one GraphQL request is
// batched into one SQL statement per level, whatever the page size (no N+1).
import DataLoader from "dataloader";
import type { Page } from "../db/queries/page-query.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import {
  articleColumns, articleFromRow, commentFromRow, personFromRow, personMentionFromRow, quoteFromRow, venueFromRow,
  venueMentionFromRow,
} from "../models/from-row.js";
import type { Article } from "../models/Article.js";
import type { Comment } from "../models/Comment.js";
import type { PersonMention, VenueMention } from "../models/mentions.js";
import type { Person } from "../models/Person.js";
import type { Quote } from "../models/Quote.js";
import type { Venue } from "../models/Venue.js";

/** Loads rows by primary key, answering in the order asked (null where missing). */
function byId<T extends { dbId: number }>(fetch: (ids: number[]) => Promise<T[]>) {
  return new DataLoader<number, T | null>(async (ids) => {
    const found = new Map((await fetch([...ids])).map((item) => [item.dbId, item]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Loads the children of many parents at once, grouped by the parent key. */
function childrenOf<T>(fetch: (keys: number[]) => Promise<T[]>, keyOf: (item: T) => number) {
  return new DataLoader<number, T[]>(async (keys) => {
    const groups = new Map<number, T[]>(keys.map((k) => [k, []]));
    for (const item of await fetch([...keys])) groups.get(keyOf(item))?.push(item);
    return keys.map((k) => groups.get(k)!);
  });
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

export function createLoaders(prisma: PrismaClient) {
  return {
    paged: keyedLoaders<Page>(),
    related: keyedLoaders<{ id: number; sharedArticles: number }[]>(),
    article: byId<Article>(async (ids) =>
      (await prisma.article.findMany({ where: { id: { in: ids } }, select: articleColumns })).map(articleFromRow)),
    person: byId<Person>(async (ids) => (await prisma.person.findMany({ where: { id: { in: ids } } })).map(personFromRow)),
    venue: byId<Venue>(async (ids) => (await prisma.venue.findMany({ where: { id: { in: ids } } })).map(venueFromRow)),
    quote: byId<Quote>(async (ids) => (await prisma.quote.findMany({ where: { id: { in: ids } } })).map(quoteFromRow)),
    comment: byId<Comment>(async (ids) => (await prisma.comment.findMany({ where: { id: { in: ids } } })).map(commentFromRow)),

    quotesByArticle: childrenOf<Quote>(
      async (ids) => (await prisma.quote.findMany({ where: { articleId: { in: ids } }, orderBy: { position: "asc" } })).map(quoteFromRow),
      (q) => q.articleId),
    quotesBySpeaker: childrenOf<Quote>(
      async (ids) =>
        (await prisma.quote.findMany({ where: { speakerId: { in: ids } }, orderBy: [{ articleId: "desc" }, { position: "asc" }] })).map(quoteFromRow),
      (q) => q.speakerId!),
    commentsByArticle: childrenOf<Comment>(
      async (ids) => (await prisma.comment.findMany({ where: { articleId: { in: ids } }, orderBy: { position: "asc" } })).map(commentFromRow),
      (c) => c.articleId),
    // Only the keys, most mentioned first: what Article.persons and Article.venues need,
    // without the mention offsets (a JSON array per row) that the mention edges carry.
    personIdsByArticle: childrenOf<{ articleId: number; personId: number }>(
      (ids) => prisma.articlePerson.findMany({
        where: { articleId: { in: ids } }, orderBy: [{ mentionCount: "desc" }, { personId: "asc" }], select: { articleId: true, personId: true },
      }),
      (m) => m.articleId),
    venueIdsByArticle: childrenOf<{ articleId: number; venueId: number }>(
      (ids) => prisma.articleVenue.findMany({
        where: { articleId: { in: ids } }, orderBy: [{ mentionCount: "desc" }, { venueId: "asc" }], select: { articleId: true, venueId: true },
      }),
      (m) => m.articleId),
    personMentionsByArticle: childrenOf<PersonMention>(
      async (ids) =>
        (await prisma.articlePerson.findMany({ where: { articleId: { in: ids } }, orderBy: [{ mentionCount: "desc" }, { personId: "asc" }] }))
          .map(personMentionFromRow),
      (m) => m.articleId),
    personMentionsByPerson: childrenOf<PersonMention>(
      async (ids) =>
        (await prisma.articlePerson.findMany({ where: { personId: { in: ids } }, orderBy: { articleId: "desc" } })).map(personMentionFromRow),
      (m) => m.personId),
    venueMentionsByArticle: childrenOf<VenueMention>(
      async (ids) =>
        (await prisma.articleVenue.findMany({ where: { articleId: { in: ids } }, orderBy: [{ mentionCount: "desc" }, { venueId: "asc" }] }))
          .map(venueMentionFromRow),
      (m) => m.articleId),
    articleCountOfPerson: countsOf(async (ids) =>
      (await prisma.articlePerson.groupBy({ by: ["personId"], where: { personId: { in: ids } }, _count: { _all: true } }))
        .map((g) => ({ key: g.personId, count: g._count._all }))),
    quoteCountOfPerson: countsOf(async (ids) =>
      (await prisma.quote.groupBy({ by: ["speakerId"], where: { speakerId: { in: ids } }, _count: { _all: true } }))
        .map((g) => ({ key: g.speakerId!, count: g._count._all }))),
    articleCountOfVenue: countsOf(async (ids) =>
      (await prisma.articleVenue.groupBy({ by: ["venueId"], where: { venueId: { in: ids } }, _count: { _all: true } }))
        .map((g) => ({ key: g.venueId, count: g._count._all }))),
    venueMentionsByVenue: childrenOf<VenueMention>(
      async (ids) =>
        (await prisma.articleVenue.findMany({ where: { venueId: { in: ids } }, orderBy: { articleId: "desc" } })).map(venueMentionFromRow),
      (m) => m.venueId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
