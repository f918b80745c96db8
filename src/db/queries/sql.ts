// Small SQL helpers shared by the list and analytics queries.
import { Prisma } from "../../generated/prisma/client.js";
import { MATCH_END, MATCH_START } from "./highlight.js";

/** The text-search configuration the ingest writes search vectors with. */
export const TEXT_SEARCH_CONFIG = Prisma.raw("'english'");

/** A web-search-syntax query ("a phrase", or, -not) as a tsquery. */
export function tsQuery(search: string): Prisma.Sql {
  return Prisma.sql`websearch_to_tsquery(${TEXT_SEARCH_CONFIG}, ${search})`;
}

/**
 * Where a body splits into passages: at blank lines, as articles are written. The ingest's
 * ArticlePassage rows and the snippets' passages must split alike.
 */
const PASSAGE_BREAK = Prisma.raw(String.raw`'\n\s*\n'`);

/** The passages of a body, in order, as a text[]. */
export function passagesOf(body: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`regexp_split_to_array(${body}, ${PASSAGE_BREAK})`;
}

/**
 * Options for ts_headline: a few short passages, matches between control characters that
 * highlight.ts turns into <mark> once the text around them is escaped.
 */
export const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter= … `;

/** ASC or DESC, from a value already checked by GraphQL's enum. */
export function direction(value: "ASC" | "DESC"): Prisma.Sql {
  return Prisma.raw(value === "ASC" ? "ASC" : "DESC");
}

/** A LIKE pattern that matches `text` anywhere, with LIKE's wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Whether a search string has any searchable word (websearch_to_tsquery of "the" is empty). */
export function hasSearchText(search: string | null | undefined): search is string {
  return !!search && /[\p{L}\p{N}]/u.test(search);
}

/**
 * `column` is one of `keys`. The statements run on generic plans (connection.ts), and a
 * generic plan takes an array parameter for ten keys: for the one parent of a detail page
 * (a person's quotes, articles, co-mentions) it then hash-joins whole tables where a few
 * index lookups do. One key is written as a scalar, a statement text of its own with a
 * plan of its own.
 */
export function keyIn(column: Prisma.Sql, keys: readonly number[]): Prisma.Sql {
  return keys.length === 1 ? Prisma.sql`${column} = ${keys[0]}::int` : Prisma.sql`${column} = ANY(${keyArray(keys)})`;
}

/** Keys as one int[] parameter. */
export const keyArray = (keys: readonly number[]) => Prisma.sql`${[...keys]}::int[]`;
