// The most items each list field of the API can return, in one table: the resolvers read
// their `first` argument's default and maximum from it and enforce them in SQL, and the cost
// estimate (server/limits.ts) prices each list by the same entry. A list priced by a guess
// could return more than its price; one table keeps the price and the limit from drifting.
import type { ArgOptions } from "type-graphql";
import { badInput } from "./errors.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./pagination.js";

export interface ListCap {
  /** The argument that sizes the list; none when the list has a fixed maximum. */
  argument?: string;
  /** The argument's default. */
  default: number;
  /** The most the argument may ask for. */
  max: number;
  /** Items the list holds for a size asked (default: the size itself). */
  items?: (size: number) => number;
  /**
   * The item count is priced on the field that holds this list and its siblings (the
   * network's nodes and edges, sized by the parent's maxNodes): here an item counts once.
   */
  pricedOnParent?: boolean;
}

/** The timeline's most buckets; a range needing more is refused (too fine an interval). */
export const MAX_TIMELINE_BUCKETS = 5_000;
/**
 * The gender timeline's most buckets: each bucket holds three counts, so it is priced four
 * times a plain bucket and gets a fifth of the range to stay well under the cost limit.
 */
export const MAX_GENDER_TIMELINE_BUCKETS = 1_000;
export const MAX_NETWORK_NODES = 200;
/** The most pairs among n persons: the network's edges. */
export const networkEdges = (nodes: number): number => Math.max(nodes, (nodes * (nodes - 1)) / 2);

const page = { argument: "first", default: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE };
/** An article's own children: most articles have fewer, so the default brings them all. */
const ofArticle = { argument: "first", default: 50, max: MAX_PAGE_SIZE };
const top = { argument: "first", default: 10, max: 100 };
/** Where one mention edge names its entity; one article rarely names anyone more often. */
const spans = { argument: "first", default: 20, max: MAX_PAGE_SIZE };

/** Every list of objects in the schema, by "Type.field". Connections are sized by ConnectionArgs. */
export const LIST_CAPS = {
  "Query.articles": page,
  "Query.persons": page,
  "Query.venues": page,
  "Query.topPersons": top,
  "Query.topSpeakers": top,
  "Query.topVenues": top,
  "Query.topOrganizations": top,
  "Query.venueMap": { argument: "first", default: 500, max: 1_000 },
  "Query.mentionTimeline": { default: MAX_TIMELINE_BUCKETS, max: MAX_TIMELINE_BUCKETS },
  "Query.coMentionNetwork": { argument: "maxNodes", default: 50, max: MAX_NETWORK_NODES, items: networkEdges },
  "CoMentionNetwork.nodes": { default: 1, max: 1, pricedOnParent: true },
  "Query.quotedGenderTimeline": { default: MAX_GENDER_TIMELINE_BUCKETS, max: MAX_GENDER_TIMELINE_BUCKETS },
  "Query.quotedGenderBySource": top,
  // One count per gender: FEMALE, MALE, UNKNOWN.
  "QuoteGenderBucket.counts": { default: 3, max: 3 },
  "SourceQuoteGender.counts": { default: 3, max: 3 },
  "CoMentionNetwork.edges": { default: 1, max: 1, pricedOnParent: true },
  "Mutation.ingestArticles": { argument: "inputs", default: 1, max: 100 },
  "Article.persons": ofArticle,
  "Article.personMentions": ofArticle,
  "Article.venues": ofArticle,
  "Article.venueMentions": ofArticle,
  "Article.quotes": ofArticle,
  "Article.comments": ofArticle,
  "Article.organizations": ofArticle,
  "Person.articles": page,
  "Person.mentions": page,
  "Person.quotes": page,
  "Person.coMentioned": { ...page, default: 10 },
  "Person.venues": { ...page, default: 10 },
  "Venue.articles": page,
  "Organization.articles": page,
  "Organization.quotes": page,
  "Venue.mentions": page,
  "Venue.persons": { ...page, default: 10 },
  "PersonMention.mentions": spans,
  "VenueMention.mentions": spans,
  // A snippet holds at most MaxFragments × MaxWords words (HEADLINE_OPTIONS), each one match at most.
  "Highlight.matches": { default: 60, max: 60 },
} as const satisfies Record<string, ListCap>;

export type CappedList = keyof typeof LIST_CAPS;

export function listCapOf(typeName: string, fieldName: string): ListCap | undefined {
  return (LIST_CAPS as Record<string, ListCap>)[`${typeName}.${fieldName}`];
}

/** The options of a list's sizing argument, from its cap: its default and a description naming the maximum. */
export function sizeArg(list: CappedList, what = "How many"): ArgOptions & { defaultValue: number } {
  const cap: ListCap = LIST_CAPS[list];
  return { defaultValue: cap.default, description: `${what}, at most ${cap.max}.` };
}

/** The size asked for a list, checked against its cap before any database work. */
export function cappedSize(list: CappedList, size: number): number {
  const cap: ListCap = LIST_CAPS[list];
  const argument = cap.argument ?? "first";
  if (!Number.isInteger(size) || size < 0 || size > cap.max) throw badInput(`${argument} must be between 0 and ${cap.max}, got ${size}`, argument);
  return size;
}
