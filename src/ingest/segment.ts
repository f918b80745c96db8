// Stage 2, segment: cuts a scraped page into title, dateline, photo caption and credit,
// body paragraphs, related headlines, tags and reader comments, dropping boilerplate.
// Every part keeps its offsets into the text as read.
import { bylineNames } from "./bylines.js";
import { isDateline } from "./dateline.js";
import { cleanText } from "./normalize.js";
import type { ExtractedComment, Paragraph, SegmentedDocument, Span } from "./types.js";

interface Line extends Span {
  text: string;
  /** Blank lines just before this one. */
  gapBefore: number;
}

const BOILERPLATE = [
  /^get short url$/i, /^share( this)?( article| story)?:?$/i, /^(tweet|email|print|subscribe|follow us.*)$/i,
  /^community standards/i, /^comment via /i, /^all comments$/i, /^show (new |more )?comments/i, /^•?\s*comments?$/i,
  /^(add|post|leave) a comment$/i, /^\d+\s+comments?$/i, /^(load|show) more$/i, /^advertisement$/i,
  /^(read more|see also|related( articles| stories)?)[:.]?$/i, /^(sign in|log in|register) to comment/i,
];
const COMMENTS_START = [/^community standards/i, /^comment via /i, /^all comments$/i, /^\d+\s+comments?$/i, /^comments?$/i, /^•\s*comment$/i];
const CREDIT = /^(©|\(c\)\s|photo(graph)?\s*(credit)?\s*[:/]|image( credit)?\s*:|picture\s*:|\(?(AP|AFP|Reuters|Getty Images|EPA)\s+Photo)/i;
/** A credit at the end of a caption line: "Cranes at dawn. Photo: Jane Roe/Agency", "(Photo: AFP)". */
const CREDIT_TAIL = /(?:^|(?<=[.!?…"”’)\]]\s*)|\s[([]|\s[-–—|]\s)\(?((?:photo(?:graph)?s?|image|picture)\s*(?:credit)?\s*(?::|\/|by\b)\s*[^()[\]]{2,80}?|©\s*[^()[\]]{2,80}?)[)\]]?\s*$/iu;
const SENTENCE_END = /[.!?…:;]["”’)\]]*$/u;
const TAGS_PREFIX = /^(tags|topics|keywords)\s*:\s*/i;

function splitLines(clean: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  let gap = 0;
  for (const rawLine of clean.split("\n")) {
    const leading = rawLine.length - rawLine.trimStart().length;
    const trimmed = rawLine.trim();
    if (trimmed) {
      const start = offset + leading;
      lines.push({ start, end: start + trimmed.length, text: trimmed, gapBefore: gap });
      gap = 0;
    } else gap++;
    offset += rawLine.length + 1;
  }
  return lines;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Share of words that start with a capital letter (or digit): high for headlines. */
export function capitalizedShare(text: string): number {
  const ws = words(text).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (!ws.length) return 0;
  return ws.filter((w) => /^["“‘'(]?[\p{Lu}\p{N}]/u.test(w)).length / ws.length;
}

const isBoilerplate = (text: string) => BOILERPLATE.some((re) => re.test(text));

/** A line that reads as prose: a sentence of some length, not a headline. */
function isProse(line: Line): boolean {
  const n = words(line.text).length;
  if (!SENTENCE_END.test(line.text)) return false;
  if (n >= 20) return true;
  return n >= 6 && capitalizedShare(line.text) < 0.6;
}

function isTagsLine(text: string): boolean {
  if (TAGS_PREFIX.test(text)) return true;
  if (SENTENCE_END.test(text) || !text.includes(",")) return false;
  const items = text.split(",").map((s) => s.trim());
  return items.length >= 2 && items.every((item) => item && words(item).length <= 7) && !/\b(said|says|is|are|was|were)\b/.test(text);
}

function parseComments(lines: Line[]): { comments: ExtractedComment[]; spans: Span[] } {
  const comments: ExtractedComment[] = [];
  const spans: Span[] = [];
  let current: { author: string | null; parts: string[]; spans: Span[] } | null = null;
  const flush = () => {
    if (current && current.parts.length) {
      comments.push({ author: current.author, text: current.parts.join("\n") });
      spans.push(...current.spans);
    }
    current = null;
  };
  for (const line of lines) {
    const bullet = /^[•·*]\s*(.*)$/u.exec(line.text);
    if (bullet) {
      flush();
      const author = bullet[1]!.trim();
      // "• Comment" is the widget's button, "• avatar" an author shown only as a picture.
      if (/^comment$/i.test(author)) continue;
      current = { author: !author || /^avatar$/i.test(author) ? null : author, parts: [], spans: [] };
    } else if (isBoilerplate(line.text)) {
      flush();
    } else if (current) {
      const open = current as { parts: string[]; spans: Span[] };
      open.parts.push(line.text);
      open.spans.push({ start: line.start, end: line.end });
    }
  }
  flush();
  return { comments, spans };
}

/** A line that ends in a photo credit: the credit's span, and where the caption before it ends. */
function creditTail(line: Line): { caption: Span | null; credit: Span & { text: string } } | null {
  if (CREDIT.test(line.text)) return { caption: null, credit: { start: line.start, end: line.end, text: line.text } };
  const m = CREDIT_TAIL.exec(line.text);
  // A credit is a name or two, not a sentence: "Photos by the lake were taken later." is prose.
  if (!m || /[.!?]$/.test(m[1]!) || m[1]!.split(/\s+/).length > 10) return null;
  const start = line.start + m.index + m[0].indexOf(m[1]!);
  const credit = { start, end: start + m[1]!.length, text: m[1]! };
  const before = line.text.slice(0, m.index).trimEnd();
  return { caption: before ? { start: line.start, end: line.start + before.length } : null, credit };
}

function bylineOf(line: Line): SegmentedDocument["byline"] {
  const names = bylineNames(line.text);
  return names ? { start: line.start, end: line.end, text: line.text, names } : null;
}

export function segment(text: string, hints: { title?: string } = {}): SegmentedDocument {
  const clean = cleanText(text);
  const lines = splitLines(clean);
  const boilerplate: string[] = [];

  const commentsAt = lines.findIndex((l) => COMMENTS_START.some((re) => re.test(l.text)));
  const main = commentsAt >= 0 ? lines.slice(0, commentsAt) : lines;
  const { comments, spans: commentSpans } = commentsAt >= 0 ? parseComments(lines.slice(commentsAt)) : { comments: [], spans: [] };
  if (commentsAt >= 0) boilerplate.push(...lines.slice(commentsAt).filter((l) => isBoilerplate(l.text) || /^•\s*comment$/i.test(l.text)).map((l) => l.text));

  const proseIdx = main.map((l, i) => (isProse(l) && !CREDIT.test(l.text) && !isDateline(l.text) ? i : -1)).filter((i) => i >= 0);
  const firstBody = proseIdx.length ? proseIdx[0]! : main.length;
  const lastBody = proseIdx.length ? proseIdx[proseIdx.length - 1]! : main.length - 1;

  let title: SegmentedDocument["title"] = null;
  let dateline: SegmentedDocument["dateline"] = null;
  let photoCaption: SegmentedDocument["photoCaption"] = null;
  let photoCredit: SegmentedDocument["photoCredit"] = null;
  let byline: SegmentedDocument["byline"] = null;
  const headCandidates: Line[] = [];
  for (const line of main.slice(0, firstBody)) {
    if (isBoilerplate(line.text)) boilerplate.push(line.text);
    else if (!dateline && isDateline(line.text)) dateline = { start: line.start, end: line.end, text: line.text };
    else if (!byline && bylineOf(line)) byline = bylineOf(line);
    else if (creditTail(line)) {
      // The credit is kept as the credit (its name is no person the article is about); a
      // caption before it stays a caption candidate.
      const { caption, credit } = creditTail(line)!;
      photoCredit ??= credit;
      if (caption) headCandidates.push({ ...caption, text: clean.slice(caption.start, caption.end), gapBefore: line.gapBefore });
    } else headCandidates.push(line);
  }
  const hinted = hints.title ? headCandidates.find((l) => l.text === hints.title!.trim()) : undefined;
  const titleLine =
    hinted ??
    headCandidates.filter((l) => words(l.text).length <= 20).sort((a, b) => capitalizedShare(b.text) - capitalizedShare(a.text))[0] ??
    headCandidates[0];
  if (titleLine) title = { start: titleLine.start, end: titleLine.end, text: titleLine.text };
  const others = headCandidates.filter((l) => l !== titleLine);
  const captionLine = others.sort((a, b) => b.text.length - a.text.length)[0];
  if (captionLine) photoCaption = { start: captionLine.start, end: captionLine.end, text: captionLine.text };

  const paragraphs: Paragraph[] = [];
  for (const line of main.slice(firstBody, lastBody + 1)) {
    if (isBoilerplate(line.text)) boilerplate.push(line.text);
    else if (creditTail(line)) {
      // A figure's caption inside the body stays body text; its credit does not.
      const { caption, credit } = creditTail(line)!;
      photoCredit ??= credit;
      if (caption) paragraphs.push({ ...caption, section: "body" });
    } else paragraphs.push({ start: line.start, end: line.end, section: "body" });
  }

  const relatedHeadlines: SegmentedDocument["relatedHeadlines"] = [];
  let tags: string[] = [];
  let tagsSpan: Span | null = null;
  const tail = main.slice(lastBody + 1).filter((l) => {
    if (!isBoilerplate(l.text)) return true;
    boilerplate.push(l.text);
    return false;
  });
  tail.forEach((line, i) => {
    if (i === tail.length - 1 && isTagsLine(line.text)) {
      tags = line.text.replace(TAGS_PREFIX, "").split(",").map((t) => t.trim()).filter(Boolean);
      tagsSpan = { start: line.start, end: line.end };
    } else relatedHeadlines.push({ start: line.start, end: line.end, text: line.text });
  });

  return { text, clean, title, dateline, photoCaption, photoCredit, byline, paragraphs, relatedHeadlines, tags, tagsSpan, comments, commentSpans, boilerplate };
}
