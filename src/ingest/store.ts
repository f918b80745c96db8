// Stage 5, store: one article and everything extracted from it, in one transaction.
// Idempotent: the content hash names the article; persons and venues are shared across
// articles through their normalized names.
import { createHash } from "node:crypto";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { EXTRACTOR_VERSION } from "./extract.js";
import { normalizeName } from "./normalize.js";
import type { Extraction, ExtractedPerson, ExtractedVenue, RawDocument } from "./types.js";

export type StoreStatus = "new" | "updated" | "unchanged";

export interface StoreResult {
  articleId: number;
  /** The persons and venues the stored article is linked to (empty when unchanged). */
  personIds: number[];
  venueIds: number[];
  status: StoreStatus;
}

type Tx = Prisma.TransactionClient;

/** The same content, whatever its line endings or surrounding whitespace, is the same article. */
export function contentHash(raw: string): string {
  return createHash("sha256").update(raw.replace(/\r\n?/g, "\n").trim()).digest("hex");
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** `existing || added` without duplicates, in first-seen order (SQL, for ON CONFLICT updates). */
const mergeArrays = (existing: string, added: string) =>
  Prisma.raw(`ARRAY(SELECT x FROM unnest(${existing} || ${added}) WITH ORDINALITY AS t(x, n) GROUP BY x ORDER BY min(n))`);

/**
 * The normalized name each extracted person is stored under: their own, unless that is not
 * stored yet and exactly one stored person already has the name as an alias (a person
 * renamed or merged by an editor; or, for a lone surname, a person with a full name).
 * One lookup for all of the article's persons.
 */
async function personKeys(tx: Tx, persons: ExtractedPerson[]): Promise<Map<string, string>> {
  const keys = new Map(persons.map((p) => [p.name, normalizeName(p.name)]));
  if (!persons.length) return keys;
  const names = persons.map((p) => p.name);
  const stored = await tx.$queryRaw<{ normalizedName: string; aliases: string[]; fullName: boolean }[]>`
    SELECT "normalizedName", aliases, name LIKE '% %' AS "fullName" FROM "Person"
    WHERE "normalizedName" = ANY(${[...keys.values()]}::text[]) OR aliases && ${names}::text[]`;
  const existing = new Set(stored.map((row) => row.normalizedName));
  for (const name of names) {
    if (existing.has(keys.get(name)!)) continue;
    const lone = !name.includes(" ");
    const owners = stored.filter((row) => row.aliases.includes(name) && (!lone || row.fullName));
    if (owners.length === 1) keys.set(name, owners[0]!.normalizedName);
  }
  return keys;
}

/** Inserts or extends every person of the article in one statement; returns ids by normalized name. */
async function upsertPersons(tx: Tx, persons: ExtractedPerson[], keys: Map<string, string>): Promise<Map<string, number>> {
  const rows = new Map<string, { name: string; normalizedName: string; aliases: string[]; roles: string[] }>();
  for (const person of persons) {
    const normalizedName = keys.get(person.name)!;
    const row = rows.get(normalizedName);
    rows.set(normalizedName, row
      ? { ...row, aliases: union(row.aliases, person.aliases), roles: union(row.roles, person.roles) }
      : { name: person.name, normalizedName, aliases: person.aliases, roles: person.roles });
  }
  if (!rows.size) return new Map();
  const stored = await tx.$queryRaw<{ id: number; normalizedName: string }[]>`
    INSERT INTO "Person" (name, "normalizedName", aliases, roles, "updatedAt")
    SELECT name, "normalizedName", aliases, roles, now()
    FROM jsonb_to_recordset(${JSON.stringify([...rows.values()])}::jsonb) AS r(name text, "normalizedName" text, aliases text[], roles text[])
    ON CONFLICT ("normalizedName") DO UPDATE SET
      aliases = ${mergeArrays(`"Person".aliases`, "EXCLUDED.aliases")},
      roles = ${mergeArrays(`"Person".roles`, "EXCLUDED.roles")},
      "updatedAt" = now()
    RETURNING id, "normalizedName"`;
  return new Map(stored.map((r) => [r.normalizedName, r.id]));
}

/** Inserts or extends every venue of the article in one statement; returns ids by normalized name. */
async function upsertVenues(tx: Tx, venues: ExtractedVenue[]): Promise<Map<string, number>> {
  const rows = new Map<string, object>();
  for (const v of venues) {
    const normalizedName = normalizeName(v.name);
    if (!rows.has(normalizedName)) {
      rows.set(normalizedName, { name: v.name, normalizedName, kind: v.kind, countryCode: v.countryCode, latitude: v.lat, longitude: v.lon, aliases: v.aliases });
    }
  }
  if (!rows.size) return new Map();
  const stored = await tx.$queryRaw<{ id: number; normalizedName: string }[]>`
    INSERT INTO "Venue" (name, "normalizedName", kind, "countryCode", latitude, longitude, aliases)
    SELECT name, "normalizedName", kind, "countryCode", latitude, longitude, aliases
    FROM jsonb_to_recordset(${JSON.stringify([...rows.values()])}::jsonb)
      AS r(name text, "normalizedName" text, kind text, "countryCode" text, latitude float8, longitude float8, aliases text[])
    ON CONFLICT ("normalizedName") DO UPDATE SET aliases = ${mergeArrays(`"Venue".aliases`, "EXCLUDED.aliases")}
    RETURNING id, "normalizedName"`;
  return new Map(stored.map((r) => [r.normalizedName, r.id]));
}

function articleData(doc: RawDocument, x: Extraction) {
  const a = x.article;
  return {
    format: doc.format, rawInput: doc.raw, inputHints: JSON.parse(JSON.stringify(doc.hints)) as Prisma.InputJsonObject, url: a.url, title: a.title, body: a.body, publishedAt: a.publishedAt, dateline: a.dateline,
    source: a.source, photoCaption: a.photoCaption, photoCredit: a.photoCredit, tags: a.tags, relatedHeadlines: a.relatedHeadlines,
    extractorVersion: EXTRACTOR_VERSION,
  };
}

async function writeArticle(
  tx: Tx, doc: RawDocument, x: Extraction, hash: string, existingId: number | null,
): Promise<Omit<StoreResult, "status">> {
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

  const keys = await personKeys(tx, x.persons);
  const idsByKey = await upsertPersons(tx, x.persons, keys);
  const personIdOf = (name: string) => idsByKey.get(keys.get(name)!)!;
  // Two extracted names can resolve to one stored person: merge their mentions.
  const mentionRows = new Map<number, Prisma.ArticlePersonCreateManyInput>();
  for (const person of x.persons) {
    const personId = personIdOf(person.name);
    const existing = mentionRows.get(personId);
    const mentions = [...((existing?.mentions as object[]) ?? []), ...person.mentions];
    mentionRows.set(personId, {
      articleId, personId, mentionCount: mentions.length, mentions: mentions as Prisma.InputJsonValue,
      aliases: union((existing?.aliases as string[]) ?? [], person.aliases), roles: union((existing?.roles as string[]) ?? [], person.roles),
    });
  }
  if (mentionRows.size) await tx.articlePerson.createMany({ data: [...mentionRows.values()] });

  const venueIds = await upsertVenues(tx, x.venues);
  const venueRows = new Map<number, Prisma.ArticleVenueCreateManyInput>();
  for (const venue of x.venues) {
    const venueId = venueIds.get(normalizeName(venue.name))!;
    if (venueRows.has(venueId)) continue;
    venueRows.set(venueId, { articleId, venueId, mentionCount: venue.mentions.length, aliases: venue.aliases, mentions: venue.mentions as unknown as Prisma.InputJsonValue });
  }
  if (venueRows.size) await tx.articleVenue.createMany({ data: [...venueRows.values()] });

  if (x.quotes.length) {
    const quotes = x.quotes.map((q, position) => ({
      position, text: q.text, speakerText: q.speaker, cue: q.cue, startOffset: q.start, endOffset: q.end, context: q.context,
      confidence: q.confidence, speakerId: q.speakerPerson ? personIdOf(q.speakerPerson) ?? null : null,
    }));
    // Raw, to write each quote's search vector in the same statement.
    await tx.$executeRaw`
      INSERT INTO "Quote" ("articleId", position, text, "speakerText", cue, "startOffset", "endOffset", context, confidence, "speakerId", "searchVector")
      SELECT ${articleId}, position, text, "speakerText", cue, "startOffset", "endOffset", context, confidence, "speakerId", to_tsvector('english', text)
      FROM jsonb_to_recordset(${JSON.stringify(quotes)}::jsonb) AS r(position int, text text, "speakerText" text, cue text,
        "startOffset" int, "endOffset" int, context text, confidence float8, "speakerId" int)`;
  }
  if (x.comments.length) {
    await tx.comment.createMany({ data: x.comments.map((c, position) => ({ articleId, position, author: c.author, text: c.text })) });
  }
  await tx.$executeRaw`UPDATE "Article" SET "searchVector" =
    setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', body), 'B') WHERE id = ${articleId}`;
  return { articleId, personIds: [...mentionRows.keys()], venueIds: [...venueRows.keys()] };
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
          if (existing && !reprocess && existing.extractorVersion === EXTRACTOR_VERSION) return { articleId: existing.id, status: "unchanged" as const, personIds: [], venueIds: [] };
          const written = await writeArticle(tx, doc, x, hash, existing?.id ?? null);
          return { ...written, status: existing ? ("updated" as const) : ("new" as const) };
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
