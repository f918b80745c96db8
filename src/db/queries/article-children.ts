// An article list page's children, in each article's own row: its quotes with their
// speakers, its persons and its venues, as JSON arrays of tuples (positional arrays parse
// and build faster than objects with keys), projected to the fields the client selected.
import { Prisma } from "../../generated/prisma/client.js";
import {
  PERSON_GENDER_COLUMNS, QUOTE_COLUMNS, QUOTE_KEYS, type PersonDetail, type PersonJson, type QuoteColumn, type QuoteRow, type VenueJson,
} from "./by-key.js";

/**
 * Which children a page brings along, which of their long fields, and at most how many of
 * each per article (the most the client's selections ask for).
 */
export interface ArticleChildren {
  /** The quote columns selected (the keys are always read) and the speaker's fields, when selected. */
  quotes?: { columns: readonly QuoteColumn[]; speaker?: readonly PersonDetail[]; limit: number };
  persons?: { details: readonly PersonDetail[]; limit: number };
  venues?: { limit: number };
}

export interface ArticleChildrenRows {
  quotes?: { quote: QuoteRow; speaker: PersonJson | null }[];
  persons?: PersonJson[];
  venues?: VenueJson[];
}

const VENUE_FIELDS = ["id", "name", "kind", "countryCode", "latitude", "longitude", "aliases"] as const;
// Gender and its evidence are short and non-null in the schema, so every person tuple carries them.
const personFields = (details: readonly PersonDetail[]) => ["id", "name", ...PERSON_GENDER_COLUMNS, ...details];
const quoteFields = (selected: readonly QuoteColumn[]) => QUOTE_COLUMNS.filter((c) => QUOTE_KEYS.includes(c) || selected.includes(c));

/** json_build_array of a table alias's fields, in the order given. */
function tuple(alias: string, fields: readonly string[]): Prisma.Sql {
  return Prisma.raw(`json_build_array(${fields.map((f) => `${alias}."${f}"`).join(", ")})`);
}

/**
 * A row by its key as a tuple, as a scalar subquery: always a primary-key lookup, where a
 * join inside a correlated subquery may be planned as a scan of the whole table per row.
 */
function tupleByKey(table: "Person" | "Venue", key: Prisma.Sql, fields: readonly string[]): Prisma.Sql {
  return Prisma.sql`(SELECT ${tuple("t", fields)} FROM ${Prisma.raw(`"${table}"`)} t WHERE t.id = ${key})`;
}

/**
 * Correlated subqueries for the children asked for: quotes in reading order, each with its
 * speaker's tuple last; persons and venues most mentioned first.
 */
export function articleChildColumns(article: Prisma.Sql, children: ArticleChildren): Prisma.Sql[] {
  const columns: Prisma.Sql[] = [];
  if (children.quotes) {
    const selected = quoteFields(children.quotes.columns);
    const fields = selected.map((f) => `q."${f}"`).join(", ");
    // The quotes are cut to the limit before they are aggregated: those columns, and the order's.
    const read = [...new Set([...selected, "position"])].map((f) => `"${f}"`).join(", ");
    const speaker = children.quotes.speaker ? tupleByKey("Person", Prisma.sql`q."speakerId"`, personFields(children.quotes.speaker)) : Prisma.sql`NULL`;
    columns.push(Prisma.sql`(
      SELECT coalesce(json_agg(json_build_array(${Prisma.raw(fields)}, ${speaker}) ORDER BY q.position), '[]')
      FROM (SELECT ${Prisma.raw(read)} FROM "Quote" WHERE "articleId" = ${article} ORDER BY position LIMIT ${children.quotes.limit}) q) AS quotes`);
  }
  if (children.persons) {
    columns.push(Prisma.sql`(
      SELECT coalesce(json_agg(${tupleByKey("Person", Prisma.sql`ap."personId"`, personFields(children.persons.details))} ORDER BY ap."mentionCount" DESC, ap."personId"), '[]')
      FROM (SELECT "personId", "mentionCount" FROM "ArticlePerson" WHERE "articleId" = ${article}
        ORDER BY "mentionCount" DESC, "personId" LIMIT ${children.persons.limit}) ap) AS persons`);
  }
  if (children.venues) {
    columns.push(Prisma.sql`(
      SELECT coalesce(json_agg(${tupleByKey("Venue", Prisma.sql`av."venueId"`, VENUE_FIELDS)} ORDER BY av."mentionCount" DESC, av."venueId"), '[]')
      FROM (SELECT "venueId", "mentionCount" FROM "ArticleVenue" WHERE "articleId" = ${article}
        ORDER BY "mentionCount" DESC, "venueId" LIMIT ${children.venues.limit}) av) AS venues`);
  }
  return columns;
}

/** An object of a tuple's fields. */
function fromTuple<T>(fields: readonly string[], values: unknown[]): T {
  const object: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) object[fields[i]!] = values[i];
  return object as T;
}

/** The children of an article row, decoded as articleChildColumns encoded them. */
export function decodeArticleChildren(row: Record<string, unknown>, children: ArticleChildren): ArticleChildrenRows {
  const decoded: ArticleChildrenRows = {};
  if (children.quotes) {
    const fields = quoteFields(children.quotes.columns);
    const speakerFields = personFields(children.quotes.speaker ?? []);
    decoded.quotes = (row.quotes as unknown[][]).map((values) => {
      const speaker = values[fields.length] as unknown[] | null;
      return { quote: fromTuple<QuoteRow>(fields, values), speaker: speaker ? fromTuple<PersonJson>(speakerFields, speaker) : null };
    });
  }
  if (children.persons) decoded.persons = (row.persons as unknown[][]).map((values) => fromTuple<PersonJson>(personFields(children.persons!.details), values));
  if (children.venues) decoded.venues = (row.venues as unknown[][]).map((values) => fromTuple<VenueJson>(VENUE_FIELDS, values));
  return decoded;
}
