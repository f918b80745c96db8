// Stage 3, extract: one RawDocument in, the article with its persons, quotes, venues and
// comments out. Pure: no database, so `npm run extract` and the tests use it directly.
import { httpUrl } from "../http-url.js";
import { uniqueAuthors } from "./bylines.js";
import { articleCoreference } from "./coreference/article.js";
import { parseDateline } from "./dateline.js";
import { extractPersons, photographerOf, type TokenizedSection } from "./persons.js";
import { tagEntities } from "./ner/tagger.js";
import { withOrganizationSpeakers } from "./organization-speakers.js";
import { extractOrganizations } from "./organizations.js";
import { extractQuotes } from "./quotes.js";
import { segment } from "./segment.js";
import { sourceFromText, sourceFromUrl } from "./source.js";
import { mergePersonForms } from "./person-merge.js";
import { reconcilePersons } from "./tagged-persons.js";
import { tokenize, type Token } from "./tokens.js";
import type { ExtractedPerson, Extraction, RawDocument, SectionName, Span } from "./types.js";
import { findVenues, groupVenues } from "./venues.js";

/** Bump when extraction changes, so `reprocess` knows which articles are stale. */
export const EXTRACTOR_VERSION = 4;

export function extract(doc: RawDocument): Extraction {
  const seg = segment(doc.text, { title: doc.title });
  const text = seg.clean;
  const sectionOf = (section: SectionName, spans: Span[]): TokenizedSection[] =>
    spans.map((span) => ({ section, span, tokens: tokenize(text, span.start, span.end).filter((t) => t.end <= span.end) }));
  const sections: TokenizedSection[] = [
    ...sectionOf("title", seg.title ? [seg.title] : []),
    ...sectionOf("photoCaption", seg.photoCaption ? [seg.photoCaption] : []),
    ...sectionOf("body", seg.paragraphs),
    ...sectionOf("relatedHeadlines", seg.relatedHeadlines),
    ...sectionOf("tags", seg.tagsSpan ? [seg.tagsSpan] : []),
    ...sectionOf("comments", seg.commentSpans),
  ];

  const venueHits = sections.flatMap((s) => findVenues(text, s.tokens, s.section));
  // Which characters a place name covers: every token of every section asks.
  const venueAt = new Uint8Array(text.length + 1);
  for (const h of venueHits) venueAt.fill(1, h.start, h.end);
  const inVenue = (t: Token) => venueAt[t.start] === 1 && venueAt[t.end - 1] === 1;
  // The title and body as one stream of tokens: the name tagger reads across paragraphs.
  const namedSections = sections.filter((s) => s.section === "title" || s.section === "body");
  const articleTokens = namedSections.flatMap((s) => s.tokens);
  const sectionAt = (span: Span): SectionName => namedSections.find((s) => s.span.start <= span.start && span.end <= s.span.end)?.section ?? "body";
  const paragraphAt = (span: Span): Span => seg.paragraphs.find((p) => p.start <= span.start && span.end <= p.end) ?? span;
  const tagged = tagEntities(text, articleTokens);
  const persons = mergePersonForms(reconcilePersons(text, extractPersons(text, sections, seg.paragraphs, inVenue), tagged, articleTokens, sectionAt, paragraphAt));
  const organizations = extractOrganizations(text, tagged, articleTokens, sectionAt, persons);
  addPhotographer(seg.photoCredit, persons);
  addMentionsOutsideBody(text, sections, persons);
  const quotes = withOrganizationSpeakers(text, extractQuotes(text, seg.paragraphs, persons), organizations);
  // Gender: pronouns that corefer with each person first, then titles, then first names.
  const coreference = articleCoreference(text, seg.paragraphs, persons);
  for (const p of persons) p.gender = coreference.genderOf(p);

  const body = seg.paragraphs.map((p) => text.slice(p.start, p.end)).join("\n\n");
  const url = httpUrl(doc.url);
  const title = seg.title?.text ?? doc.title ?? body.split("\n", 1)[0]!.slice(0, 200);
  const notes = [...doc.notes];
  // A url given beside the input that is not http(s) (from the command line, or kept with
  // an article stored before such urls were refused and now reprocessed) is left out.
  if (doc.url && !url) notes.push("ignored the url given: not an absolute http(s) URL");
  if (!seg.title && !doc.title) notes.push("no title line found: used the start of the body");
  const datelineTime = seg.dateline && !doc.publishedAt ? parseDateline(seg.dateline.text) : null;
  if (seg.dateline && !doc.publishedAt && !datelineTime) notes.push(`the dateline ${JSON.stringify(seg.dateline.text)} gives no date with its year written out: publication time left out`);
  return {
    article: {
      title,
      publishedAt: doc.publishedAt ?? datelineTime,
      dateline: seg.dateline?.text ?? null,
      source: doc.source ?? sourceFromUrl(url) ?? sourceFromText(seg.boilerplate, body),
      url,
      photoCaption: seg.photoCaption?.text ?? null,
      photoCredit: seg.photoCredit?.text ?? null,
      // The page's metadata names the writers more exactly than a line of its text.
      authors: doc.authors?.length ? doc.authors : uniqueAuthors(seg.byline?.names ?? []),
      tags: seg.tags,
      relatedHeadlines: seg.relatedHeadlines.map((h) => h.text),
      body,
    },
    persons,
    organizations,
    quotes,
    venues: groupVenues(venueHits),
    comments: doc.htmlComments?.length ? doc.htmlComments : seg.comments,
    notes,
  };
}

function addPhotographer(credit: (Span & { text: string }) | null, persons: ExtractedPerson[]): void {
  if (!credit) return;
  const photographer = photographerOf(credit.text, credit.start);
  if (!photographer) return;
  const mention = { start: photographer.start, end: photographer.end, section: "photoCredit" as const };
  const known = persons.find((p) => p.name === photographer.name);
  if (known) known.mentions.push(mention);
  else persons.push({ name: photographer.name, aliases: [photographer.name], roles: ["photographer"], mentions: [mention] });
}

/** Known persons named in the title or photo caption: mentions in those sections. */
function addMentionsOutsideBody(text: string, sections: TokenizedSection[], persons: ExtractedPerson[]): void {
  for (const s of sections.filter((x) => x.section === "title" || x.section === "photoCaption")) {
    const segment = text.slice(s.span.start, s.span.end);
    for (const person of persons) {
      for (const alias of [...person.aliases].sort((a, b) => b.length - a.length)) {
        if (!segment.includes(alias)) continue;
        const re = new RegExp(`(?<![\\p{L}])${alias.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "gu");
        for (const m of segment.matchAll(re)) {
          const start = s.span.start + m.index!;
          if (!person.mentions.some((x) => x.start <= start && start < x.end)) person.mentions.push({ start, end: start + alias.length, section: s.section });
        }
      }
    }
  }
}
