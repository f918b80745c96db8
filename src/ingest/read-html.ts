// HTML pages: the main text through Mozilla's Readability over linkedom's DOM, plus the
// metadata and reader comments the markup shows.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { httpUrl } from "../http-url.js";
import { parseIsoDate } from "./dates.js";
import { readAuthors } from "./html-authors.js";
import { IngestError, type ExtractedComment } from "./types.js";

export interface HtmlPage {
  title?: string;
  text: string;
  url?: string;
  siteName?: string;
  publishedAt?: Date;
  /** Who wrote the article, as the page's metadata or byline elements name them. */
  authors: string[];
  comments: ExtractedComment[];
  notes: string[];
}

const BLOCKS = "p, h1, h2, h3, h4, li, blockquote, figcaption, pre";

function meta(document: Document, ...names: string[]): string | undefined {
  for (const name of names) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const content = el?.getAttribute("content")?.trim();
    if (content) return content;
  }
  return undefined;
}

function textOf(el: Element): string {
  return (el.textContent ?? "").replace(/\s+/g, " ").trim();
}

/**
 * A block's own text, without the blocks inside it: in broken markup an unclosed <h1> or
 * <p> swallows the paragraphs after it, which are listed on their own.
 */
function ownText(el: Element): string {
  if (!el.querySelector(BLOCKS)) return textOf(el);
  const copy = el.cloneNode(true) as Element;
  for (const inner of copy.querySelectorAll(BLOCKS)) inner.remove();
  return textOf(copy);
}

/** Comments where the markup names them: elements whose class or id says "comment". */
function readComments(document: Document): ExtractedComment[] {
  const nodes = [...document.querySelectorAll('[class~="comment"], [class*="comment-item"], li[class*="comment"], article[class*="comment"]')];
  const comments: ExtractedComment[] = [];
  for (const node of nodes) {
    const bodyEl = node.querySelector('[class*="comment-body"], [class*="comment-text"], [class*="comment-content"], p');
    const authorEl = node.querySelector('[class*="author"], [class*="user"], [class*="name"]');
    const text = bodyEl ? textOf(bodyEl) : "";
    if (!text) continue;
    const author = authorEl ? textOf(authorEl) : "";
    comments.push({ author: author && !/^avatar$/i.test(author) ? author : null, text });
  }
  return comments;
}

/**
 * The page's own URL from og:url, else its canonical link: the first that is an absolute
 * http(s) URL. Others (relative, javascript:, data: …) are left out, with a note.
 */
function pageUrl(document: Document, notes: string[]): string | undefined {
  const candidates: [string, string | null | undefined][] = [
    ["og:url", meta(document, "og:url")],
    ["canonical link", document.querySelector('link[rel="canonical"]')?.getAttribute("href")?.trim()],
  ];
  for (const [name, value] of candidates) {
    if (!value) continue;
    const url = httpUrl(value);
    if (url) return url;
    notes.push(`ignored the page's ${name}: not an absolute http(s) URL`);
  }
  return undefined;
}

/**
 * A meta tag's publication time: ISO 8601 as the Open Graph and schema.org tags have it, or
 * a written-out date with a month name and a four-digit year ("Thu, 30 Mar 2017 19:40:00
 * GMT"). Date.parse alone would read "1" as 2001-01-01.
 */
function metaDate(content: string): Date | undefined {
  const iso = parseIsoDate(content);
  if (iso) return iso;
  if (!/\b\d{4}\b/.test(content) || !/\b[A-Za-z]{3,9}\b/.test(content)) return undefined;
  const parsed = Date.parse(content);
  return Number.isNaN(parsed) ? undefined : new Date(parsed);
}

export function parseHtml(origin: string, html: string): HtmlPage {
  const notes: string[] = [];
  let document: Document;
  try {
    document = parseHTML(html).document as unknown as Document;
  } catch (error) {
    throw new IngestError(origin, `the HTML could not be parsed: ${(error as Error).message}`);
  }
  const comments = readComments(document);
  for (const el of document.querySelectorAll('[class*="comment"], [id*="comment"]')) el.remove();
  // After the comments are gone: a comment's "author" is a reader, not the article's writer.
  const authors = readAuthors(document);
  const headTitle = document.querySelector("title")?.textContent?.trim();
  const metaTitle = meta(document, "og:title", "twitter:title");
  const published = meta(document, "article:published_time", "datePublished", "pubdate", "date");
  const url = pageUrl(document, notes);
  const siteName = meta(document, "og:site_name", "application-name");

  let paragraphs: string[] = [];
  let title = metaTitle ?? headTitle;
  try {
    const article = new Readability(document.cloneNode(true) as Document, { charThreshold: 100 }).parse();
    if (article?.content) {
      const { document: fragment } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
      paragraphs = [...fragment.querySelectorAll(BLOCKS)].map((el) => ownText(el as unknown as Element)).filter(Boolean);
      title = article.title?.trim() || title;
    }
  } catch (error) {
    notes.push(`Readability failed (${(error as Error).message}); fell back to every paragraph of the page`);
  }
  if (!paragraphs.length) {
    const h1 = document.querySelector("h1");
    if (!title && h1) title = ownText(h1) || undefined;
    paragraphs = [...document.querySelectorAll(BLOCKS)].filter((el) => el !== h1 || !title).map((el) => ownText(el)).filter(Boolean);
    if (paragraphs.length) notes.push("no main article found by Readability: used every paragraph of the page");
  }
  if (!paragraphs.length) {
    const bodyText = document.body ? textOf(document.body as unknown as Element) : html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
    if (!bodyText) throw new IngestError(origin, "the HTML page holds no text");
    paragraphs = [bodyText];
    notes.push("the HTML has no paragraphs: read its text as one paragraph");
  }
  const publishedAt = published ? metaDate(published) : undefined;
  if (published && !publishedAt) notes.push(`the page's publication date ${JSON.stringify(published.slice(0, 60))} is not a date: left out`);
  // The extractor reads a plain-text rendering: the title line, then one paragraph per line.
  const text = [title ?? "", ...paragraphs].filter((line, i) => i > 0 || line).join("\n\n");
  return { title, text, url, siteName, publishedAt, authors, comments, notes };
}
