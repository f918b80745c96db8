// The shapes that flow through the ingest pipeline: read -> segment -> extract -> resolve -> store.

import type { PersonGender } from "./coreference/gender.js";

/** Sections of a page. Only the body (and title) carry mentions that count as the article's. */
export type SectionName = "title" | "dateline" | "photoCaption" | "photoCredit" | "body" | "relatedHeadlines" | "tags" | "comments";

export interface Span {
  start: number;
  end: number;
}

export interface SectionSpan extends Span {
  section: SectionName;
}

/** Hints given beside an input, and the format its raw text was read as. */
export interface StoredHints {
  format: "text" | "html";
  url?: string;
  source?: string;
  title?: string;
  publishedAt?: Date;
}

/** One input document, as read, before any extraction. */
export interface RawDocument {
  /** Where it came from (file path, "jsonl:FILE:LINE", "graphql"). */
  origin: string;
  format: "text" | "html" | "jsonl";
  /** The raw input, kept whole in the database. */
  raw: string;
  /** The text the extractor reads; offsets point into it. For text input it is `raw` itself. */
  text: string;
  url?: string;
  source?: string;
  title?: string;
  publishedAt?: Date;
  /** What came with the input, and the format its raw input was read as; stored for reprocess. */
  hints: StoredHints;
  /** What the reader assumed (format, encoding …), reported to the user. */
  notes: string[];
  /** Authors the HTML reader found in the page's metadata (text input finds its own "By" line). */
  authors?: string[];
  /** Comments the HTML reader found in the markup (text input finds its own). */
  htmlComments?: ExtractedComment[];
}

export interface Paragraph extends Span {
  section: SectionName;
}

/** The page cut into its parts. Offsets index into RawDocument.text. */
export interface SegmentedDocument {
  text: string;
  /** The text with offset-preserving repairs: no-break spaces, Cyrillic look-alikes. */
  clean: string;
  title: (Span & { text: string }) | null;
  dateline: (Span & { text: string }) | null;
  photoCaption: (Span & { text: string }) | null;
  photoCredit: (Span & { text: string }) | null;
  /** A "By …" line at the head of the page, with the names it gives. */
  byline: (Span & { text: string; names: string[] }) | null;
  paragraphs: Paragraph[];
  relatedHeadlines: (Span & { text: string })[];
  tags: string[];
  tagsSpan: Span | null;
  comments: ExtractedComment[];
  /** Where the comments' text lines are (for places named in comments). */
  commentSpans: Span[];
  boilerplate: string[];
}

export interface ExtractedArticle {
  title: string;
  publishedAt: Date | null;
  dateline: string | null;
  source: string | null;
  url: string | null;
  photoCaption: string | null;
  photoCredit: string | null;
  /** Who wrote the article (its byline), never counted among the persons it mentions. */
  authors: string[];
  tags: string[];
  relatedHeadlines: string[];
  body: string;
}

export interface ExtractedPerson {
  name: string;
  aliases: string[];
  roles: string[];
  mentions: SectionSpan[];
  /** What the article says of the person's gender (src/ingest/coreference/gender.ts). */
  gender?: PersonGender;
}

export interface ExtractedQuote {
  text: string;
  start: number;
  end: number;
  speaker: string | null;
  speakerPerson: string | null;
  cue: string | null;
  confidence: number;
  context: string;
  /** DIRECT: a speaker's words in marks; PARTIAL: a fragment of them inside the reporter's sentence. */
  kind: QuoteKind;
  /**
   * The organisation speaking ("the utility said", "Acme said in a statement"), by name; set
   * only when the quote has no person speaker (src/ingest/organization-speakers.ts).
   */
  speakerOrganization?: string | null;
}

export type QuoteKind = "DIRECT" | "PARTIAL";

export interface ExtractedVenue {
  name: string;
  kind: string;
  countryCode: string | null;
  lat: number | null;
  lon: number | null;
  aliases: string[];
  mentions: SectionSpan[];
}

export interface ExtractedComment {
  author: string | null;
  text: string;
}

export interface Extraction {
  article: ExtractedArticle;
  persons: ExtractedPerson[];
  /** Organisations the article names; never the same names as its persons. */
  organizations: ExtractedOrganization[];
  quotes: ExtractedQuote[];
  venues: ExtractedVenue[];
  comments: ExtractedComment[];
  notes: string[];
}

/** A problem with one input, meant to be shown to a person: what is wrong and where. */
export class IngestError extends Error {
  override name = "IngestError";
  constructor(
    readonly origin: string,
    readonly reason: string,
  ) {
    super(`${origin}: ${reason}`);
  }
}

/** What an organisation is, where its own words say so plainly ("… Party", "… Inc", "Ministry of …"). */
export type OrganizationKind = "COMPANY" | "GOVERNMENT" | "PARTY" | "NEWS_OUTLET" | "EDUCATION" | "NGO" | "TEAM";

export interface ExtractedOrganization {
  /** The fullest form the article gives ("European Union", not "EU"). */
  name: string;
  /** Every form the article calls it by, the name included ("European Union", "EU", "E.U."). */
  aliases: string[];
  kind: OrganizationKind | null;
  mentions: SectionSpan[];
}
