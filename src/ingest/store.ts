// Stage 5, store: one article and everything extracted from it, in one transaction.
// Idempotent: the content hash names the article; persons and venues are shared across
// articles through their normalized names.
//
// Ingest speed is bounded by round trips, so the writes are few and set-based: one
// statement inserts the article with its search vector (or finds it already stored) and
// looks up how the persons' names resolve, and one (data-modifying CTEs) upserts persons
// and venues and inserts the mentions, quotes (with their search vectors) and comments.
// Persons and venues are upserted in key order, so concurrent ingests lock them in the same
// order and rarely deadlock; when they do, the ingest is retried.
import { createHash } from "node:crypto";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { passagesOf } from "../db/queries/sql.js";
import type { SqlTransaction } from "../db/raw-transaction.js";
import { EXTRACTOR_VERSION } from "./extract.js";
import { GENDER_COLUMNS, GENDER_RECORD, GENDER_VALUES, genderColumns, mergeGender, type GenderColumns } from "./store-gender.js";
import { normalizeName } from "./normalize.js";
import { deleteArticleOrganizations, organizationCtes, organizationRows, speakerOrganizationKey } from "./store-organizations.js";
import type { Extraction, ExtractedPerson, RawDocument } from "./types.js";

export type StoreStatus = "new" | "updated" | "unchanged";

export interface StoreResult {
  articleId: number;
  /** The persons and venues the stored article is linked to (empty when unchanged). */
  personIds: number[];
  venueIds: number[];
  status: StoreStatus;
}

/** Prisma's transaction client, or a transaction on the driver (the batch ingest's, raw-transaction.ts). */
type Tx = SqlTransaction;

/** The same content, whatever its line endings or surrounding whitespace, is the same article. */
export function contentHash(raw: string): string {
  return createHash("sha256").update(raw.replace(/\r\n?/g, "\n").trim()).digest("hex");
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** `existing || added` without duplicates, in first-seen order (SQL, for ON CONFLICT updates). */
const mergeArrays = (existing: string, added: string) =>
  Prisma.raw(`ARRAY(SELECT x FROM unnest(${existing} || ${added}) WITH ORDINALITY AS t(x, n) GROUP BY x ORDER BY min(n))`);

/** A JSON parameter read back as rows by jsonb_to_recordset. */
const rowsParam = (rows: object[]) => Prisma.sql`${JSON.stringify(rows)}::jsonb`;

/** Stored persons that an article's names may resolve to. */
interface StoredPerson {
  normalizedName: string;
  aliases: string[];
  fullName: boolean;
}

/**
 * The stored persons named by these persons' normalized names or aliases, as a subquery
 * returning them as one JSON array (so the lookup can ride along with another statement).
 */
function storedPersonsJson(persons: ExtractedPerson[]): Prisma.Sql {
  const keys = persons.map((p) => normalizeName(p.name));
  const names = persons.map((p) => p.name);
  return Prisma.sql`(SELECT coalesce(json_agg(json_build_object('normalizedName', "normalizedName", 'aliases', aliases, 'fullName', name LIKE '% %')), '[]')
    FROM "Person" WHERE "normalizedName" = ANY(${keys}::text[]) OR aliases && ${names}::text[])`;
}

/**
 * The normalized name each extracted person is stored under: their own, unless that is not
 * stored yet and exactly one stored person already has the name as an alias (a person
 * renamed or merged by an editor; or, for a lone surname, a person with a full name).
 */
function personKeys(persons: ExtractedPerson[], stored: StoredPerson[]): Map<string, string> {
  const keys = new Map(persons.map((p) => [p.name, normalizeName(p.name)]));
  const existing = new Set(stored.map((row) => row.normalizedName));
  for (const { name } of persons) {
    if (existing.has(keys.get(name)!)) continue;
    const lone = !name.includes(" ");
    const owners = stored.filter((row) => row.aliases.includes(name) && (!lone || row.fullName));
    if (owners.length === 1) keys.set(name, owners[0]!.normalizedName);
  }
  return keys;
}

/** The stored persons for an article already stored (re-extraction): a statement of its own. */
async function lookUpStoredPersons(tx: Tx, persons: ExtractedPerson[]): Promise<StoredPerson[]> {
  if (!persons.length) return [];
  const [row] = await tx.$queryRaw<{ stored: StoredPerson[] }[]>`SELECT ${storedPersonsJson(persons)} AS stored`;
  return row?.stored ?? [];
}

/** Values of the article row, as SQL fragments shared by the insert and the update. */
function articleValues(doc: RawDocument, x: Extraction) {
  const a = x.article;
  return {
    a,
    hints: Prisma.sql`${JSON.stringify(doc.hints)}::jsonb`,
    publishedAt: a.publishedAt ? Prisma.sql`(${a.publishedAt.toISOString()}::timestamptz AT TIME ZONE 'UTC')` : Prisma.sql`NULL`,
    searchVector: Prisma.sql`setweight(to_tsvector('english', ${a.title}), 'A') || setweight(to_tsvector('english', ${a.body}), 'B')`,
  };
}

/**
 * Inserts the passages of an article's body with their search vectors (ArticlePassage), for
 * the article whose id `article` (a FROM item with an id column) gives.
 */
function insertPassages(body: string, article: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`INSERT INTO "ArticlePassage" ("articleId", position, "searchVector")
    SELECT article.id, p.n, to_tsvector('english', p.text)
    FROM ${article} AS article CROSS JOIN unnest(${passagesOf(Prisma.sql`${body}`)}) WITH ORDINALITY AS p(text, n)`;
}

/**
 * Inserts the article with its search vector and passages; returns its id, or null when an
 * article with the same content is already stored (a concurrent insert of it waits for the
 * other to end).
 * The same statement looks up the stored persons its names may resolve to: one round trip
 * fewer per article.
 */
async function insertArticleRow(tx: Tx, doc: RawDocument, x: Extraction, hash: string): Promise<{ id: number | null; stored: StoredPerson[] }> {
  const { a, hints, publishedAt, searchVector } = articleValues(doc, x);
  const [row] = await tx.$queryRaw<{ id: number | null; stored: StoredPerson[] }[]>`
    WITH inserted AS (
      INSERT INTO "Article" ("contentHash", format, "rawInput", "inputHints", url, title, body, "publishedAt", dateline, source,
        "photoCaption", "photoCredit", authors, tags, "relatedHeadlines", "extractorVersion", "searchVector", "updatedAt")
      VALUES (${hash}, ${doc.format}, ${doc.raw}, ${hints}, ${a.url}, ${a.title}, ${a.body}, ${publishedAt}, ${a.dateline}, ${a.source},
        ${a.photoCaption}, ${a.photoCredit}, ${a.authors}::text[], ${a.tags}::text[], ${a.relatedHeadlines}::text[], ${EXTRACTOR_VERSION}, ${searchVector}, now())
      ON CONFLICT ("contentHash") DO NOTHING
      RETURNING id
    ),
    passages AS (${insertPassages(a.body, Prisma.sql`inserted`)})
    SELECT (SELECT id FROM inserted) AS id, ${x.persons.length ? storedPersonsJson(x.persons) : Prisma.sql`'[]'::json`} AS stored`;
  return { id: row?.id ?? null, stored: row?.stored ?? [] };
}

/** Overwrites a stored article for re-extraction, removing everything derived from it. */
async function updateArticleRow(tx: Tx, doc: RawDocument, x: Extraction, articleId: number): Promise<void> {
  const { a, hints, publishedAt, searchVector } = articleValues(doc, x);
  await tx.$executeRaw`
    WITH q AS (DELETE FROM "Quote" WHERE "articleId" = ${articleId}),
         c AS (DELETE FROM "Comment" WHERE "articleId" = ${articleId}),
         ap AS (DELETE FROM "ArticlePerson" WHERE "articleId" = ${articleId}),
         av AS (DELETE FROM "ArticleVenue" WHERE "articleId" = ${articleId}),
         ps AS (DELETE FROM "ArticlePassage" WHERE "articleId" = ${articleId}),
         ${deleteArticleOrganizations(articleId)}
    UPDATE "Article" SET format = ${doc.format}, "inputHints" = ${hints}, url = ${a.url}, title = ${a.title}, body = ${a.body},
      "publishedAt" = ${publishedAt}, dateline = ${a.dateline}, source = ${a.source}, "photoCaption" = ${a.photoCaption},
      "photoCredit" = ${a.photoCredit}, authors = ${a.authors}::text[], tags = ${a.tags}::text[], "relatedHeadlines" = ${a.relatedHeadlines}::text[],
      "extractorVersion" = ${EXTRACTOR_VERSION}, "searchVector" = ${searchVector}, "updatedAt" = now()
    WHERE id = ${articleId}`;
  // A statement of its own: the new passages have the keys of the ones deleted above.
  await tx.$executeRaw(insertPassages(a.body, Prisma.sql`(SELECT ${articleId}::int AS id)`));
}

/** The rows derived from an extraction, keyed by normalized names (ids are the database's to give). */
function derivedRows(x: Extraction, keys: Map<string, string>) {
  const persons = new Map<string, { name: string; key: string; aliases: string[]; roles: string[]; mentions: object[] } & GenderColumns>();
  // Two extracted names can resolve to one stored person: merge their mentions.
  for (const p of x.persons) {
    const key = keys.get(p.name)!;
    const row = persons.get(key);
    persons.set(key, row
      ? { ...row, aliases: union(row.aliases, p.aliases), roles: union(row.roles, p.roles), mentions: [...row.mentions, ...p.mentions], ...mergeGender(row, genderColumns(p)) }
      : { name: p.name, key, aliases: p.aliases, roles: p.roles, mentions: p.mentions, ...genderColumns(p) });
  }
  const venues = new Map<string, object>();
  for (const v of x.venues) {
    const key = normalizeName(v.name);
    if (!venues.has(key)) {
      venues.set(key, { name: v.name, key, kind: v.kind, countryCode: v.countryCode, latitude: v.lat, longitude: v.lon, aliases: v.aliases, mentions: v.mentions, mentionCount: v.mentions.length });
    }
  }
  const quotes = x.quotes.map((q, position) => ({
    position, text: q.text, speakerText: q.speaker, cue: q.cue, startOffset: q.start, endOffset: q.end, context: q.context,
    confidence: q.confidence, kind: q.kind, speakerKey: q.speakerPerson ? (keys.get(q.speakerPerson) ?? null) : null,
    speakerOrganizationKey: speakerOrganizationKey(q.speakerOrganization),
  }));
  const comments = x.comments.map((c, position) => ({ position, author: c.author, text: c.text }));
  return {
    persons: [...persons.values()].map((p) => ({ ...p, mentionCount: p.mentions.length })),
    venues: [...venues.values()],
    organizations: organizationRows(x),
    quotes,
    comments,
  };
}

/** Upserts persons and venues and inserts mentions, quotes and comments: one statement. */
async function writeDerivedRows(tx: Tx, articleId: number, rows: ReturnType<typeof derivedRows>): Promise<{ personIds: number[]; venueIds: number[] }> {
  const [result] = await tx.$queryRaw<{ personIds: number[] | null; venueIds: number[] | null }[]>`
    WITH person_rows AS (
      SELECT * FROM jsonb_to_recordset(${rowsParam(rows.persons)})
        AS r(name text, key text, aliases text[], roles text[], mentions jsonb, "mentionCount" int, ${GENDER_RECORD})
    ), p AS (
      INSERT INTO "Person" (name, "normalizedName", aliases, roles, "updatedAt")
      SELECT name, key, aliases, roles, now() FROM person_rows ORDER BY key
      ON CONFLICT ("normalizedName") DO UPDATE SET
        aliases = ${mergeArrays(`"Person".aliases`, "EXCLUDED.aliases")},
        roles = ${mergeArrays(`"Person".roles`, "EXCLUDED.roles")},
        "updatedAt" = now()
      RETURNING id, "normalizedName"
    ), ap AS (
      INSERT INTO "ArticlePerson" ("articleId", "personId", "mentionCount", aliases, roles, mentions, ${GENDER_COLUMNS})
      SELECT ${articleId}, p.id, r."mentionCount", r.aliases, r.roles, r.mentions, ${GENDER_VALUES} FROM person_rows r JOIN p ON p."normalizedName" = r.key
    ), venue_rows AS (
      SELECT * FROM jsonb_to_recordset(${rowsParam(rows.venues)})
        AS r(name text, key text, kind text, "countryCode" text, latitude float8, longitude float8, aliases text[], mentions jsonb, "mentionCount" int)
    ), v AS (
      INSERT INTO "Venue" (name, "normalizedName", kind, "countryCode", latitude, longitude, aliases)
      SELECT name, key, kind, "countryCode", latitude, longitude, aliases FROM venue_rows ORDER BY key
      ON CONFLICT ("normalizedName") DO UPDATE SET aliases = ${mergeArrays(`"Venue".aliases`, "EXCLUDED.aliases")}
      RETURNING id, "normalizedName"
    ), av AS (
      INSERT INTO "ArticleVenue" ("articleId", "venueId", "mentionCount", aliases, mentions)
      SELECT ${articleId}, v.id, r."mentionCount", r.aliases, r.mentions FROM venue_rows r JOIN v ON v."normalizedName" = r.key
    ), ${organizationCtes(articleId, rows.organizations, mergeArrays)}, q AS (
      INSERT INTO "Quote" ("articleId", position, text, "speakerText", cue, "startOffset", "endOffset", context, confidence, kind, "speakerId",
        "speakerOrganizationId", "searchVector")
      SELECT ${articleId}, r.position, r.text, r."speakerText", r.cue, r."startOffset", r."endOffset", r.context, r.confidence, r.kind::"QuoteKind", p.id,
        CASE WHEN p.id IS NULL THEN org.id END, to_tsvector('english', r.text)
      FROM jsonb_to_recordset(${rowsParam(rows.quotes)}) AS r(position int, text text, "speakerText" text, cue text,
        "startOffset" int, "endOffset" int, context text, confidence float8, kind text, "speakerKey" text, "speakerOrganizationKey" text)
      LEFT JOIN p ON p."normalizedName" = r."speakerKey"
      LEFT JOIN org ON org."normalizedName" = r."speakerOrganizationKey"
    ), c AS (
      INSERT INTO "Comment" ("articleId", position, author, text)
      SELECT ${articleId}, position, author, text FROM jsonb_to_recordset(${rowsParam(rows.comments)}) AS r(position int, author text, text text)
    )
    SELECT (SELECT array_agg(id ORDER BY id) FROM p) AS "personIds", (SELECT array_agg(id ORDER BY id) FROM v) AS "venueIds"`;
  return { personIds: result?.personIds ?? [], venueIds: result?.venueIds ?? [] };
}

async function writeDerived(tx: Tx, articleId: number, x: Extraction, stored: StoredPerson[]): Promise<Omit<StoreResult, "status">> {
  return { articleId, ...(await writeDerivedRows(tx, articleId, derivedRows(x, personKeys(x.persons, stored)))) };
}

/**
 * An error that a retry resolves: a unique key taken by a concurrent ingest, or a deadlock
 * between two ingests sharing persons or venues (PostgreSQL picks one to abort).
 */
function isRetryable(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return error.code === "P2002" || error.code === "P2034" ||
    /23505|unique constraint|40P01|deadlock|40001|could not serialize/i.test(`${error.message} ${JSON.stringify(error.meta ?? {})}`);
}

/**
 * Stores one extracted article inside a transaction the caller holds: alone (storeArticle),
 * or one of a batch of articles sharing a transaction (store-batch.ts).
 */
export async function storeInTransaction(tx: Tx, doc: RawDocument, x: Extraction, { reprocess = false } = {}): Promise<StoreResult> {
  const hash = contentHash(doc.raw);
  const inserted = await insertArticleRow(tx, doc, x, hash);
  if (inserted.id !== null) return { ...(await writeDerived(tx, inserted.id, x, inserted.stored)), status: "new" as const };
  const [existing] = await tx.$queryRaw<{ id: number; extractorVersion: number }[]>`
    SELECT id, "extractorVersion" FROM "Article" WHERE "contentHash" = ${hash}`;
  if (!existing) throw new Error(`article ${hash} was deleted while being stored`);
  if (!reprocess && existing.extractorVersion === EXTRACTOR_VERSION) {
    return { articleId: existing.id, status: "unchanged" as const, personIds: [], venueIds: [] };
  }
  await updateArticleRow(tx, doc, x, existing.id);
  return { ...(await writeDerived(tx, existing.id, x, await lookUpStoredPersons(tx, x.persons))), status: "updated" as const };
}

/**
 * Stores one extracted article whole or not at all. An article already stored with the
 * current extractor is left alone unless `reprocess` is set.
 */
export async function storeArticle(prisma: PrismaClient, doc: RawDocument, x: Extraction, { reprocess = false } = {}): Promise<StoreResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await prisma.$transaction((tx) => storeInTransaction(tx, doc, x, { reprocess }), { timeout: 30_000, maxWait: 30_000 });
    } catch (error) {
      // A concurrent ingest won the insert of a shared person or venue, or deadlocked with
      // this one: retry, and this time find its rows.
      if (isRetryable(error) && attempt < 5) continue;
      throw error;
    }
  }
}
