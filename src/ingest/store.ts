// Stage 5, store: one article and everything extracted from it, in one transaction.
// Idempotent: the content hash names the article; persons and venues are shared across
// articles through their normalized names.
import { createHash } from "node:crypto";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { EXTRACTOR_VERSION } from "./extract.js";
import { normalizeName } from "./normalize.js";
import type { Extraction, ExtractedPerson, RawDocument } from "./types.js";

export type StoreStatus = "new" | "updated" | "unchanged";

export interface StoreResult {
  articleId: number;
  status: StoreStatus;
}

type Tx = Prisma.TransactionClient;

/** The same content, whatever its line endings or surrounding whitespace, is the same article. */
export function contentHash(raw: string): string {
  return createHash("sha256").update(raw.replace(/\r\n?/g, "\n").trim()).digest("hex");
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** A lone surname joins a person already stored under an unambiguous full name. */
async function personKeyFor(tx: Tx, person: ExtractedPerson): Promise<string> {
  const key = normalizeName(person.name);
  if (person.name.includes(" ")) return key;
  const owners = await tx.person.findMany({ where: { aliases: { has: person.name }, name: { contains: " " } }, select: { normalizedName: true }, take: 2 });
  return owners.length === 1 ? owners[0]!.normalizedName : key;
}

async function upsertPerson(tx: Tx, person: ExtractedPerson): Promise<number> {
  const normalizedName = await personKeyFor(tx, person);
  const row = await tx.person.upsert({
    where: { normalizedName },
    create: { name: person.name, normalizedName, aliases: person.aliases, roles: person.roles },
    update: {},
  });
  const aliases = union(row.aliases, person.aliases);
  const roles = union(row.roles, person.roles);
  if (aliases.length !== row.aliases.length || roles.length !== row.roles.length) {
    await tx.person.update({ where: { id: row.id }, data: { aliases, roles } });
  }
  return row.id;
}

async function upsertVenue(tx: Tx, venue: Extraction["venues"][number]): Promise<number> {
  const normalizedName = normalizeName(venue.name);
  const row = await tx.venue.upsert({
    where: { normalizedName },
    create: { name: venue.name, normalizedName, kind: venue.kind, countryCode: venue.countryCode, latitude: venue.lat, longitude: venue.lon, aliases: venue.aliases },
    update: {},
  });
  const aliases = union(row.aliases, venue.aliases);
  if (aliases.length !== row.aliases.length) await tx.venue.update({ where: { id: row.id }, data: { aliases } });
  return row.id;
}

function articleData(doc: RawDocument, x: Extraction) {
  const a = x.article;
  return {
    format: doc.format, rawInput: doc.raw, url: a.url, title: a.title, body: a.body, publishedAt: a.publishedAt, dateline: a.dateline,
    source: a.source, photoCaption: a.photoCaption, photoCredit: a.photoCredit, tags: a.tags, relatedHeadlines: a.relatedHeadlines,
    extractorVersion: EXTRACTOR_VERSION,
  };
}

async function writeArticle(tx: Tx, doc: RawDocument, x: Extraction, hash: string, existingId: number | null): Promise<number> {
  const data = articleData(doc, x);
  let articleId: number;
  if (existingId === null) {
    articleId = (await tx.article.create({ data: { ...data, contentHash: hash }, select: { id: true } })).id;
  } else {
    articleId = existingId;
    await tx.article.update({ where: { id: articleId }, data });
    // Re-extraction replaces everything derived from the article.
    await tx.quote.deleteMany({ where: { articleId } });
    await tx.comment.deleteMany({ where: { articleId } });
    await tx.articlePerson.deleteMany({ where: { articleId } });
    await tx.articleVenue.deleteMany({ where: { articleId } });
  }

  const personIds = new Map<string, number>();
  for (const person of x.persons) {
    const personId = await upsertPerson(tx, person);
    personIds.set(person.name, personId);
  }
  // Two extracted names can resolve to one stored person: merge their mentions.
  const mentionRows = new Map<number, Prisma.ArticlePersonCreateManyInput>();
  for (const person of x.persons) {
    const personId = personIds.get(person.name)!;
    const existing = mentionRows.get(personId);
    const mentions = [...((existing?.mentions as object[]) ?? []), ...person.mentions];
    mentionRows.set(personId, {
      articleId, personId, mentionCount: mentions.length, mentions: mentions as Prisma.InputJsonValue,
      aliases: union((existing?.aliases as string[]) ?? [], person.aliases), roles: union((existing?.roles as string[]) ?? [], person.roles),
    });
  }
  if (mentionRows.size) await tx.articlePerson.createMany({ data: [...mentionRows.values()] });

  const venueRows: Prisma.ArticleVenueCreateManyInput[] = [];
  for (const venue of x.venues) {
    const venueId = await upsertVenue(tx, venue);
    venueRows.push({ articleId, venueId, mentionCount: venue.mentions.length, aliases: venue.aliases, mentions: venue.mentions as unknown as Prisma.InputJsonValue });
  }
  if (venueRows.length) await tx.articleVenue.createMany({ data: venueRows });

  if (x.quotes.length) {
    await tx.quote.createMany({
      data: x.quotes.map((q, position) => ({
        articleId, position, text: q.text, speakerText: q.speaker, cue: q.cue, startOffset: q.start, endOffset: q.end, context: q.context,
        confidence: q.confidence, speakerId: q.speakerPerson ? (personIds.get(q.speakerPerson) ?? null) : null,
      })),
    });
    await tx.$executeRaw`UPDATE "Quote" SET "searchVector" = to_tsvector('english', text) WHERE "articleId" = ${articleId}`;
  }
  if (x.comments.length) {
    await tx.comment.createMany({ data: x.comments.map((c, position) => ({ articleId, position, author: c.author, text: c.text })) });
  }
  await tx.$executeRaw`UPDATE "Article" SET "searchVector" =
    setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', body), 'B') WHERE id = ${articleId}`;
  return articleId;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Stores one extracted article whole or not at all. An article already stored with the
 * current extractor is left alone unless `reprocess` is set.
 */
export async function storeArticle(prisma: PrismaClient, doc: RawDocument, x: Extraction, { reprocess = false } = {}): Promise<StoreResult> {
  const hash = contentHash(doc.raw);
  for (let attempt = 0; ; attempt++) {
    try {
      return await prisma.$transaction(
        async (tx) => {
          const existing = await tx.article.findUnique({ where: { contentHash: hash }, select: { id: true, extractorVersion: true } });
          if (existing && !reprocess && existing.extractorVersion === EXTRACTOR_VERSION) return { articleId: existing.id, status: "unchanged" as const };
          const articleId = await writeArticle(tx, doc, x, hash, existing?.id ?? null);
          return { articleId, status: existing ? ("updated" as const) : ("new" as const) };
        },
        { timeout: 30_000, maxWait: 30_000 },
      );
    } catch (error) {
      // A concurrent ingest of the same article (or person, venue) won the insert: retry,
      // and this time find its rows.
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}
