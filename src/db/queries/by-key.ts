// Rows by primary key and child rows by parent key, for the API's per-request loaders: one
// statement answers any number of keys. Where a client almost always reads the related row
// too (a quote's speaker, an article's persons), the statement joins it in so the loaders
// can prime the row's own loader instead of sending another statement.
import { Prisma } from "../../generated/prisma/client.js";
import type * as Db from "../../generated/prisma/client.js";
import type { SqlReader } from "../sql-reader.js";
import type { ListQuery } from "./page-query.js";
import { keyArray } from "./sql.js";

/** The article columns the API reads: everything but the raw input, its hints and the search vector. */
export const ARTICLE_COLUMNS = [
  "id", "contentHash", "format", "url", "title", "body", "publishedAt", "dateline", "source", "photoCaption", "photoCredit",
  "authors", "tags", "relatedHeadlines", "extractorVersion", "ingestedAt", "updatedAt",
] as const;
/** Every quote column but the search vector. */
export const QUOTE_COLUMNS = [
  "id", "articleId", "speakerId", "speakerOrganizationId", "speakerText", "text", "cue", "startOffset", "endOffset", "context", "confidence", "position", "kind",
] as const;

export type ArticleColumn = (typeof ARTICLE_COLUMNS)[number];
export type QuoteColumn = (typeof QUOTE_COLUMNS)[number];
export type ArticleRow = Pick<Db.Article, ArticleColumn>;
export type QuoteRow = Pick<Db.Quote, QuoteColumn>;
/** The keys every quote projection keeps: the resolvers of its relations need them. */
export const QUOTE_KEYS: readonly QuoteColumn[] = ["id", "articleId", "speakerId", "speakerOrganizationId"];

/** A column list qualified by a table alias: a."id", a."title" … */
export function columnList(alias: string, columns: readonly string[]): Prisma.Sql {
  return Prisma.raw(columns.map((column) => `${alias}."${column}"`).join(", "));
}

function articleColumns(alias: string): Prisma.Sql {
  return columnList(alias, ARTICLE_COLUMNS);
}

const ARTICLE_FIELDS = ARTICLE_COLUMNS.filter((column) => column !== "id");

/**
 * Article columns but the key (all, or those a client selected), for list queries that
 * return the articles beside their key and position: the page then needs no second
 * statement for its articles.
 */
export function articleFields(alias: string, columns: readonly ArticleColumn[] = ARTICLE_FIELDS): Prisma.Sql[] {
  const fields = ARTICLE_FIELDS.filter((column) => columns.includes(column));
  return fields.length ? [columnList(alias, fields)] : [];
}

/**
 * The article columns a client reads (the key comes with every row), as ListQuery.entity
 * for nested pages of articles: a body is most of an article's bytes, and a page of titles
 * need not carry five bodies. None read: no entity, the page's keys are enough.
 */
export function articleEntity(columns: readonly ArticleColumn[]): ListQuery["entity"] {
  const fields = ARTICLE_FIELDS.filter((column) => columns.includes(column));
  return fields.length ? { table: Prisma.raw(`"Article"`), columns: columnList("e", fields) } : undefined;
}
/** The quote columns for ListQuery.entity; the quote's position is renamed, a page row has its own. */
export const QUOTE_ENTITY = {
  table: Prisma.raw(`"Quote"`),
  columns: Prisma.raw(QUOTE_COLUMNS.filter((c) => c !== "id").map((c) => (c === "position" ? `e."position" AS "quotePosition"` : `e."${c}"`)).join(", ")),
};

/**
 * The given columns of a list row that carries a whole entity beside its own columns
 * (position, rank …); `source` names the row's column for one, where it was renamed.
 */
function columnsOf<R>(row: { id: number } & Record<string, unknown>, columns: readonly string[], source = (column: string) => column): R {
  const picked: Record<string, unknown> = { id: row.id };
  for (const column of columns) if (source(column) in row) picked[column] = row[source(column)];
  return picked as R;
}

/** The quote of a list row that has the quote columns (QUOTE_ENTITY). */
export const quoteRowOf = (row: { id: number } & Record<string, unknown>): QuoteRow =>
  columnsOf(row, QUOTE_COLUMNS.filter((c) => c !== "id"), (column) => (column === "position" ? "quotePosition" : column));

/**
 * A quote's article in a quote page's rows: its key and the columns a client reads, named
 * "article.<column>".
 */
export function quoteArticle(columns: readonly ArticleColumn[]): { join: Prisma.Sql; columns: Prisma.Sql } {
  const read = ARTICLE_COLUMNS.filter((column) => column === "id" || columns.includes(column));
  return {
    join: Prisma.raw(`JOIN "Article" qa ON qa.id = e."articleId"`),
    columns: Prisma.raw(read.map((column) => `qa."${column}" AS "article.${column}"`).join(", ")),
  };
}

/** The article of a quote page's row that has the quoteArticle columns. */
export const quoteArticleOf = (row: { id: number } & Record<string, unknown>): ArticleRow =>
  columnsOf(row, ARTICLE_COLUMNS, (column) => `article.${column}`);

/** The article of a list row that has the article fields, all or those selected (withArticleRows). */
export const articleRowOf = (row: { id: number } & Record<string, unknown>): ArticleRow => columnsOf(row, ARTICLE_FIELDS);

export const articlesByIds = (db: SqlReader, ids: readonly number[]) =>
  db.query<ArticleRow>(Prisma.sql`SELECT ${articleColumns("a")} FROM "Article" a WHERE a.id = ANY(${keyArray(ids)})`);

export const personsByIds = (db: SqlReader, ids: readonly number[]) =>
  db.query<Db.Person>(Prisma.sql`SELECT * FROM "Person" WHERE id = ANY(${keyArray(ids)})`);

export const venuesByIds = (db: SqlReader, ids: readonly number[]) =>
  db.query<Db.Venue>(Prisma.sql`SELECT * FROM "Venue" WHERE id = ANY(${keyArray(ids)})`);

export const quotesByIds = (db: SqlReader, ids: readonly number[]) =>
  db.query<QuoteRow>(Prisma.sql`SELECT ${columnList("q", QUOTE_COLUMNS)} FROM "Quote" q WHERE q.id = ANY(${keyArray(ids)})`);

export const commentsByIds = (db: SqlReader, ids: readonly number[]) =>
  db.query<Db.Comment>(Prisma.sql`SELECT * FROM "Comment" WHERE id = ANY(${keyArray(ids)})`);

/** A quote with its speaker as JSON (null when the speaker is no person). */
export type QuoteWithSpeakerRow = QuoteRow & { speaker: PersonJson | null };
/** A person as personJson builds it: the fields the API serves, some left out when not asked for. */
export type PersonJson = Pick<Db.Person, "id" | "name" | PersonGenderColumn> & Partial<Pick<Db.Person, "aliases" | "roles">>;
/** A person's gender and its evidence: short, and always brought along. */
export const PERSON_GENDER_COLUMNS = [
  "gender", "genderBasis", "femalePronouns", "malePronouns", "femaleTitleArticles", "maleTitleArticles", "femaleFirstNameArticles", "maleFirstNameArticles",
] as const;
type PersonGenderColumn = (typeof PERSON_GENDER_COLUMNS)[number];
/** A venue with the fields the API serves. */
export type VenueJson = Omit<Db.Venue, "normalizedName" | "createdAt">;

/** Person fields that may be left out of a projection (each can be long: roles pile up). */
export type PersonDetail = "aliases" | "roles";
export const PERSON_DETAILS: readonly PersonDetail[] = ["aliases", "roles"];

/**
 * A row by its key as JSON, as a scalar subquery: always a primary-key lookup, where a
 * join inside a correlated subquery may be planned as a scan of the whole table per row.
 * Its alias is its own: a caller's key such as t.id would otherwise name the inner row.
 */
export function personJson(key: Prisma.Sql, details: readonly PersonDetail[] = PERSON_DETAILS): Prisma.Sql {
  const fields = ["id", "name", ...PERSON_GENDER_COLUMNS, ...details].map((f) => `'${f}', json_person."${f}"`).join(", ");
  return Prisma.sql`(SELECT json_build_object(${Prisma.raw(fields)}) FROM "Person" json_person WHERE json_person.id = ${key})`;
}

/**
 * The rows of `table` whose `keyColumn` is one of `keys`, at most `limit` per key in `order`,
 * as a FROM item named `alias`: a statement batched over many parents answers no more
 * rows per parent than the list it serves may return, and reads no more by its index.
 */
function firstPerKey(table: string, keyColumn: string, keys: readonly number[], order: string, limit: number, alias: string): Prisma.Sql {
  return Prisma.sql`unnest(${keyArray(keys)}) AS per_key(key) CROSS JOIN LATERAL (
    SELECT * FROM ${Prisma.raw(table)} WHERE ${Prisma.raw(keyColumn)} = per_key.key ORDER BY ${Prisma.raw(order)} LIMIT ${limit}) ${Prisma.raw(alias)}`;
}

/** The first `limit` quotes of each article in reading order, or of each speaker newest article first, with the speaker. */
export function quotesWithSpeakers(db: SqlReader, by: "articleId" | "speakerId" | "speakerOrganizationId", keys: readonly number[], limit: number) {
  const order = by === "articleId" ? `"position"` : `"articleId" DESC, "position"`;
  return db.query<QuoteWithSpeakerRow>(Prisma.sql`
    SELECT ${columnList("q", QUOTE_COLUMNS)}, ${personJson(Prisma.sql`q."speakerId"`)} AS speaker
    FROM ${firstPerKey(`"Quote"`, `"${by}"`, keys, order, limit, "q")} ORDER BY per_key.key, ${Prisma.raw(qualified("q", order))}`);
}

/** An ORDER BY list of quoted columns ('"a" DESC, "b"') qualified by a table alias. */
function qualified(alias: string, order: string): string {
  return order.split(", ").map((term) => `${alias}.${term}`).join(", ");
}

/** The first `limit` comments of each article, in thread order. */
export const commentRowsOfArticles = (db: SqlReader, articleIds: readonly number[], limit: number) =>
  db.query<Db.Comment>(Prisma.sql`
    SELECT c.* FROM ${firstPerKey(`"Comment"`, `"articleId"`, articleIds, `"position"`, limit, "c")} ORDER BY c."articleId", c.position`);

const MOST_MENTIONED_PERSONS = `"mentionCount" DESC, "personId"`;
const MOST_MENTIONED_VENUES = `"mentionCount" DESC, "venueId"`;

/** The first `limit` persons of each article, most mentioned first, with their Person rows. */
export const personsOfArticles = (db: SqlReader, articleIds: readonly number[], limit: number) =>
  db.query<Db.Person & { mentionedIn: number }>(Prisma.sql`
    SELECT ap."articleId" AS "mentionedIn", p.* FROM ${firstPerKey(`"ArticlePerson"`, `"articleId"`, articleIds, MOST_MENTIONED_PERSONS, limit, "ap")}
    JOIN "Person" p ON p.id = ap."personId" ORDER BY ap."articleId", ${Prisma.raw(qualified("ap", MOST_MENTIONED_PERSONS))}`);

/** The first `limit` venues of each article, most mentioned first, with their Venue rows. */
export const venuesOfArticles = (db: SqlReader, articleIds: readonly number[], limit: number) =>
  db.query<Db.Venue & { mentionedIn: number }>(Prisma.sql`
    SELECT av."articleId" AS "mentionedIn", v.* FROM ${firstPerKey(`"ArticleVenue"`, `"articleId"`, articleIds, MOST_MENTIONED_VENUES, limit, "av")}
    JOIN "Venue" v ON v.id = av."venueId" ORDER BY av."articleId", ${Prisma.raw(qualified("av", MOST_MENTIONED_VENUES))}`);

/**
 * Mention rows (counts, surface forms, offsets), at most `limit` per key: by article (most
 * mentioned first) or by person/venue (newest article first).
 */
export function personMentions(db: SqlReader, by: "articleId" | "personId", keys: readonly number[], limit: number) {
  const order = by === "articleId" ? MOST_MENTIONED_PERSONS : `"articleId" DESC`;
  return db.query<Db.ArticlePerson>(Prisma.sql`
    SELECT m.* FROM ${firstPerKey(`"ArticlePerson"`, `"${by}"`, keys, order, limit, "m")} ORDER BY per_key.key, ${Prisma.raw(qualified("m", order))}`);
}

export function venueMentions(db: SqlReader, by: "articleId" | "venueId", keys: readonly number[], limit: number) {
  const order = by === "articleId" ? MOST_MENTIONED_VENUES : `"articleId" DESC`;
  return db.query<Db.ArticleVenue>(Prisma.sql`
    SELECT m.* FROM ${firstPerKey(`"ArticleVenue"`, `"${by}"`, keys, order, limit, "m")} ORDER BY per_key.key, ${Prisma.raw(qualified("m", order))}`);
}

/** Rows per key of a table's key column (articles per venue …). */
const COUNTED = {
  articlesOfVenue: { table: `"ArticleVenue"`, key: `"venueId"` },
} as const;

export function countsByKey(db: SqlReader, what: keyof typeof COUNTED, keys: readonly number[]) {
  const { table, key } = COUNTED[what];
  return db.query<{ key: number; count: number }>(Prisma.sql`
    SELECT ${Prisma.raw(key)} AS key, count(*)::int AS count FROM ${Prisma.raw(table)}
    WHERE ${Prisma.raw(key)} = ANY(${keyArray(keys)}) GROUP BY 1`);
}

export interface PersonCounts {
  articles: number;
  quotes: number;
}

/** A person's quotes counted, as column `quotes`. */
const quotesOfPersonKey = (key: Prisma.Sql) => Prisma.sql`(SELECT count(*) FROM "Quote" q WHERE q."speakerId" = ${key})::int AS quotes`;

/**
 * Each person's articles and quotes in one statement: a person page shows both, and a
 * statement more costs a round trip more than the second count. The article count is the
 * one kept on the person's row (by the triggers on ArticlePerson); the quotes are counted.
 */
export function personCounts(db: SqlReader, keys: readonly number[]) {
  return db.query<{ key: number } & PersonCounts>(Prisma.sql`
    SELECT k.id AS key, coalesce(p."articleCount", 0) AS articles, ${quotesOfPersonKey(Prisma.sql`k.id`)}
    FROM unnest(${keyArray(keys)}) AS k(id) LEFT JOIN "Person" p ON p.id = k.id`);
}

/** Persons by key with their counts (a person page's first statement). */
export const personsWithCountsByIds = (db: SqlReader, ids: readonly number[]) =>
  db.query<Db.Person & PersonCounts>(Prisma.sql`
    SELECT p.*, p."articleCount" AS articles, ${quotesOfPersonKey(Prisma.sql`p.id`)} FROM "Person" p WHERE p.id = ANY(${keyArray(ids)})`);
